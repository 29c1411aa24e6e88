/**
 * Lexical passes over example JSON that know strings from structure: where
 * the docs elide content with `...` or `…`, how many brackets are still open
 * at the end (a body cut short), and where nesting passes a depth limit.
 */

/**
 * The deepest JSON kept in the facts: deeper than any doc's, and far below
 * the depth at which the recursive steps after extraction (JSON.stringify of
 * the facts, structured clones, the checks' walks) overflow the stack (some
 * thousands of levels).
 */
export const MAX_JSON_DEPTH = 64;

export interface JsonScan {
  /** Offsets of elisions outside strings. */
  elisions: number[];
  /** Brackets open at the end of the text. */
  unclosed: number;
  /** The text with elisions blanked out (same length, so offsets still match). */
  withoutElisions: string;
}

export function scanJson(text: string): JsonScan {
  const elisions: number[] = [];
  let depth = 0;
  let inString = false;
  let blanked = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') {
        blanked += text.slice(i, i + 2);
        i++;
        continue;
      }
      if (ch === '"' || ch === '\n') inString = false;
      blanked += ch;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '…' || text.startsWith('...', i)) {
      const length = ch === '…' ? 1 : /^\.+/.exec(text.slice(i))![0].length;
      elisions.push(i);
      blanked += ' '.repeat(length);
      i += length - 1;
      continue;
    }
    blanked += ch;
  }
  return { elisions, unclosed: depth, withoutElisions: blanked };
}

/** Offset of the first bracket outside strings that opens a level deeper than `limit`, or undefined. */
export function tooDeepAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"' || ch === '\n') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') {
      if (++depth > limit) return i;
    } else if (ch === '}' || ch === ']') depth = Math.max(0, depth - 1);
  }
  return undefined;
}
