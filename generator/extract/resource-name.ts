/**
 * The type a resource page documents: the JSON representation's `@odata.type`,
 * else the title (`x resource type`), else the front matter title.
 */
import type { PageContext } from './context.js';

export interface ResourceName {
  name: string;
  namespace: string;
  from: 'annotation' | 'title' | 'front-matter';
}

const QUALIFIED = /^#?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)$/;
/** What titles append to the type name. */
const TITLE_SUFFIX =
  /(?<!\s)\s+(?:\(.*\)|res(?:ource|ouce)\s+type|resource|facet|complex\s+type|entity\s+type|entity|type|object|enum(?:eration)?\s+type|(?:\(\s*)?(?:deprecated|preview)(?:\s*\))?)$/i;

export function readResourceName(ctx: PageContext, odataType: string | undefined): ResourceName | null {
  const fromAnnotation = odataType ? split(ctx, odataType) : null;
  if (fromAnnotation) return { ...fromAnnotation, from: 'annotation' };
  const fromTitle = ctx.title ? fromHeading(ctx, ctx.title) : null;
  if (fromTitle) return { ...fromTitle, from: 'title' };
  const frontTitle = ctx.frontMatter['title'];
  const fromFront = frontTitle ? fromHeading(ctx, frontTitle) : null;
  return fromFront ? { ...fromFront, from: 'front-matter' } : null;
}

/** Titles longer than this name no type: stripping suffixes one by one is quadratic in their number, as is `\(.*\)` in ` (` runs. */
const MAX_TITLE = 500;

/** `x resource type` → x; `microsoft.graph.callRecords.session resource type` → session in callRecords. */
function fromHeading(ctx: PageContext, title: string): Omit<ResourceName, 'from'> | null {
  if (title.length > MAX_TITLE) return null;
  let text = title.replace(/[`*"]/g, '').replace(/\s+/g, ' ').trim();
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(TITLE_SUFFIX, '').trim();
  }
  return split(ctx, text);
}

/** A possibly qualified name into bare name and namespace (the page's when unqualified). */
function split(ctx: PageContext, text: string): Omit<ResourceName, 'from'> | null {
  const match = QUALIFIED.exec(text.trim());
  if (!match?.[1]) return null;
  const parts = match[1].split('.');
  const name = parts.pop()!;
  if (parts.length === 0) return { name, namespace: ctx.namespace };
  const namespace = parts.join('.');
  return { name, namespace: namespace === 'graph' ? 'microsoft.graph' : namespace };
}
