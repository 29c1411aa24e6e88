/**
 * Keeps parsing linear in page size. micromark, like CommonMark itself, tries
 * some constructs by scanning ahead to the end of their paragraph, and nests
 * containers as deep as a page asks: a page of `a <!-- b` lines took minutes,
 * and a 6.8 MB page of nested `>` lines gigabytes. Before a page is parsed,
 * characters that would start such work are replaced by stand-ins that start
 * nothing (`substitutions.ts`: same offsets, put back in the tree after):
 * - exactly, where the construct cannot close: inline HTML (`<!--`, `<?`,
 *   `<![CDATA[`, `<!X`, tags) with no `>` after it before the next blank
 *   line, a comment or processing instruction with no closer of its own
 *   (`-->`, `?>`) after it, and a backtick run that no other run of its length could pair with,
 *   are text in CommonMark too, so the tree is the one micromark gives;
 * - past a limit (`limits.ts`), where docs2ts reads the page differently from
 *   CommonMark and says so with a diagnostic: nesting deeper than 32
 *   containers, list items indented past 128 columns, tables wider than 100
 *   columns, more than 1,000 emphasis delimiter runs between blank lines.
 * No page of the reference docs comes near a limit or changes (the corpus
 * test compares every page's tree with the whole-page micromark tree).
 */
import type { Root } from 'mdast';
import type { Diagnostic } from '../model/diagnostic.js';
import { applyLimits, mayPassLimits } from './limits.js';
import { pageLines, type Chunk, type PageLine } from './page-lines.js';
import { Substitutions } from './substitutions.js';

export interface LinearText {
  /** The text to parse: the page's, with stand-ins where a construct was cut short. */
  text: string;
  diagnostics: Diagnostic[];
  /** Puts the page's characters back in the parsed tree (in place). */
  restore(tree: Root): Root;
}

export function linearText(text: string, file: string): LinearText {
  const diagnostics: Diagnostic[] = [];
  const scan = text.length > SCAN_FROM;
  if (!scan && !mayPassLimits(text)) return { text, diagnostics, restore: (tree) => tree };
  const { lines, chunks } = pageLines(text);
  const substitutions = new Substitutions(text);
  if (scan) {
    neverClosingHtml(text, lines, chunks, substitutions);
    loneCodeRuns(text, lines, chunks, substitutions);
  }
  applyLimits(text, lines, chunks, substitutions, file, diagnostics);
  return { text: substitutions.result(), diagnostics, restore: (tree) => substitutions.restore(tree) };
}

/** Below this size, scanning to a paragraph's end once per `<` or backtick run costs less than looking for the ones that need it. */
const SCAN_FROM = 4096;

/** The starts of inline HTML (comment, CDATA, processing instruction, declaration, tag) and of autolinks. */
const HTML_OPENING = /^<[!?/A-Za-z]/;

/**
 * Replaces each `<` that opens inline HTML with no `>` after it in its chunk:
 * no HTML, autolink or `<...>` destination can close, micromark scans to the
 * paragraph's end once per `<`, and then reads it as text. Where a `>` follows,
 * the `<` is left: a construct that opened before it and ends at that `>`
 * (a tag, an autolink) fails because of it. Left as they are too: a `<` that
 * may start an HTML block (first on its line after container markers), an
 * escaped one, and one after `(` or `]:` (where a stand-in would start a
 * plain destination).
 */
function neverClosingHtml(text: string, lines: readonly PageLine[], chunks: readonly Chunk[], substitutions: Substitutions): void {
  const lastClose = new Map<string, number>();
  /** Offset of the last `marker` in the line's chunk, found once per chunk and marker. */
  const last = (line: PageLine, marker: string) => {
    const key = `${line.chunk} ${marker}`;
    let close = lastClose.get(key);
    if (close === undefined) lastClose.set(key, (close = lastIndexIn(text, chunks[line.chunk]!, marker)));
    return close;
  };
  for (const line of lines) {
    if (line.fenced || line.blank) continue;
    for (let at = text.indexOf('<', line.content + 1); at >= 0 && at < line.end; at = text.indexOf('<', at + 1)) {
      if (!HTML_OPENING.test(text.slice(at, at + 2)) || text[at - 1] === '\\' || afterDestinationStart(text, at)) continue;
      const own = OWN_CLOSERS.find((closer) => text.startsWith(closer.opener, at));
      if (last(line, '>') < at) substitutions.replace(at);
      else if (own && last(line, own.closer) < at + own.searchFrom) substitutions.replace(at + own.standIn);
    }
  }
}

/**
 * Comments and processing instructions end at their own closer, not at any `>`:
 * where none follows, the character after `<!-` or `<` becomes a stand-in, so
 * the construct fails at once and the `<` stays what it was for a construct
 * around it (an autolink, a tag). A closer is looked for from the third
 * character on for a comment (`<!-->` closes), and from the second for an
 * instruction, whose stand-in could otherwise be the `?` of the `?>` that closes
 * an instruction opened before it.
 */
const OWN_CLOSERS = [
  { opener: '<!--', closer: '-->', searchFrom: 2, standIn: 3 },
  { opener: '<?', closer: '?>', searchFrom: 1, standIn: 1 },
];

/**
 * Replaces backtick runs whose length no other run of their chunk has: such a
 * run can neither open nor close a code span, and micromark scans to the
 * paragraph's end for its match. Left as they are: escaped runs (which count
 * as one backtick shorter too) and the runs of a line that starts with three
 * backticks (a fence, unless its info string holds a backtick).
 */
function loneCodeRuns(text: string, lines: readonly PageLine[], chunks: readonly Chunk[], substitutions: Substitutions): void {
  const runs: { at: number; length: number; escaped: boolean; fence: boolean }[][] = chunks.map(() => []);
  for (const line of lines) {
    if (line.fenced || line.blank) continue;
    // On a line that may open a fence, a backtick after the fence makes it text: all are left as they are.
    const fence = text.startsWith('```', line.content);
    for (const run of text.slice(line.start, line.end).matchAll(/`+/g)) {
      const at = line.start + run.index;
      runs[line.chunk]!.push({ at, length: run[0].length, escaped: text[at - 1] === '\\', fence });
    }
  }
  runs.forEach((chunkRuns, chunk) => {
    // A backtick between a `<` and a later `>` may be what makes a tag fail (unquoted attribute values hold none).
    const firstOpen = text.indexOf('<', chunks[chunk]!.start);
    const lastClose = lastIndexIn(text, chunks[chunk]!, '>');
    const inTag = (at: number) => firstOpen >= 0 && firstOpen < at && lastClose > at;
    const counts = new Map<number, number>();
    const count = (length: number) => counts.set(length, (counts.get(length) ?? 0) + 1);
    for (const run of chunkRuns) {
      count(run.length);
      if (run.escaped) count(run.length - 1);
    }
    for (const run of chunkRuns) {
      if (run.escaped || run.fence || counts.get(run.length) !== 1 || inTag(run.at)) continue;
      for (let k = 0; k < run.length; k++) substitutions.replace(run.at + k);
    }
  });
}

/** Whether `at` follows `(` or `]:` and white space only: where `<` opens a destination. */
function afterDestinationStart(text: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && /[ \t\r\n]/.test(text[before]!)) before--;
  return text[before] === '(' || (text[before] === ':' && text[before - 1] === ']');
}

/** Offset of the last `marker` in the chunk, or -1. */
function lastIndexIn(text: string, chunk: Chunk, marker: string): number {
  if (chunk.end - chunk.start < marker.length) return -1;
  const at = text.lastIndexOf(marker, chunk.end - marker.length);
  return at >= chunk.start ? at : -1;
}
