/**
 * Include lines of today's docs: `[!INCLUDE [permissions-table](../includes/permissions/x-get-permissions.md)]`
 * on a line of its own pulls a file's content into the page. Only the targets
 * are found here (the include syntax is not markdown, so the tree cannot give
 * it); `extract/includes.ts` puts the included trees in place. Includes of SDK
 * snippets and notes hold no facts and are not read.
 */
import path from 'node:path';

export interface IncludeLine {
  /** `permissions-table` */
  label: string;
  /** The link as written. */
  href: string;
  /** The target relative to the input root, `/` separators; undefined when it leaves the root or is not a markdown file. */
  file: string | undefined;
}

/** An include line, also inside block quotes and list items (`> `, `- `, `1. ` before it). */
const INCLUDE = /^(?:[ \t>]*(?:[-*+]|\d{1,9}[.)])?[ \t]+|[ \t>]*)\[!INCLUDE\s*\[([^\]\n]*)\]\(([^)\s]+)\)\]/gim;

/** How deep includes inside includes are followed (the page's own are depth 1). */
export const MAX_INCLUDE_DEPTH = 4;

/** The include targets of a page or include file (`page` relative to the input root, targets relative to it), in order. */
export function includeLines(text: string, page: string): IncludeLine[] {
  if (!text.includes('[!INCLUDE') && !/\[!include/i.test(text)) return [];
  return [...text.matchAll(INCLUDE)].map((match) => includeLine(match[1]!.trim(), match[2]!, page));
}

export function includeLine(label: string, href: string, page: string): IncludeLine {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), href.replace(/[?#].*$/, '')));
  const inside = !target.startsWith('../') && target !== '..' && !path.posix.isAbsolute(target) && /\.md$/i.test(target);
  return { label, href, file: inside ? target : undefined };
}

/** Includes whose content is read: everything but SDK snippets and their links. */
export function readsInclude(include: IncludeLine): boolean {
  return include.file !== undefined && !/(^|\/)snippets\//i.test(include.file) && !/^(sample-code|sdk-documentation)$/i.test(include.label);
}

/** Includes that hold facts the model needs, so a missing one is reported. */
export function holdsFacts(include: IncludeLine): boolean {
  return /permissions/i.test(include.label) || /(^|\/)includes\/permissions\//i.test(include.file ?? include.href);
}

/** The include files read for a page, as the text they were read as. */
export type IncludeTexts = Record<string, string>;
