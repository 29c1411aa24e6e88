/**
 * Parsing by blocks with a memo. Reference pages repeat a great deal of each
 * other: a beta page and its v1.0 twin share most blocks, and boilerplate
 * (request headers, permission notes) recurs across thousands of pages. A page
 * is cut where a block parses alone exactly as in the page (`blocks.ts`); each
 * block's nodes are looked up by the block's text, parsed only when not seen
 * recently, and placed at the block's line and offset. The tree is the one a
 * whole-page parse gives, so nothing downstream depends on what was memoized.
 */
import type { Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { blockStarts } from './blocks.js';
import { fastBlock } from './fast-blocks.js';
import { InlineMemo } from './inline-memo.js';
import { parseMarkdown } from './processor.js';

interface Parsed {
  children: RootContent[];
  position: Position | undefined;
}

export class ParseMemo {
  private readonly blocks = new Map<string, Parsed>();
  private readonly inline = new InlineMemo();
  private bytes = 0;
  hits = 0;
  misses = 0;

  /** `maxBytes`: block text kept, least recently used first out (the trees take some twenty times that). */
  constructor(private readonly maxBytes: number) {}

  parse(text: string): Root {
    const starts = blockStarts(text);
    if (starts.length === 1) return parseMarkdown(text);
    const children: RootContent[] = [];
    let start: Point | undefined;
    let end: Point | undefined;
    let line = 1;
    for (let i = 0; i < starts.length; i++) {
      const from = starts[i]!;
      const block = text.slice(from, starts[i + 1] ?? text.length);
      const parsed = this.block(block);
      const lines = line - 1;
      for (const node of parsed.children) children.push(shifted(node, lines, from));
      if (parsed.position) {
        start ??= movedPoint(parsed.position.start, lines, from);
        end = movedPoint(parsed.position.end, lines, from);
      }
      line += newlines(block);
    }
    const root: Root = { type: 'root', children };
    if (start && end) root.position = { start, end };
    return root;
  }

  private block(text: string): Parsed {
    const known = this.blocks.get(text);
    if (known) {
      this.hits++;
      this.blocks.delete(text);
      this.blocks.set(text, known);
      return known;
    }
    this.misses++;
    const tree = fastBlock(text, this.inline) ?? parseMarkdown(text);
    const parsed = { children: tree.children, position: tree.position };
    this.blocks.set(text, parsed);
    this.bytes += text.length;
    for (const [key] of this.blocks) {
      if (this.bytes <= this.maxBytes) break;
      this.blocks.delete(key);
      this.bytes -= key.length;
    }
    return parsed;
  }
}

/** A deep copy of a node with every position moved down `lines` lines and on `offset` characters (columns stay: blocks start lines). */
function shifted<T extends object>(node: T, lines: number, offset: number): T {
  const copy: Record<string, unknown> = {};
  for (const key in node) {
    const value = (node as Record<string, unknown>)[key];
    if (key === 'position' && value) {
      const position = value as Position;
      copy[key] = { start: movedPoint(position.start, lines, offset), end: movedPoint(position.end, lines, offset) };
    } else if (key === 'children') {
      copy[key] = (value as object[]).map((child) => shifted(child, lines, offset));
    } else if (value !== null && typeof value === 'object') {
      copy[key] = structuredClone(value);
    } else {
      copy[key] = value;
    }
  }
  return copy as T;
}

function movedPoint(point: Point, lines: number, offset: number): Point {
  const moved: Point = { line: point.line + lines, column: point.column };
  if (point.offset !== undefined) moved.offset = point.offset + offset;
  return moved;
}

function newlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
