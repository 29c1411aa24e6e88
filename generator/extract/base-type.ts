/**
 * The type a resource derives from: an "Inherits from [x](x.md)." / "Derived from
 * [x](x.md)." / "Inherited from [x](x.md) entity." / "is a subtype of [x](x.md)" / "A subclass of [x](x.md)"
 * sentence under the title or in the Properties section, or "It is derived from
 * microsoft.graph.x." in plain text, else the JSON representation annotation's `baseType`.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { at, report, type PageContext } from './context.js';
import type { AnnotationFacts, ResourceFacts } from './facts.js';
import { PROPERTIES_SECTION } from './resource-tables.js';

export type BaseTypeFacts = NonNullable<ResourceFacts['baseType']>;

/**
 * Text that ends right before the base type's name. "inherits", not "inherit":
 * "All the session controls inherit from [x]" speaks of other types. "Inherited
 * from [x] entity." and "properties are inherited from [x]" name this type's base.
 */
const LEAD_IN =
  /(?:^|[\s*(])(?:(?:inherits|inherited|will\s+inherit|derives|derived|extends)(?:\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?properties)?\s+(?:from|of)|is\s+a\s+sub-?type\s+of|a\s+sub-?class\s+(?:of|from))\s+(?:the\s+)?(?:base\s+(?:type|class)\s+)?[*_]*$/i;
const EXTENDS = /(?:^|[\s*(])extends\s+(?:the\s+)?[*_]*$/i;
const NAME = /^#?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
/**
 * A plain-text name at the start of a sentence: "Derived from x." or, mid-paragraph,
 * "It is derived from microsoft.graph.x." — not "Its value is derived from the name",
 * nor the "the" of "Inherits from\nthe [x](x.md) type" that a link follows.
 */
const PLAIN =
  /(?:^\s*|[.!?]\s+)(?:(?:it|this\s+(?:resource|entity|type|complex\s+type)(?:\s+type)?)\s+(?:is\s+)?)?(?:inherits|inherited|derived|derives)\s+from\s+(?:the\s+)?(?!(?:the|a|an|base|this)\b)([A-Za-z_][\w.]*[A-Za-z0-9_])\s*(?:\.(?:\s|$)|$|\s+(?:resource|type|entity|complex type)\b)/i;

export function readBaseType(
  ctx: PageContext,
  annotationBase: string | undefined,
  annotation: AnnotationFacts | null,
): BaseTypeFacts | null {
  const stated = statedBaseType(ctx);
  const annotated = annotationBase && NAME.test(annotationBase) ? bareName(annotationBase) : undefined;
  if (!stated) return annotated ? { name: annotated, source: annotation?.source ?? at(ctx, undefined) } : null;
  if (!annotated) return stated;
  const last = (name: string) => name.split('.').pop()!.toLowerCase();
  if (last(annotated) !== last(stated.name)) {
    report(
      ctx,
      'base-type-mismatch',
      'warning',
      `Unexpected annotation baseType \`${annotationBase}\`, expected the base type the page states (\`${stated.name}\`)`,
      annotation ? valueAt(ctx, annotation, 'baseType') : undefined,
    );
    return stated;
  }
  // The annotation qualifies what the sentence links bare (`[userAgent](...)` in callRecords)
  // and spells it as declared (`[DomainDnsRecord](...)` for domainDnsRecord).
  return stated.name.includes('.') && !annotated.includes('.') ? stated : { ...stated, name: annotated };
}

/** Where an annotation comment writes a key's value (the comment's start when it cannot be found). */
function valueAt(ctx: PageContext, annotation: AnnotationFacts, key: string): AnnotationFacts['source'] {
  const lines = ctx.text.split('\n');
  const { line, column } = annotation.source;
  const pattern = new RegExp(`"${key}"\\s*:\\s*`);
  for (let n = line; n <= Math.min(lines.length, line + 40); n++) {
    const text = lines[n - 1] ?? '';
    const from = n === line ? column - 1 : 0;
    const match = pattern.exec(text.slice(from));
    if (match) return { file: annotation.source.file, line: n, column: from + match.index + match[0].length + 1 };
    if (text.includes('-->')) break;
  }
  return annotation.source;
}

/** The base type a sentence under the title or in the Properties section states. */
function statedBaseType(ctx: PageContext): BaseTypeFacts | null {
  const sections = ctx.sections.filter((s) => s.depth <= 1 || (s.depth >= 2 && PROPERTIES_SECTION.test(s.title)));
  for (const section of sections) {
    for (const node of section.nodes) {
      if (node.type !== 'paragraph') continue;
      const found = fromSentence(ctx, node);
      if (found) return found;
    }
  }
  return null;
}

/** Whether a paragraph states the base type (so it is no part of the description). */
export function isBaseTypeSentence(ctx: PageContext, node: Paragraph): boolean {
  const text = toString(node).trim();
  return /^(?:inherits|inherited|derived|derives)\s+from\b/i.test(text) && fromSentence(ctx, node) !== null && text.length < 120;
}

/** The first link (or plain name) that follows an "inherits from" lead-in. */
function fromSentence(ctx: PageContext, paragraph: Paragraph): BaseTypeFacts | null {
  let before = '';
  for (const child of flatten(paragraph.children)) {
    if (child.type === 'link' || child.type === 'linkReference') {
      if (LEAD_IN.test(before) || EXTENDS.test(before)) {
        const name = toString(child).replace(/[`*]/g, '').trim();
        if (!NAME.test(name)) return null;
        const href = child.type === 'link' ? child.url : ctx.definitions.get(child.identifier.toLowerCase());
        return { name: bareName(name), ...(href !== undefined ? { href } : {}), source: at(ctx, child) };
      }
      before += toString(child);
      continue;
    }
    if (child.type !== 'text' && child.type !== 'inlineCode') {
      before += toString(child);
      continue;
    }
    const text = child.value;
    const plain = PLAIN.exec(text);
    if (plain?.[1] && !/^[A-Z0-9_]+$/.test(plain[1]) && (plain.index > 0 || before.trim() === '' || /[.!?]\s*$/.test(before))) {
      return { name: bareName(plain[1]), source: at(ctx, child) };
    }
    if (child.type === 'inlineCode' && (LEAD_IN.test(before) || EXTENDS.test(before)) && NAME.test(text.trim())) {
      return { name: bareName(text.trim()), source: at(ctx, child) };
    }
    before += text;
  }
  return null;
}

/** Emphasis and strong are see-through: their children count as the paragraph's. */
function flatten(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.flatMap((node) =>
    node.type === 'emphasis' || node.type === 'strong' ? flatten(node.children) : [node],
  );
}

/** `microsoft.graph.entity` → entity; other namespaces stay qualified (`microsoft.graph.callRecords.x`). */
export function bareName(name: string): string {
  const text = name.replace(/^#/, '').replace(/^graph\./, 'microsoft.graph.');
  const rest = text.startsWith('microsoft.graph.') ? text.slice('microsoft.graph.'.length) : text;
  return rest.includes('.') ? text : rest;
}
