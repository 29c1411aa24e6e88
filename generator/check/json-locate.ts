/**
 * Example and JSON-representation bodies as position-aware JSON trees
 * (jsonc-parser), with every node mapped back to its line and column in the
 * page: the body's `source` gives the first character, the page text gives
 * the indentation of the lines after it (code in lists and block quotes).
 */
import { parseTree, printParseErrorCode, type Node, type ParseError, type ParseOptions } from 'jsonc-parser';
import type { BodyFacts } from '../extract/facts.js';
import { tooDeepAt } from '../extract/json-scan.js';
import type { SourceRef } from '../model/diagnostic.js';
import type { CheckContext } from './context.js';

export interface LocatedJson {
  /** The tree, partial when the text has errors; undefined when nothing parsed. */
  root: Node | undefined;
  /** Strict-JSON errors, with elisions (`...`) blanked first. */
  errors: ParseError[];
  /** Offsets and lengths of `...` / `…` elisions outside strings. */
  elisions: { offset: number; length: number }[];
  /** The body text as parsed. */
  text: string;
  /** Page position of an offset into the body text. */
  at(offset: number): SourceRef;
}

export function locateJson(ctx: CheckContext, body: Pick<BodyFacts, 'raw' | 'source'>): LocatedJson {
  const { blanked, elisions } = blankElisions(body.raw);
  const errors: ParseError[] = [];
  const root = parseJsonTree(blanked, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true });
  // Too deep to read: extraction said so where the limit is passed (`json-too-deep`); no rule repeats it.
  if (root === undefined && tooDeepAt(blanked) !== undefined) errors.length = 0;
  const rawLines = body.raw.split('\n');
  const lineStarts: number[] = [0];
  for (let i = 0; i < body.raw.length; i++) if (body.raw.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const at = (offset: number): SourceRef => {
    let k = 0;
    while (k + 1 < lineStarts.length && lineStarts[k + 1]! <= offset) k++;
    const column = offset - lineStarts[k]!;
    if (k === 0) return { file: body.source.file, line: body.source.line, column: body.source.column + column };
    const line = body.source.line + k;
    const pageLine = ctx.line(body.source.file, line);
    const rawLine = (rawLines[k] ?? '').replace(/\r$/, '');
    const prefix = rawLine !== '' && pageLine.endsWith(rawLine) ? pageLine.length - rawLine.length : Math.max(0, pageLine.indexOf(rawLine));
    return { file: body.source.file, line, column: prefix + column + 1 };
  };
  return { root, errors, elisions, text: blanked, at };
}

/**
 * `parseTree`, except that text nested deeper than `MAX_JSON_DEPTH` gives no tree
 * and an error where the limit is passed: jsonc-parser (and the walks over its
 * tree) recurse once per level and overflow the stack near 10,000.
 */
export function parseJsonTree(text: string, errors: ParseError[], options: ParseOptions): Node | undefined {
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    errors.push({ error: 1 as ParseError['error'] /* InvalidSymbol (a const enum) */, offset: deep, length: 1 });
    return undefined;
  }
  return parseTree(text, errors, options);
}

/** An error as "Unexpected X" words: what was found where JSON needed something else. */
export function describeError(json: Pick<LocatedJson, 'text'>, error: ParseError): string {
  const text = json.text;
  const found = text.slice(error.offset, error.offset + Math.max(1, error.length));
  if (error.offset >= text.trimEnd().length || found === '') return 'end of JSON';
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

/** `...` and `…` outside strings replaced by spaces (same length, so offsets hold). */
export function blankElisions(text: string): { blanked: string; elisions: { offset: number; length: number }[] } {
  const elisions: { offset: number; length: number }[] = [];
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') {
        out += text.slice(i, i + 2);
        i++;
        continue;
      }
      if (ch === '"' || ch === '\n') inString = false;
      out += ch;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '…' || text.startsWith('...', i)) {
      const length = ch === '…' ? 1 : /^\.+/.exec(text.slice(i))![0].length;
      elisions.push({ offset: i, length });
      out += ' '.repeat(length);
      i += length - 1;
      continue;
    }
    out += ch;
  }
  return { blanked: out, elisions };
}

/** Key of a property node (`"name": value`), or undefined. */
export function keyOf(property: Node): string | undefined {
  const key = property.children?.[0];
  return typeof key?.value === 'string' ? key.value : undefined;
}

function clip(text: string): string {
  const first = text.split('\n')[0]!;
  return first.length > 30 ? `${first.slice(0, 27)}...` : first;
}
