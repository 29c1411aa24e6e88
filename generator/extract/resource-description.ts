/**
 * A resource's description: the paragraphs under the title, less the namespace
 * line, notes (`> **Note:**`, `[!NOTE]`), includes (`[!INCLUDE ...]`) and the
 * "Inherits from" sentence. Stops at the first list, table, code block or heading,
 * and drops a last paragraph that only introduces what follows ("This resource supports:").
 */
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PageContext } from './context.js';
import { isBaseTypeSentence } from './base-type.js';

const SKIPPED_PARAGRAPH = /^\s*(?:\[!(?:include|note|important|tip|caution|warning)\b|\[!\w+\s*\[)/i;
/** `Namespace: microsoft.graph`, sometimes with the description on the next line of the same paragraph. */
const NAMESPACE_LINE = /^\s*namespace\s*:\s*[\w.]*\s*/i;

export function readResourceDescription(ctx: PageContext): string {
  const lead = ctx.sections.find((section) => section.depth === 1) ?? ctx.sections[0];
  const paragraphs: string[] = [];
  for (const node of lead?.nodes ?? []) {
    if (isSkipped(ctx, node)) continue;
    if (node.type !== 'paragraph') {
      if (paragraphs.length > 0) break;
      continue;
    }
    const text = toString(node).replace(NAMESPACE_LINE, '').replace(/\s+/g, ' ').trim();
    if (text !== '') paragraphs.push(text);
  }
  // "This resource supports:" introduces a list the description leaves out.
  while (paragraphs.length > 1 && paragraphs[paragraphs.length - 1]!.endsWith(':')) paragraphs.pop();
  return paragraphs.join('\n\n');
}

function isSkipped(ctx: PageContext, node: RootContent): boolean {
  switch (node.type) {
    case 'html':
    case 'blockquote':
    case 'definition':
    case 'yaml':
    case 'thematicBreak':
      return true;
    case 'paragraph':
      return (
        SKIPPED_PARAGRAPH.test(toString(node)) ||
        toString(node).replace(NAMESPACE_LINE, '').trim() === '' ||
        isNote(node) ||
        isBaseTypeSentence(ctx, node)
      );
    default:
      return false;
  }
}

/** `**Note:** ...` written as a plain paragraph. */
function isNote(node: Paragraph): boolean {
  const first = node.children[0];
  return (first?.type === 'strong' || first?.type === 'emphasis') && /^(?:note|important|tip|caution|warning)\s*:?$/i.test(toString(first).trim());
}

/** The description says the type is open ("This is an Open Type.", "It is an open type"), where the annotation does not. */
export function statesOpenType(description: string): boolean {
  return /\b(this|it)\s+(type\s+|resource\s+)?is\s+an\s+open\s+type\b/i.test(description);
}
