/**
 * Where a line of a code block's `value` sits in the page. mdast gives the
 * block's position only; the value has the fence and any list indentation
 * or `> ` prefix removed, so the raw page text is consulted for the column.
 */
import type { Code } from 'mdast';
import type { SourceRef } from '../model/diagnostic.js';
import type { PageContext } from './context.js';

const lineStarts = new WeakMap<PageContext, number[]>();

function startsOf(ctx: PageContext): number[] {
  let starts = lineStarts.get(ctx);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < ctx.text.length; i++) if (ctx.text.charCodeAt(i) === 10) starts.push(i + 1);
    lineStarts.set(ctx, starts);
  }
  return starts;
}

/** The page text of a 1-based line, without its line ending. */
export function pageLine(ctx: PageContext, line: number): string {
  const starts = startsOf(ctx);
  const start = starts[line - 1];
  if (start === undefined) return '';
  const end = starts[line] ?? ctx.text.length + 1;
  return ctx.text.slice(start, end - 1).replace(/\r$/, '');
}

/** Line of the page holding line 0 of the code block's value. */
function firstValueLine(ctx: PageContext, code: Code): number {
  const start = code.position?.start;
  if (!start) return 1;
  const opening = pageLine(ctx, start.line).slice(start.column - 1);
  return /^\s*(```|~~~)/.test(opening) ? start.line + 1 : start.line;
}

/**
 * Source of the first non-blank character of a value line (0-based index into
 * `code.value.split('\n')`), or of `offset` characters into that line.
 */
export function codeLineSource(ctx: PageContext, code: Code, lineIndex: number, offset?: number): SourceRef {
  const line = firstValueLine(ctx, code) + lineIndex;
  const valueLine = (code.value.split('\n')[lineIndex] ?? '').replace(/\r$/, '');
  const raw = pageLine(ctx, line);
  const at = offset ?? valueLine.length - valueLine.trimStart().length;
  // The value line is the raw line minus a prefix (indentation, `> `); its text ends the raw line.
  const prefix = raw.endsWith(valueLine) ? raw.length - valueLine.length : 0;
  return { file: ctx.file, line, column: prefix + at + 1 };
}
