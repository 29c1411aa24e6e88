/**
 * Inline content of one line (a heading's text, a table cell, a paragraph's line) as mdast phrasing
 * nodes, without a micromark run per piece: text with no character that could
 * start an inline construct becomes one text node; other text is built when
 * plain enough (`fast-inline.ts`), else parsed, several pieces per micromark
 * run, and remembered either way. Positions are placed at
 * the piece's line, column and offset in its block.
 */
import type { PhrasingContent } from 'mdast';
import type { Point } from 'unist';
import { linesDown, movedNode } from './positions.js';
import { fastInline, SPECIAL } from './fast-inline.js';
import { parseMarkdown } from './processor.js';

/** Pieces remembered; the memo starts afresh past this many (they are short). */
const MAX_ENTRIES = 100_000;

export class InlineMemo {
  /** Nodes of each piece parsed so far, placed at line 1, column 1, offset 0; null when it does not parse as one paragraph's content. */
  private readonly known = new Map<string, PhrasingContent[] | null>();

  /** Builds the pieces not known yet that are plain enough (`fast-inline.ts`), and parses the others in one micromark run. */
  prepare(pieces: readonly string[]): void {
    const unknown = [...new Set(pieces.filter((piece) => SPECIAL.test(piece) && !this.known.has(piece)))];
    if (unknown.length === 0) return;
    if (this.known.size + unknown.length > MAX_ENTRIES) this.known.clear();
    const fresh: string[] = [];
    for (const piece of unknown) {
      const built = fastInline(piece);
      if (built) this.known.set(piece, built);
      else fresh.push(piece);
    }
    if (fresh.length === 0) return;
    if (fresh.length > 1 && this.learnTogether(fresh)) return;
    for (const piece of fresh) this.known.set(piece, paragraphContent(parseMarkdown(piece).children, 0, piece.length));
  }

  /** Nodes of `piece` (prepared, or without special characters) placed at `at`; undefined when it is not plain paragraph content. */
  place(piece: string, at: Required<Point>): PhrasingContent[] | undefined {
    if (!SPECIAL.test(piece)) {
      return piece === '' ? [] : [{ type: 'text', value: piece, position: { start: { ...at }, end: { line: at.line, column: at.column + piece.length, offset: at.offset + piece.length } } }];
    }
    const nodes = this.known.get(piece);
    return nodes ? nodes.map((node) => movedNode(node, onLine(at))) : undefined;
  }

  /** Pieces as paragraphs of one document; false when the document does not give one paragraph per piece. */
  private learnTogether(pieces: readonly string[]): boolean {
    const children = parseMarkdown(pieces.join('\n\n')).children;
    if (children.length !== pieces.length) return false;
    const learned: (PhrasingContent[] | null)[] = [];
    let offset = 0;
    for (let i = 0; i < pieces.length; i++) {
      const start = children[i]!.position?.start;
      if (start?.line !== 2 * i + 1) return false;
      learned.push(paragraphContent([children[i]!], offset, pieces[i]!.length));
      offset += pieces[i]!.length + 2;
    }
    pieces.forEach((piece, i) => this.known.set(piece, learned[i]!));
    return true;
  }
}

/** The phrasing nodes of a lone paragraph spanning exactly `length` characters from `offset`, moved to line 1 offset 0. */
function paragraphContent(children: readonly unknown[], offset: number, length: number): PhrasingContent[] | null {
  const paragraph = children[0] as { type: string; children: PhrasingContent[]; position?: { start: Point; end: Point } } | undefined;
  if (children.length !== 1 || paragraph?.type !== 'paragraph') return null;
  const { start, end } = paragraph.position ?? {};
  if (start?.column !== 1 || start.offset !== offset || end?.offset !== offset + length || end.line !== start.line) return null;
  return paragraph.children.map((node) => movedNode(node, linesDown(1 - start.line, -offset)));
}

/** Moves points of a piece placed at line 1, column 1, offset 0 to `at` (every point of a one-line piece is on its line). */
function onLine(at: Required<Point>): (point: Point) => Point {
  return (point) => ({ line: at.line, column: point.column + at.column - 1, offset: point.offset! + at.offset });
}
