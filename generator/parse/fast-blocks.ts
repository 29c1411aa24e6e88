/**
 * Blocks of the shapes reference pages are made of, built straight into mdast
 * without a micromark run: front matter, an HTML comment (the doc
 * annotations), a fenced code block, an ATX heading, a pipe table and a
 * paragraph whose lines hold no construct that could span lines, each
 * alone in its block (`blocks.ts` cuts around them) with nothing but empty
 * lines after it. Inline content (heading text, table cells, a paragraph's
 * lines) goes through `InlineMemo`. Whatever is not plainly one of these shapes
 * (carriage returns, escaped pipes, entities in an info string, tabs outside
 * code and cells, ...) gives undefined, and the block goes to micromark.
 *
 * The trees must be the ones micromark gives: `test/parse/fast-blocks.test.ts`
 * compares them on every shape and on random blocks, and the corpus test
 * (`test/corpus/blocks.test.ts`) on every page of the reference docs.
 */
import type { AlignType, Code, Heading, Html, Paragraph, PhrasingContent, RootContent, Table, TableCell, TableRow, Text, Yaml } from 'mdast';
import type { Point, Position } from 'unist';
import type { InlineMemo } from './inline-memo.js';
import { endPoint } from './positions.js';

export interface BlockTree {
  children: RootContent[];
  position: Position;
}

interface Lines {
  lines: string[];
  /** Offset of each line's first character. */
  starts: number[];
}

/** The block's tree, or undefined when micromark must parse it. */
export function fastBlock(text: string, inline: InlineMemo): BlockTree | undefined {
  if (text.includes('\r')) return undefined;
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let i = 0, offset = 0; i < lines.length; offset += lines[i]!.length + 1, i++) starts.push(offset);
  const block = { lines, starts };
  const first = lines[0]!;
  let built: { node: RootContent; lines: number } | undefined;
  if (first === '---') built = frontMatter(block);
  else if (first.startsWith('<!--')) built = comment(block);
  else if (first.startsWith('```') || first.startsWith('~~~')) built = fencedCode(block);
  else if (first.startsWith('#')) built = heading(block, inline);
  else if (first.startsWith('|')) built = table(block, inline);
  else if (PARAGRAPH_START.test(first)) built = paragraph(block, inline);
  if (!built) return undefined;
  for (let i = built.lines; i < lines.length; i++) if (lines[i] !== '') return undefined;
  return { children: [built.node], position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
}

function frontMatter(block: Lines): { node: Yaml; lines: number } | undefined {
  const close = block.lines.indexOf('---', 1);
  if (close < 0 || block.lines.some((line) => /^---[ \t]+$/.test(line))) return undefined;
  const node: Yaml = { type: 'yaml', value: block.lines.slice(1, close).join('\n'), position: span(block, close) };
  return { node, lines: close + 1 };
}

function comment(block: Lines): { node: Html; lines: number } | undefined {
  const first = block.lines[0]!;
  // `<!-->` and `<!--->` end where they start in some readings of the spec: left to micromark.
  if (first.startsWith('<!-->') || first.startsWith('<!--->')) return undefined;
  let last = first.includes('-->', 4) ? 0 : -1;
  for (let i = 1; last < 0 && i < block.lines.length; i++) if (block.lines[i]!.includes('-->')) last = i;
  if (last < 0) return undefined;
  return { node: { type: 'html', value: block.lines.slice(0, last + 1).join('\n'), position: span(block, last) }, lines: last + 1 };
}

const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

function fencedCode(block: Lines): { node: Code; lines: number } | undefined {
  const [, fence, info] = FENCE_OPEN.exec(block.lines[0]!) ?? [];
  if (fence === undefined || info === undefined) return undefined;
  if ((fence[0] === '`' && info.includes('`')) || /[\\&\t]/.test(info)) return undefined;
  let close = -1;
  for (let i = 1; close < 0 && i < block.lines.length; i++) {
    const sequence = FENCE_CLOSE.exec(block.lines[i]!)?.[1];
    if (sequence && sequence[0] === fence[0] && sequence.length >= fence.length) close = i;
  }
  if (close < 0) return undefined;
  const words = info.replace(/^ +/, '');
  const space = words.indexOf(' ');
  const lang = space < 0 ? words : words.slice(0, space);
  const meta = space < 0 ? '' : words.slice(space).replace(/^ +/, '');
  const node: Code = { type: 'code', lang: lang || null, meta: meta || null, value: block.lines.slice(1, close).join('\n'), position: span(block, close) };
  return { node, lines: close + 1 };
}

function heading(block: Lines, inline: InlineMemo): { node: Heading; lines: number } | undefined {
  const line = block.lines[0]!;
  const depth = /^#{1,6}(?= )/.exec(line)?.[0].length;
  if (depth === undefined || line.includes('\t')) return undefined;
  const from = depth + leadingSpaces(line.slice(depth));
  const content = trimSpaces(line.slice(from));
  // A closing `#` sequence and an empty heading are left to micromark.
  if (content === '' || content.endsWith('#')) return undefined;
  inline.prepare([content]);
  const children = inline.place(content, { line: 1, column: from + 1, offset: from });
  if (!children) return undefined;
  return { node: { type: 'heading', depth: depth as Heading['depth'], children, position: span(block, 0) }, lines: 1 };
}

/**
 * A paragraph's first line starts with a letter (which starts nothing else) or
 * with a character the inline memo checks (a line that parses as anything but
 * a paragraph is refused there); a next line starts with a letter, `[`, `!` or
 * `(`, which cannot interrupt a paragraph.
 */
const PARAGRAPH_START = /^[A-Za-z[!*_`&\\<]/;
const CONTINUATION = /^[A-Za-z[!(]/;
/**
 * Text that could pair with a construct on another line: emphasis and code
 * markers, `<`, a backslash, and a `]` that a `(` or `[` follows (a `[` alone
 * pairs only with one of those; references need definitions, and a page with
 * one is never cut).
 */
const OPEN_ACROSS_LINES = /[*_`<\\]|\][([]/;

function paragraph(block: Lines, inline: InlineMemo): { node: Paragraph; lines: number } | undefined {
  const { lines } = block;
  let count = 1;
  while (count < lines.length && lines[count] !== '') count++;
  const own = lines.slice(0, count);
  for (let i = 0; i < count; i++) {
    const line = own[i]!;
    // Spaces or a backslash at a line's end make a break (or are trimmed); leading ones are stripped.
    if (line.endsWith(' ') || line.endsWith('\\') || line.startsWith(' ') || line.includes('\t')) return undefined;
    if (i > 0 && !CONTINUATION.test(line)) return undefined;
  }
  inline.prepare(own);
  const children: PhrasingContent[] = [];
  for (let i = 0; i < count; i++) {
    const nodes = inline.place(own[i]!, pointAt(block, i, 0));
    if (!nodes || nodes.length === 0) return undefined;
    if (count > 1 && nodes.some((node) => node.type === 'text' && OPEN_ACROSS_LINES.test(node.value))) return undefined;
    if (i > 0) joinLine(children, nodes, pointAt(block, i - 1, own[i - 1]!.length), pointAt(block, i, 0));
    children.push(...nodes);
  }
  return { node: { type: 'paragraph', children, position: { start: pointAt(block, 0, 0), end: endOf(block, count - 1) } }, lines: count };
}

/** The line ending between two lines of a paragraph, as mdast has it: in the text before or after it, or a text of its own. */
function joinLine(before: PhrasingContent[], after: PhrasingContent[], lineEnd: Required<Point>, nextLine: Required<Point>): void {
  const last = before[before.length - 1];
  if (last?.type === 'text') {
    last.value += '\n';
    last.position!.end = { ...nextLine };
    const first = after[0];
    if (first?.type === 'text') {
      last.value += first.value;
      last.position!.end = first.position!.end;
      after.shift();
    }
    return;
  }
  const first = after[0];
  if (first?.type === 'text') {
    first.value = `\n${first.value}`;
    first.position!.start = { ...lineEnd };
    return;
  }
  const text: Text = { type: 'text', value: '\n', position: { start: { ...lineEnd }, end: { ...nextLine } } };
  after.unshift(text);
}

/** A cell of a row: from its pipe (or the line's start) to the next pipe, the last one to the line's end. */
interface CellSpan {
  start: number;
  end: number;
  content: string;
  /** Offset of the content (trimmed) in the line. */
  at: number;
}

const DELIMITER_CELL = /^[ \t]*(:?)-+(:?)[ \t]*$/;

function table(block: Lines, inline: InlineMemo): { node: Table; lines: number } | undefined {
  const { lines } = block;
  let rows = 2;
  while (rows < lines.length && lines[rows] !== '') {
    if (!lines[rows]!.startsWith('|')) return undefined;
    rows++;
  }
  if (rows > lines.length || lines.slice(0, rows).some((line) => line.includes('\\|'))) return undefined;
  const delimiter = lines[1] === undefined || !lines[1].startsWith('|') ? undefined : cellSpans(lines[1]);
  const header = cellSpans(lines[0]!);
  if (!delimiter || !header || delimiter.length !== header.length) return undefined;
  const align: AlignType[] = [];
  for (const cell of delimiter) {
    const [, left, right] = DELIMITER_CELL.exec(cell.content) ?? [];
    if (left === undefined || right === undefined) return undefined;
    align.push(left && right ? 'center' : left ? 'left' : right ? 'right' : null);
  }
  const spans: CellSpan[][] = [header];
  for (let i = 2; i < rows; i++) {
    const cells = cellSpans(lines[i]!);
    if (!cells) return undefined;
    spans.push(cells);
  }
  inline.prepare(spans.flatMap((cells) => cells.map((cell) => cell.content)));
  const children: TableRow[] = [];
  for (let r = 0; r < spans.length; r++) {
    const line = r === 0 ? 0 : r + 1;
    const cells: TableCell[] = [];
    for (const cell of spans[r]!) {
      const content = inline.place(cell.content, pointAt(block, line, cell.at));
      if (!content) return undefined;
      cells.push({ type: 'tableCell', children: content, position: { start: pointAt(block, line, cell.start), end: pointAt(block, line, cell.end) } });
    }
    children.push({ type: 'tableRow', children: cells, position: span(block, line, line) });
  }
  return { node: { type: 'table', align, children, position: span(block, rows - 1) }, lines: rows };
}

/** The cells of a row that starts with a pipe; undefined for a row of a lone pipe (left to micromark). */
function cellSpans(line: string): CellSpan[] | undefined {
  const pipes: number[] = [];
  for (let i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) pipes.push(i);
  const tail = line.slice(pipes[pipes.length - 1]! + 1);
  const closed = trimSpaces(tail) === '';
  if (pipes.length < 2 && closed) return undefined;
  const cells: CellSpan[] = [];
  const count = closed ? pipes.length - 1 : pipes.length;
  for (let k = 0; k < count; k++) {
    const start = pipes[k]!;
    const contentEnd = pipes[k + 1] ?? line.length;
    const raw = line.slice(start + 1, contentEnd);
    cells.push({ start, end: k === count - 1 ? line.length : contentEnd, content: trimSpaces(raw), at: start + 1 + leadingSpaces(raw) });
  }
  return cells;
}

/** Spaces and tabs only: micromark trims no other white space. */
function leadingSpaces(text: string): number {
  let n = 0;
  while (isSpace(text.charCodeAt(n))) n++;
  return n;
}

function trimSpaces(text: string): string {
  const start = leadingSpaces(text);
  let end = text.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function pointAt(block: Lines, line: number, column: number): Required<Point> {
  return { line: line + 1, column: column + 1, offset: block.starts[line]! + column };
}

/** From the start of line `from` to the end of line `to`. */
function span(block: Lines, to: number, from = 0): Position {
  return { start: pointAt(block, from, 0), end: endOf(block, to) };
}

function endOf(block: Lines, line: number): Required<Point> {
  return pointAt(block, line, block.lines[line]!.length);
}
