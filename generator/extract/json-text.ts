/**
 * Example and representation JSON as text, for extraction and checks alike:
 * how deep it nests, where the docs elide content (`...`, `…`), how many
 * brackets a body cut short leaves open, its position-aware tree and its
 * errors (jsonc-parser), and an error in "Unexpected X, expected Y" words,
 * placed on the offending character.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';

/**
 * The deepest JSON kept in the facts: deeper than any doc's, and far below
 * the depth at which the recursive steps after extraction (JSON.stringify of
 * the facts, structured clones, the checks' walks) overflow the stack (some
 * thousands of levels).
 */
export const MAX_JSON_DEPTH = 64;

/** Strict JSON, as a request or response carries it. */
export const STRICT: ParseOptions = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true };

export interface JsonScan {
  /** Offsets and lengths of elisions outside strings. */
  elisions: { offset: number; length: number }[];
  /** Brackets open at the end of the text. */
  unclosed: number;
  /** Those brackets (`{`, `[`), outermost first. */
  open: string;
  /** The text with elisions blanked out (same length, so offsets still match). */
  blanked: string;
}

/** One pass that knows strings from structure: elisions, brackets left open. */
export function scanJson(text: string): JsonScan {
  const elisions: JsonScan['elisions'] = [];
  const open: string[] = [];
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
    else if (ch === '{' || ch === '[') open.push(ch);
    else if (ch === '}' || ch === ']') open.pop();
    else if (ch === '…' || text.startsWith('...', i)) {
      const length = ch === '…' ? 1 : /^\.+/.exec(text.slice(i))![0].length;
      elisions.push({ offset: i, length });
      blanked += ' '.repeat(length);
      i += length - 1;
      continue;
    }
    blanked += ch;
  }
  return { elisions, unclosed: open.length, open: open.join(''), blanked };
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

/**
 * JSON as annotations and examples write it: strict first, then with the usual
 * slips mended (trailing commas, single-quoted strings). Undefined when still
 * unreadable, or nested deeper than `MAX_JSON_DEPTH` (never kept in the facts).
 */
export function parseLooseJson(text: string): unknown {
  if (tooDeepAt(text) !== undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const mended = text
      .replace(/,\s*([}\]])/g, '$1')
      .replace(/'([^'"\\\n]*)'/g, '"$1"');
    try {
      return JSON.parse(mended);
    } catch {
      return undefined;
    }
  }
}

/**
 * `parseTree`, except that text nested deeper than `MAX_JSON_DEPTH` gives no tree
 * and an error where the limit is passed: jsonc-parser (and the walks over its
 * tree) recurse once per level and overflow the stack near 10,000.
 */
export function parseJsonTree(text: string, errors: ParseError[], options: ParseOptions = STRICT): Node | undefined {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    errors.push({ error: 1 as ParseError['error'] /* InvalidSymbol (a const enum) */, offset: deep, length: 1 });
    return undefined;
  }
  return parseTree(text, errors, options);
}

/**
 * An error placed on the character at fault: jsonc-parser places a bad string on
 * its opening quote and `2018-04-01` on `-04`; the reader wants the line break,
 * the control character, the bad escape, or the whole unquoted word; a string or
 * literal the text ends inside (a body cut short), the end of the text.
 */
export function placeError(text: string, error: ParseError): ParseError {
  const code = printParseErrorCode(error.error);
  if (code === 'UnexpectedEndOfString' || code === 'InvalidCharacter' || code === 'InvalidEscapeCharacter') {
    for (let i = error.offset + 1; i < error.offset + error.length + 1 && i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '\\') {
        if (code === 'InvalidEscapeCharacter' && !/["\\/bfnrtu]/.test(text[i + 1] ?? '')) return { ...error, offset: i + 1, length: 1 };
        i++;
      } else if (ch < ' ') return { ...error, offset: i, length: 1 };
    }
    // A string the text ends inside (a body cut short): the spot is the end, where the rest goes.
    return code === 'UnexpectedEndOfString' && error.offset + error.length >= text.length ? { ...error, offset: text.length, length: 0 } : error;
  }
  // A literal the text ends inside (`tr`): the end too.
  const last = /[a-z]+$/.exec(text)?.[0];
  if (last && error.offset === text.length - last.length && ['true', 'false', 'null'].some((word) => word.startsWith(last))) return { ...error, offset: text.length, length: 0 };
  // A number glued to what follows (`2018-04-01`, `01`, `1a`): the whole word is the fault.
  const word = /[\w.:+-]+$/.exec(text.slice(Math.max(0, error.offset - 40), error.offset))?.[0];
  if (word && /^-?\d/.test(word) && /[\w.:+-]/.test(text[error.offset] ?? '')) {
    const length = word.length + (/^[\w.:+-]+/.exec(text.slice(error.offset))?.[0].length ?? 0);
    return { error: 1 as ParseError['error'] /* InvalidSymbol */, offset: error.offset - word.length, length };
  }
  return error;
}

export interface JsonError {
  /** Offset into the text. */
  offset: number;
  /** What was found, for a message (`` `}` ``, `end of JSON`, `comment`). */
  found: string;
}

/** Where strict JSON text first goes wrong, or null when it parses. */
export function findJsonError(text: string): JsonError | null {
  const errors: ParseError[] = [];
  parseJsonTree(text, errors);
  const first = errors[0];
  if (!first) return null;
  const error = placeError(text, first);
  return { offset: commaSpot(text, error), found: describeError(text, error) };
}

/**
 * Where a missing comma belongs: jsonc-parser reports `CommaExpected` at the
 * next value (`"b"` on the line below); the reviewer adds the comma right after
 * the value before it, so the spot is the end of that value. Content after the
 * top-level value (`EndOfFileExpected`) is at the stray `}` or `]` that closed it
 * early; bare strings in braces (`{ "a", "b" }`), at the `{` an array's `[` should
 * replace. The offset is unchanged for any other error.
 */
export function commaSpot(text: string, error: ParseError): number {
  const code = printParseErrorCode(error.error);
  let i = error.offset;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  if (code === 'CommaExpected') return i;
  // Content after the value has closed (`},` then more keys): the `}` or `]` before it closed the value too early.
  if (code === 'EndOfFileExpected' && /[}\]]/.test(text[i - 1] ?? '')) return i - 1;
  // Strings with no colon, then a comma or the end (`{ "a", "b" }`): the `{` that opened them belongs to an array.
  if (code === 'ColonExpected' && /[,}]/.test(text[error.offset] ?? '')) return openingOfStrings(text, i) ?? error.offset;
  return error.offset;
}

/** The `{` before a run of bare strings (`{ "a", "b"` read back from the end of the last string), if that is all there is. */
function openingOfStrings(text: string, end: number): number | undefined {
  let i = end;
  for (;;) {
    if (text[i - 1] !== '"') return undefined;
    i--;
    while (i > 0 && !(text[i - 1] === '"' && text[i - 2] !== '\\')) i--;
    if (i === 0) return undefined;
    i--;
    while (i > 0 && /\s/.test(text[i - 1]!)) i--;
    if (text[i - 1] === '{') return i - 1;
    if (text[i - 1] !== ',') return undefined;
    i--;
    while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  }
}

/** An error as "Unexpected X" words: what was found where JSON needed something else. */
export function describeError(text: string, error: ParseError): string {
  const found = text.slice(error.offset, error.offset + Math.max(1, error.length));
  if (error.offset >= text.trimEnd().length || found === '') return 'end of JSON';
  const spot = commaSpot(text, error);
  if (spot !== error.offset && printParseErrorCode(error.error) === 'EndOfFileExpected') return `\`${text[spot]}\` with more JSON after it`;
  if (spot !== error.offset && printParseErrorCode(error.error) === 'ColonExpected') return '`{` around values without keys (an array belongs there)';
  switch (printParseErrorCode(error.error)) {
    case 'InvalidCommentToken':
      return 'comment';
    case 'UnexpectedEndOfString':
      return 'string that runs to the end of its line';
    case 'CommaExpected':
      return `\`${clip(found)}\` without a comma before it`;
    case 'ColonExpected':
      return `\`${clip(found)}\` where a colon belongs`;
    case 'InvalidEscapeCharacter':
      return 'invalid escape in a string';
    case 'InvalidCharacter':
      return 'control character in a string';
    default:
      return /^[^\x21-\x7e]/.test(found) && !/^[\x21-\x7e]/.test(found.trim()) ? `character U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `\`${clip(found)}\``;
  }
}

function clip(text: string): string {
  const first = text.split('\n')[0]!;
  return first.length > 30 ? `${first.slice(0, 27)}...` : first;
}
