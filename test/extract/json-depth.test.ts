/**
 * JSON nested past `MAX_JSON_DEPTH` (64): found by a flat scan, never parsed
 * into the facts, and the error reader stops there rather than recursing on.
 */
import { describe, expect, it } from 'vitest';
import { findJsonError, MAX_JSON_DEPTH, parseLooseJson, tooDeepAt } from '../../generator/extract/json-text.js';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('tooDeepAt', () => {
  it.each<[string, { given: string; want: number | undefined }]>([
    ['64 levels: within the limit', { given: nested(64), want: undefined }],
    ['65 levels: the 65th bracket', { given: nested(65), want: 64 }],
    ['objects and arrays count alike', { given: '{"a":'.repeat(70), want: 64 * 5 }],
    ['brackets in strings do not count', { given: `["${'['.repeat(100)}"]`, want: undefined }],
    ['an escaped quote does not end the string', { given: `["\\"${'{'.repeat(100)}"]`, want: undefined }],
    ['closed levels are not counted again', { given: nested(60).repeat(3), want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(tooDeepAt(given)).toBe(want);
  });
});

describe('deep JSON is not parsed', () => {
  it('parseLooseJson gives undefined past the limit, the value within it', () => {
    expect(parseLooseJson(nested(MAX_JSON_DEPTH + 1))).toBeUndefined();
    expect(JSON.stringify(parseLooseJson(nested(MAX_JSON_DEPTH)))).toBe(nested(MAX_JSON_DEPTH));
  });

  it('findJsonError stops at the limit on 100,000 levels of broken JSON', () => {
    expect(findJsonError('{"a":'.repeat(100_000))).toEqual({ offset: 64 * 5, found: '`{`' });
  });
});
