/**
 * Example and JSON-representation bodies as position-aware JSON trees
 * (jsonc-parser, through `extract/json-text.ts`, which extraction uses too),
 * with every node mapped back to its line and column in the page: the body's
 * `source` gives the first character, the page text gives the indentation of
 * the lines after it (code in lists and block quotes).
 */
import type { Node, ParseError } from 'jsonc-parser';
import type { BodyFacts } from '../extract/facts.js';
import { parseJsonTree, placeError, scanJson, tooDeepAt } from '../extract/json-text.js';
import type { SourceRef } from '../model/diagnostic.js';
import type { CheckContext } from './context.js';

export interface LocatedJson {
  /** The tree, partial when the text has errors; undefined when nothing parsed. */
  root: Node | undefined;
  /** Strict-JSON errors, with elisions (`...`) blanked first, each on the character at fault (`placeError`). */
  errors: ParseError[];
  /** Offsets and lengths of `...` / `…` elisions outside strings. */
  elisions: { offset: number; length: number }[];
  /** The brackets left open at the end of the body, outermost first (`scanJson`). */
  open: string;
  /** The body text as parsed. */
  text: string;
  /** Page position of an offset into the body text. */
  at(offset: number): SourceRef;
}

export function locateJson(ctx: CheckContext, body: Pick<BodyFacts, 'raw' | 'source'>): LocatedJson {
  const { blanked, elisions, open } = scanJson(body.raw);
  const found: ParseError[] = [];
  const root = parseJsonTree(blanked, found);
  const errors = found.map((error) => placeError(blanked, error));
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
  return { root, errors, elisions, open, text: blanked, at };
}

/** Key of a property node (`"name": value`), or undefined. */
export function keyOf(property: Node): string | undefined {
  const key = property.children?.[0];
  return typeof key?.value === 'string' ? key.value : undefined;
}
