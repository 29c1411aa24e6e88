/**
 * The body of an example message: raw text always, JSON where it parses, and
 * where it does not, a diagnostic placed on the offending character. Bodies
 * the docs shorten (`truncated: true`, `...` elisions, cut off mid-object)
 * get a milder, truncation-worded diagnostic.
 */
import type { Code } from 'mdast';
import type { BodyFacts } from './facts.js';
import { report, type PageContext } from './context.js';
import { codeLineSource } from './code-position.js';
import { findJsonError, MAX_JSON_DEPTH, parseLooseJson, scanJson, tooDeepAt } from './json-text.js';

export interface BodyOptions {
  /** The annotation says `truncated: true`. */
  declared: boolean;
  contentType: string | undefined;
  role: 'request' | 'response';
}

export function readBody(ctx: PageContext, code: Code, lines: string[], start: number, options: BodyOptions): { facts: BodyFacts; truncated: boolean } {
  const firstLine = lines[start] ?? '';
  const indent = firstLine.length - firstLine.trimStart().length;
  const raw = lines.slice(start).join('\n').slice(indent).trimEnd();
  const facts: BodyFacts = { raw, parsed: false, source: codeLineSource(ctx, code, start, indent) };
  /** Page position of a character offset in `raw`. */
  const pointAt = (offset: number) => {
    const before = raw.slice(0, offset).split('\n');
    const line = before.length - 1;
    return codeLineSource(ctx, code, start + line, (line === 0 ? indent : 0) + (before[line]?.length ?? 0));
  };
  if (!looksLikeJson(raw, options.contentType)) return { facts, truncated: false };
  const deep = tooDeepAt(raw);
  if (deep !== undefined) {
    report(ctx, 'json-too-deep', 'error', tooDeepMessage(`${options.role} body`), pointAt(deep));
    return { facts, truncated: false };
  }

  const scan = scanJson(raw);
  const json = parseLooseJson(raw) ?? (scan.elisions.length > 0 ? parseLooseJson(scan.blanked) : undefined);
  const cutShort = scan.unclosed > 0;
  const truncated = scan.elisions.length > 0 || cutShort;
  if (json !== undefined) {
    facts.json = json;
    facts.parsed = true;
    return { facts, truncated };
  }
  const error = findJsonError(raw) ?? { offset: raw.length, found: 'end of JSON' };
  if (options.declared || truncated) {
    const elided = scan.elisions[0]?.offset;
    const [what, place] = cutShort
      ? [`end of JSON with ${scan.unclosed} unclosed bracket${scan.unclosed === 1 ? '' : 's'}`, raw.length]
      : elided !== undefined
        ? ['`...` elision', elided]
        : [error.found, error.offset];
    const expected = `${cutShort || elided !== undefined ? 'complete JSON' : 'valid JSON'}${options.declared ? ' (the example is marked truncated)' : ', or `"truncated": true` in the annotation'}`;
    report(ctx, 'example-json-truncated', options.declared ? 'info' : 'warning', `Unexpected ${what} in truncated ${options.role} body, expected ${expected}`, pointAt(place));
  } else {
    report(ctx, 'example-json-invalid', 'error', `Unexpected ${error.found} in ${options.role} body, expected valid JSON`, pointAt(error.offset));
  }
  return { facts, truncated };
}

/** The words of a `json-too-deep` diagnostic about `what` (`response body`, `JSON representation`). */
export function tooDeepMessage(what: string): string {
  return `Unexpected JSON nested deeper than ${MAX_JSON_DEPTH} levels in ${what}, expected at most ${MAX_JSON_DEPTH} levels (read as text only)`;
}

/** JSON by content type, or by its first character when no type is given. */
function looksLikeJson(raw: string, contentType: string | undefined): boolean {
  if (contentType !== undefined && contentType !== '' && !/json|^text\/javascript/i.test(contentType)) return false;
  if (/^[{[]/.test(raw)) return true;
  return contentType !== undefined && /json/i.test(contentType) && /^("|-?\d|true\b|false\b|null\b)/.test(raw);
}
