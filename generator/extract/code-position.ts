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
    // Line endings as mdast counts them: LF, CRLF and a lone CR.
    starts = [0];
    for (let i = 0; i < ctx.text.length; i++) {
      const char = ctx.text.charCodeAt(i);
      if (char === 10 || (char === 13 && ctx.text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
    }
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
 * `code.value.split('\n')`), or of `offset` characters into that line. A lone CR
 * ends a line too, as mdast counts lines: the spot is found again in those lines.
 */
export function codeLineSource(ctx: PageContext, code: Code, lineIndex: number, offset?: number): SourceRef {
  const value = code.value;
  let lineStart = 0;
  for (let i = 0; i < lineIndex && lineStart <= value.length; i++) lineStart = (value.indexOf('\n', lineStart) + 1 || value.length + 1);
  const spot = Math.min(value.length, lineStart + (offset ?? 0));
  // The line of `spot` and where that line starts, counting line endings as mdast does.
  let index = 0;
  let from = 0;
  for (let i = 0; i < spot; i++) {
    const char = value.charCodeAt(i);
    if (char === 10 || (char === 13 && value.charCodeAt(i + 1) !== 10)) {
      index++;
      from = i + 1;
    }
  }
  const line = firstValueLine(ctx, code) + index;
  // An empty block that the page ends in has no value line: the block's opening line stands for it.
  const start = code.position?.start;
  if (start && line > startsOf(ctx).length) return { file: ctx.file, line: start.line, column: start.column };
  const end = value.slice(from).search(/[\r\n]/);
  const valueLine = end < 0 ? value.slice(from) : value.slice(from, from + end);
  const raw = pageLine(ctx, line);
  const at = offset === undefined ? valueLine.length - valueLine.trimStart().length : spot - from;
  // The value line is the raw line minus a prefix (indentation, `> `); its text ends the raw line.
  const prefix = raw.endsWith(valueLine) ? raw.length - valueLine.length : 0;
  return { file: ctx.file, line, column: prefix + at + 1 };
}
