/**
 * Where docs2ts reads a page differently from CommonMark to keep parsing
 * linear (`linear.ts`), each with a diagnostic at its first place on the page:
 * - a line opening more than 32 nested block quotes and list items: the
 *   marker past the 32nd and the rest of the line are read as text (micromark
 *   keeps a container per marker on every line, and tries a thematic break at
 *   each list marker to the line's end);
 * - a list item or quote marker indented 128 columns or more: read as text
 *   (each deeper level costs every line below it);
 * - a table of more than 100 columns: its delimiter row is spoilt, so the
 *   table reads as a paragraph (a cell costs some 8 KB of memory);
 * - more than 1,000 runs of `*` or `_` between two blank lines: the runs past
 *   the 1,000th are read as text (each emphasis micromark matches moves all
 *   of its paragraph's events).
 * No page of the reference docs comes near a limit: the deepest nesting is 1,
 * the widest table 6 columns, the most runs in a chunk 110.
 */
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import type { Chunk, PageLine } from './page-lines.js';
import type { Substitutions } from './substitutions.js';

export const MAX_DEPTH = 32;
export const MAX_INDENT = 128;
export const MAX_COLUMNS = 100;
export const MAX_DELIMITER_RUNS = 1000;

/** Whether the page may pass a limit (a cheap look before the line by line one). */
export function mayPassLimits(text: string): boolean {
  return MANY_MARKERS.test(text) || DEEP_INDENT.test(text) || text.split('|', MAX_COLUMNS + 2).length > MAX_COLUMNS || countRuns(text) > MAX_DELIMITER_RUNS;
}

const MANY_MARKERS = new RegExp(`^[ \\t>*+\\-\\d.)]{${MAX_DEPTH}}`, 'm');
const DEEP_INDENT = new RegExp(`^[ \\t]{${MAX_INDENT / 4}}`, 'm');
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$/;
/** A delimiter row: cells of `-` with optional `:` at either end, between pipes. */
const DELIMITER_ROW = /^\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?\r?$/;

function countRuns(text: string): number {
  return text.match(/\*+|_+/g)?.length ?? 0;
}

interface Finding {
  at: number;
  line: number;
  count: number;
  detail: string;
}

export function applyLimits(text: string, lines: readonly PageLine[], chunks: readonly Chunk[], substitutions: Substitutions, file: string, diagnostics: Diagnostic[]): void {
  let deep: Finding | undefined;
  let indented: Finding | undefined;
  let wide: Finding | undefined;
  const note = (found: Finding | undefined, at: number, line: number, detail: string): Finding => {
    if (found) return { ...found, count: found.count + 1 };
    return { at, line, count: 1, detail };
  };
  lines.forEach((line, i) => {
    if (line.fenced || line.markers.length === 0 && line.content - line.start < MAX_INDENT / 4) {
      if (!line.fenced) wide = tooWide(text, line, i, substitutions, wide, note);
      return;
    }
    const lineText = text.slice(line.start, line.end);
    if (line.markers.length > MAX_DEPTH && !THEMATIC_BREAK.test(lineText) && substitutions.replace(line.markers[MAX_DEPTH]!)) {
      deep = note(deep, line.markers[MAX_DEPTH]!, i, `${line.markers.length}`);
    }
    const first = line.markers[0] ?? line.content;
    const column = columnOf(text, line.start, first);
    if (line.markers.length > 0 && column >= MAX_INDENT && substitutions.replace(first)) indented = note(indented, first, i, `${column}`);
    wide = tooWide(text, line, i, substitutions, wide, note);
  });
  const runs = tooManyRuns(text, lines, chunks, substitutions);
  const at = (found: Finding) => ({ file, line: found.line + 1, column: found.at - lines[found.line]!.start + 1 });
  const more = (found: Finding, what: string) => (found.count > 1 ? `; ${found.count - 1} more ${what} on this page` : '');
  if (deep) {
    const message = `Unexpected ${deep.detail} nested block quotes and list items on one line, expected at most ${MAX_DEPTH} (read the line from marker ${MAX_DEPTH + 1} on as text${more(deep, 'such lines')})`;
    diagnostics.push(diagnostic('nesting-too-deep', 'warning', message, at(deep)));
  }
  if (indented) {
    const message = `Unexpected list item or quote indented ${indented.detail} columns, expected fewer than ${MAX_INDENT} (read as text${more(indented, 'such lines')})`;
    diagnostics.push(diagnostic('nesting-too-deep', 'warning', message, at(indented)));
  }
  if (wide) {
    const message = `Unexpected table of ${wide.detail} columns, expected at most ${MAX_COLUMNS} (read as a paragraph${more(wide, 'such tables')})`;
    diagnostics.push(diagnostic('table-too-wide', 'warning', message, at(wide)));
  }
  if (runs) {
    const message = `Unexpected ${runs.detail} runs of \`*\` or \`_\` between two blank lines, expected at most ${MAX_DELIMITER_RUNS} (read the ones past it as text${more(runs, 'such paragraphs')})`;
    diagnostics.push(diagnostic('emphasis-too-many', 'warning', message, at(runs)));
  }
}

/** Spoils the delimiter row of a table wider than the limit (its first `-` is replaced), so the table reads as a paragraph. */
function tooWide(
  text: string,
  line: PageLine,
  index: number,
  substitutions: Substitutions,
  found: Finding | undefined,
  note: (found: Finding | undefined, at: number, line: number, detail: string) => Finding,
): Finding | undefined {
  if (index === 0 || text[line.content] !== '|' && text[line.content] !== '-' && text[line.content] !== ':') return found;
  const row = text.slice(line.content, line.end);
  if (!DELIMITER_ROW.test(row)) return found;
  const columns = row.split('|').filter((cell) => cell.trim() !== '').length;
  if (columns <= MAX_COLUMNS) return found;
  const dash = line.content + row.indexOf('-');
  return substitutions.replace(dash) ? note(found, dash, index, `${columns}`) : found;
}

/** Replaces the runs of `*` and `_` past the limit in each chunk (thematic breaks aside). */
function tooManyRuns(text: string, lines: readonly PageLine[], chunks: readonly Chunk[], substitutions: Substitutions): Finding | undefined {
  if (countRuns(text) <= MAX_DELIMITER_RUNS) return undefined;
  const seen = chunks.map(() => 0);
  let found: Finding | undefined;
  lines.forEach((line, i) => {
    if (line.fenced || line.blank) return;
    const lineText = text.slice(line.start, line.end);
    if (THEMATIC_BREAK.test(lineText)) return;
    for (const run of lineText.matchAll(/\*+|_+/g)) {
      const at = line.start + run.index;
      if (text[at - 1] === '\\' || line.markers.includes(at)) continue;
      if (++seen[line.chunk]! <= MAX_DELIMITER_RUNS) continue;
      for (let k = 0; k < run[0].length; k++) substitutions.replace(at + k);
      if (!found) found = { at, line: i, count: 0, detail: '' };
      if (seen[line.chunk] === MAX_DELIMITER_RUNS + 1) found.count++;
    }
  });
  if (found) {
    const firstChunk = lines[found.line]!.chunk;
    found.detail = `${seen[firstChunk]}`;
  }
  return found;
}

/** The column (0-based, tabs to multiples of 4) of `at` in the line starting at `start`. */
function columnOf(text: string, start: number, at: number): number {
  let column = 0;
  for (let i = start; i < at; i++) column = text[i] === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}
