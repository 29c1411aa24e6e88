/**
 * Blocks that need micromark, parsed in one run rather than one run each: a
 * run costs about a tenth of a millisecond before it reads a character (the
 * syntax extensions are combined again on every call), which is more than
 * parsing a short paragraph. The blocks are joined with a comment line between
 * them, after a blank line: that closes whatever a block leaves open, as the
 * next block does in its page. Each block's nodes are taken back by offset and
 * placed at the block's own start; when the joined tree does not split
 * cleanly (a fence left open swallows the rest), the caller parses the blocks
 * one by one.
 */
import type { Html, RootContent } from 'mdast';
import { endPoint, linesDown, moveInPlace, newlines } from './positions.js';
import { parseMarkdown } from './processor.js';
import type { BlockTree } from './fast-blocks.js';

const SEPARATOR = '<!-- docs2ts -->';

/** The tree of each block as it parses alone, or undefined when the joined tree does not split at the separators. */
export function parseTogether(blocks: readonly string[]): BlockTree[] | undefined {
  const starts: { offset: number; line: number; separator: number }[] = [];
  let text = '';
  let line = 1;
  for (const block of blocks) {
    const piece = block.endsWith('\n') ? block : `${block}\n`;
    starts.push({ offset: text.length, line, separator: text.length + piece.length + 1 });
    text += `${piece}\n${SEPARATOR}\n\n`;
    line += newlines(piece) + 3;
  }
  const children = blocks.map((): RootContent[] => []);
  let b = 0;
  for (const node of parseMarkdown(text).children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (b >= blocks.length || start === undefined || end === undefined || start < starts[b]!.offset) return undefined;
    if (start === starts[b]!.separator && node.type === 'html' && (node as Html).value === SEPARATOR) {
      b++;
      continue;
    }
    if (end > starts[b]!.offset + blocks[b]!.length) return undefined;
    moveInPlace(node, linesDown(1 - starts[b]!.line, -starts[b]!.offset));
    children[b]!.push(node);
  }
  if (b !== blocks.length) return undefined;
  return blocks.map((block, i) => ({ children: children[i]!, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(block) } }));
}
