/**
 * A file's text in top-level parts, so that after an edit prettier formats only
 * the parts whose text changed and takes the rest from the last output.
 *
 * A part ends at a blank line followed by a character at column 0 (it keeps the
 * blank line's first newline, so `joinParts(splitParts(t)) === t`). The emitters
 * print top-level statements and their JSDoc at column 0 and indent what is inside
 * them, so such a line starts a top-level statement; prettier prints top-level
 * statements one by one and keeps one blank line between two where the text had
 * one. So when every boundary of a text lies between statements (`statementParts`
 * checks each) and its formatted output splits into as many parts, the output's
 * parts are prettier's output for the text's parts alone, and a part whose text is
 * unchanged can be taken from the last output. Checked on every file the emitters
 * write for docs-input and the corpus (`test/emit/format-parts.test.ts`).
 *
 * Nothing else is taken on trust: parts are recorded only for such texts and
 * outputs, the last output must split into as many parts as were recorded, the
 * parts formatted anew must parse alone, and the joined parts must split back into
 * the same parts; otherwise the file is formatted whole.
 */
import { createHash } from 'node:crypto';

/**
 * Splits at each blank line followed by a character other than whitespace (`\S`)
 * at column 0: `text.split(/(?<=\n)\n(?=\S)/)`, without the regular expression's cost.
 */
export function splitParts(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let at = text.indexOf('\n\n'); at >= 0; at = text.indexOf('\n\n', at + 1)) {
    if (at + 2 < text.length && !isSpace(text.charCodeAt(at + 2))) {
      parts.push(text.slice(start, at + 1));
      start = at + 2;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** `[\w$]`: letters, digits, `_` and `$`. */
function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

/** `\s` of a regular expression, for one UTF-16 code unit. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

export function joinParts(parts: readonly string[]): string {
  return parts.join('\n');
}

const code = (char: string) => char.charCodeAt(0);
const [SLASH, STAR, QUOTE, DOUBLE_QUOTE, BACKTICK, BACKSLASH, DOLLAR, SEMICOLON] = [code('/'), code('*'), code("'"), code('"'), code('`'), code('\\'), code('$'), code(';')];
const [OPEN_PAREN, CLOSE_PAREN, OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE] = [code('('), code(')'), code('['), code(']'), code('{'), code('}')];

/**
 * What a part may start with (past comments): a declaration, or the client's `name.request = (`
 * (an identifier: `as` and `satisfies` cannot follow a line break), which nothing before a `;` or `}` can continue.
 */
const DECLARATION = /(?:(?:export|import|const|let|var|function|class|interface|type|enum|declare|async|abstract)\b|[A-Za-z_$][\w$]*\.request = \()/y;

/**
 * The parts of `text` when every boundary lies between two top-level statements,
 * as far as a scan of its tokens tells; otherwise undefined. At each boundary the
 * scan must be outside strings, templates and comments, with every bracket closed;
 * the last token before it must be `;` or `}` (or none: only comments so far), and
 * the first after it, past comments, must start a declaration (`DECLARATION`). A
 * `/` that starts no comment (a division or a regular expression: only a parser
 * tells them apart) ends the scan, as does a line separator (U+2028, U+2029).
 */
export function statementParts(text: string): string[] | undefined {
  const parts = splitParts(text);
  if (parts.length === 1) return parts;
  if (/[\u2028\u2029]/.test(text)) return undefined;
  const starts: number[] = [];
  for (let i = 0, at = 0; i < parts.length - 1; i++) starts.push((at += parts[i]!.length + 1));
  const stack: number[] = [];
  let next = 0;
  let last = 0;
  let declarationNext = false;
  let i = 0;
  while (i < text.length) {
    if (next < starts.length && i >= starts[next]!) {
      // Past a boundary without stopping on it: it was inside a string, template or comment.
      if (i > starts[next]! || stack.length > 0 || (last !== 0 && last !== SEMICOLON && last !== CLOSE_BRACE)) return undefined;
      declarationNext = true;
      next++;
    }
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === SLASH) {
      const after = text.charCodeAt(i + 1);
      const end = after === SLASH ? lineEnd(text, i) : after === STAR ? text.indexOf('*/', i + 2) : -1;
      if (end < 0) return undefined;
      i = after === STAR ? end + 2 : end;
      continue;
    }
    if (declarationNext) {
      DECLARATION.lastIndex = i;
      if (!DECLARATION.test(text)) return undefined;
      declarationNext = false;
    }
    last = c;
    if (c === QUOTE || c === DOUBLE_QUOTE) {
      i = stringEnd(text, i);
    } else if (c === BACKTICK || (c === CLOSE_BRACE && stack.at(-1) === DOLLAR)) {
      if (c === CLOSE_BRACE) stack.pop();
      const end = templateEnd(text, i + 1);
      if (end.opens) stack.push(DOLLAR);
      i = end.index;
      last = BACKTICK;
    } else if (isWordChar(c)) {
      // A word or number, whole: a boundary starts a line, so none is inside.
      while (++i < text.length && isWordChar(text.charCodeAt(i)));
    } else {
      if (c === OPEN_PAREN || c === OPEN_BRACKET || c === OPEN_BRACE) stack.push(c);
      else if ((c === CLOSE_PAREN && stack.pop() !== OPEN_PAREN) || (c === CLOSE_BRACKET && stack.pop() !== OPEN_BRACKET) || (c === CLOSE_BRACE && stack.pop() !== OPEN_BRACE)) return undefined;
      i++;
    }
    if (i < 0) return undefined;
  }
  return next === starts.length && stack.length === 0 ? parts : undefined;
}

/** Where a line comment starting at `i` ends (at its line terminator, or the end of the text). */
function lineEnd(text: string, i: number): number {
  const terminator = /[\n\r]/g;
  terminator.lastIndex = i;
  return terminator.test(text) ? terminator.lastIndex - 1 : text.length;
}

/** The index after the string literal starting at `i`, or -1 when it does not end on its line. */
export function stringEnd(text: string, i: number): number {
  const quote = text.charCodeAt(i);
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === quote) return j + 1;
    else if (c === 10 || c === 13) return -1;
  }
  return -1;
}

/** From `i` inside a template literal: the index after its closing backtick or after the next `${` (`opens`), or -1. */
function templateEnd(text: string, i: number): { index: number; opens: boolean } {
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) j++;
    else if (c === BACKTICK) return { index: j + 1, opens: false };
    else if (c === DOLLAR && text.charCodeAt(j + 1) === OPEN_BRACE) return { index: j + 2, opens: true };
  }
  return { index: -1, opens: false };
}

/** A short hash of a part's text (72 bits of SHA-1, base64url): one file's parts are compared, never more. */
export function partHash(part: string): string {
  return createHash('sha1').update(part).digest('base64url').slice(0, 12);
}

/**
 * Formatted parts of the last output by the hash of the unformatted part they
 * were formatted from, or undefined when the last output does not split into the
 * recorded number of parts.
 */
export function formattedByHash(lastOutput: string, lastHashes: readonly string[]): Map<string, string> | undefined {
  const formatted = splitParts(lastOutput);
  if (formatted.length !== lastHashes.length) return undefined;
  return new Map(lastHashes.map((hash, i) => [hash, formatted[i]!]));
}

/** The file's text from its formatted parts, or undefined when that text would not split back into them. */
export function joinFormatted(parts: readonly string[]): string | undefined {
  const text = joinParts(parts);
  const again = splitParts(text);
  return again.length === parts.length && again.every((part, i) => part === parts[i]) ? text : undefined;
}
