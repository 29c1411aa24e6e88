/**
 * The lines of a page as `linear.ts` looks at them, in one pass: where each
 * starts and ends, the container markers it opens with (`>`, list markers),
 * whether it is blank, inside a fenced code block of the page's top level, and
 * which run of lines between blank lines (a chunk, which holds a paragraph
 * whole: inline constructs never cross a blank line) it belongs to.
 */

export interface PageLine {
  start: number;
  /** Offset of the line ending (or of the page's end). */
  end: number;
  /** Offset of each container marker at the line's start (the `>`, the `-`, the `.` of `1.`). */
  markers: number[];
  /** Offset of the first character after the markers and the spaces around them. */
  content: number;
  blank: boolean;
  /** Inside a fenced code block opened at the top level (the fences themselves included). */
  fenced: boolean;
  /** Index of the line's chunk: the chunk of lines between two blank lines. */
  chunk: number;
}

export interface Chunk {
  start: number;
  end: number;
}

export function pageLines(text: string): { lines: PageLine[]; chunks: Chunk[] } {
  const lines: PageLine[] = [];
  const chunks: Chunk[] = [];
  let fence: string | undefined;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const stop = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const { markers, content } = containerMarkers(text, start, stop);
    const blank = content === stop && markers.length === 0;
    const rest = text.slice(content, stop);
    let fenced = fence !== undefined;
    if (markers.length === 0 && content - start <= 3) {
      const run = /^(`{3,}|~{3,})/.exec(rest)?.[1];
      if (fence !== undefined && run !== undefined && run[0] === fence[0] && run.length >= fence.length && rest.slice(run.length).trim() === '') fence = undefined;
      else if (fence === undefined && run !== undefined && !(run[0] === '`' && rest.slice(run.length).includes('`'))) fence = run;
      fenced ||= fence !== undefined;
    }
    if (!blank && (lines.length === 0 || lines[lines.length - 1]!.blank)) chunks.push({ start, end });
    if (!blank) chunks[chunks.length - 1]!.end = end;
    lines.push({ start, end, markers, content, blank, fenced, chunk: chunks.length - 1 });
    start = end + 1;
  }
  return { lines, chunks };
}

/** The container markers a line starts with, and where its content starts. */
function containerMarkers(text: string, start: number, end: number): { markers: number[]; content: number } {
  const markers: number[] = [];
  let at = start;
  for (;;) {
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    const char = text[at];
    if (char === '>') {
      markers.push(at++);
      continue;
    }
    if ((char === '-' || char === '+' || char === '*') && (at + 1 === end || isSpace(text.charCodeAt(at + 1)))) {
      markers.push(at++);
      continue;
    }
    let digits = at;
    while (digits < end && digits - at < 9 && isDigit(text.charCodeAt(digits))) digits++;
    const delimiter = text[digits];
    if (digits > at && (delimiter === '.' || delimiter === ')') && (digits + 1 === end || isSpace(text.charCodeAt(digits + 1)))) {
      markers.push(digits);
      at = digits + 1;
      continue;
    }
    return { markers, content: at };
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
