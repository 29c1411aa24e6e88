/**
 * Parsing by blocks with a memo. Reference pages repeat a great deal of each
 * other: a beta page and its v1.0 twin share most blocks, and boilerplate
 * (request headers, permission notes) recurs across thousands of pages. A page
 * is cut where a block parses alone exactly as in the page (`blocks.ts`); each
 * block's nodes are looked up by the block's text, and only blocks not seen
 * recently are parsed: built directly when of a plain shape (`fast-blocks.ts`),
 * else by micromark, one block at a time. Nodes
 * are placed at the block's line and offset. The tree is the one a whole-page
 * parse gives, so nothing downstream depends on how it was made.
 */
import type { Root, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import { blockStarts } from './blocks.js';
import { fastBlock } from './fast-blocks.js';
import { InlineMemo } from './inline-memo.js';
import { linesDown, movedNode, newlines } from './positions.js';
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
    const blocks = starts.map((from, i) => text.slice(from, starts[i + 1] ?? text.length));
    const parsed = this.parseBlocks(blocks);
    const children: RootContent[] = [];
    let start: Point | undefined;
    let end: Point | undefined;
    let line = 1;
    blocks.forEach((block, i) => {
      const { children: nodes, position } = parsed[i]!;
      const move = linesDown(line - 1, starts[i]!);
      for (const node of nodes) children.push(movedNode(node, move));
      if (position) {
        start ??= move(position.start);
        end = move(position.end);
      }
      line += newlines(block);
    });
    const root: Root = { type: 'root', children };
    if (start && end) root.position = { start, end };
    return root;
  }

  /** Each block's tree: remembered, built when of a plain shape, or parsed by micromark. */
  private parseBlocks(blocks: readonly string[]): Parsed[] {
    const parsed = blocks.map((block) => this.recall(block));
    // Blocks not remembered, each once.
    const fresh = new Map<string, Parsed>();
    blocks.forEach((block, i) => {
      if (parsed[i] !== undefined || fresh.has(block)) return;
      const tree = fastBlock(block, this.inline) ?? wholeTree(block);
      fresh.set(block, tree);
      this.remember(block, tree);
    });
    return blocks.map((block, i) => parsed[i] ?? fresh.get(block)!);
  }

  private recall(text: string): Parsed | undefined {
    const known = this.blocks.get(text);
    if (!known) return undefined;
    this.hits++;
    this.blocks.delete(text);
    this.blocks.set(text, known);
    return known;
  }

  private remember(text: string, parsed: Parsed): void {
    this.misses++;
    this.blocks.set(text, parsed);
    this.bytes += text.length;
    for (const [key] of this.blocks) {
      if (this.bytes <= this.maxBytes) break;
      this.blocks.delete(key);
      this.bytes -= key.length;
    }
  }
}

/**
 * How pages are parsed: `memo` (blocks, fast paths, the memo; the default) or
 * `micromark` (each page whole, as remark-parse alone would: the off switch for
 * everything in this file, `DOCS2TS_PARSE=micromark`). Both give the same tree.
 */
export type ParseMode = 'memo' | 'micromark';

export function parseMode(env: NodeJS.ProcessEnv = process.env): ParseMode {
  return env['DOCS2TS_PARSE'] === 'micromark' ? 'micromark' : 'memo';
}

/** A page parser for `mode`: one memo of `maxBytes` for the thread, or whole-page parses. */
export function pageParser(mode: ParseMode, maxBytes: number): (text: string) => Root {
  if (mode === 'micromark') return parseMarkdown;
  const memo = new ParseMemo(maxBytes);
  return (text) => memo.parse(text);
}

function wholeTree(text: string): Parsed {
  const { children, position } = parseMarkdown(text);
  return { children, position };
}
