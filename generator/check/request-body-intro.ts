/**
 * Whether a page's request-body table is introduced as a list of required
 * properties ("The following table shows the properties that are required
 * when you create the x."). Page facts keep the table, not the sentence, so
 * the page is parsed again here, only for pages a rule asks about.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { linearText } from '../parse/linear.js';
import { parseMarkdown } from '../parse/processor.js';
import { MAX_LINE_CHARS } from '../extract/page.js';
import type { CheckContext } from './context.js';

const BLANKET = /\b(properties|parameters)\s+(that\s+are\s+|which\s+are\s+)?required\b|\brequired\s+(properties|parameters)\b/i;
const MIXED = /\brequired\s+(and|or)\s+optional\b|\boptional\s+(and|or)\s+required\b/i;

export function tableIntroSaysRequired(ctx: CheckContext, file: string): boolean {
  return ctx.memo(`required-intro:${file}`, () => {
    // Read as the extractor reads it (its diagnostics reported the lines cut and the limits passed).
    const linear = linearText(ctx.lines(file).map((line) => line.slice(0, MAX_LINE_CHARS)).join('\n'), file);
    const tree = linear.restore(parseMarkdown(linear.text));
    let depth = 0;
    for (const node of tree.children as RootContent[]) {
      if (node.type === 'heading') {
        if (depth > 0 && node.depth <= depth) return false;
        if (depth === 0 && /^request body\b/i.test(textOf(node))) depth = node.depth;
        continue;
      }
      if (depth === 0) continue;
      if (node.type === 'table') return false;
      if (node.type === 'paragraph') {
        const text = textOf(node);
        if (BLANKET.test(text) && !MIXED.test(text)) return true;
      }
    }
    return false;
  });
}

function textOf(node: Heading | RootContent): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}
