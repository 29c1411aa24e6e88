/** Moving mdast nodes between texts: a block's nodes into its page, a piece's into its block. */
import type { Point } from 'unist';

/** A deep copy of `node` with every point of its tree mapped by `move` (other objects are copied as they are). */
export function movedNode<T extends object>(node: T, move: (point: Point) => Point): T {
  const copy: Record<string, unknown> = {};
  for (const key in node) {
    const value = (node as Record<string, unknown>)[key];
    if (key === 'position' && value) {
      const { start, end } = value as { start: Point; end: Point };
      copy[key] = { start: move(start), end: move(end) };
    } else if (key === 'children') {
      copy[key] = (value as object[]).map((child) => movedNode(child, move));
    } else if (value !== null && typeof value === 'object') {
      copy[key] = structuredClone(value);
    } else {
      copy[key] = value;
    }
  }
  return copy as T;
}

/** Moves points down `lines` lines and on `offset` characters; columns stay (the text moved starts a line). */
export function linesDown(lines: number, offset: number): (point: Point) => Point {
  return (point) => {
    const moved: Point = { line: point.line + lines, column: point.column };
    if (point.offset !== undefined) moved.offset = point.offset + offset;
    return moved;
  };
}

/** The point just past the end of `text`, as micromark gives it at the end of a document. */
export function endPoint(text: string): Required<Point> {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}

export function newlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
