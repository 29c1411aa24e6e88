/**
 * Where JSON text first goes wrong, and what was expected there. JSON.parse
 * does not always say where (V8 omits the position for some tokens), so this
 * small recursive-descent reader finds the first error itself.
 */
import { MAX_JSON_DEPTH } from './json-scan.js';

export interface JsonError {
  /** Offset into the text. */
  offset: number;
  /** What was found, for a message (`` `}` ``, `end of input`, `line break in a string`). */
  found: string;
  expected: string;
}

class Stop extends Error {
  constructor(readonly error: JsonError) {
    super(error.expected);
  }
}

const WS = /[ \t\r\n]/;

export function findJsonError(text: string): JsonError | null {
  let i = 0;
  const fail = (expected: string, found?: string): never => {
    throw new Stop({ offset: i, found: found ?? describe(text, i), expected });
  };
  const ws = () => {
    while (i < text.length && WS.test(text[i]!)) i++;
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const ch = text[i]!;
      if (ch === '\n') fail('`"` to close the string', 'line break in a string');
      if (ch < ' ') fail('a character other than a control character', 'control character in a string');
      if (ch === '\\') {
        i++;
        if (!/["\\/bfnrtu]/.test(text[i] ?? '')) fail('an escape such as `\\"` or `\\n`');
      }
      i++;
    }
    if (i >= text.length) fail('`"` to close the string');
    i++;
  };
  /** `depth`: the brackets open around this value (the reader recurses once per level). */
  const value = (depth: number): void => {
    ws();
    const ch = text[i];
    if ((ch === '{' || ch === '[') && depth >= MAX_JSON_DEPTH) fail(`at most ${MAX_JSON_DEPTH} levels of nesting`, `\`${ch}\` nested deeper`);
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string();
        ws();
        if (text[i] !== ':') fail('`:` after the property name');
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail('`,` or `}` after the property value');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail('`,` or `]` after the array element');
      }
    }
    if (ch === '"') return string();
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)(?![\w.:-])/.exec(text.slice(i, i + 400));
    if (literal) return void (i += literal[0].length);
    fail('a JSON value');
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('end of the body after the JSON value');
    return null;
  } catch (error) {
    if (error instanceof Stop) return error.error;
    throw error;
  }
}

function describe(text: string, i: number): string {
  if (i >= text.length) return 'end of input';
  const ch = text[i]!;
  if (ch === '\u00a0') return 'non-breaking space (U+00A0)';
  if (ch === '\n' || ch === '\r') return 'line break';
  if (/\s/.test(ch) || ch < ' ') return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  const word = /^[\w.:+-]+/.exec(text.slice(i, i + 40))?.[0];
  return `\`${word ?? ch}\``;
}
