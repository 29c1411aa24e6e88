/** The one JSON-error path: jsonc-parser's errors, each placed on the character at fault and named. */
import { describe, expect, it } from 'vitest';
import type { ParseError } from 'jsonc-parser';
import { commaSpot, findJsonError, parseJsonTree, scanJson } from '../../generator/extract/json-text.js';

describe('findJsonError', () => {
  it.each<[string, { given: string; want: { offset: number; found: string } | null }]>([
    ['valid JSON', { given: '{ "a": [1, true, null, "x"] }', want: null }],
    ['an unquoted date: the whole word, not its `-04`', { given: '{ "when": 2018-04-01 }', want: { offset: 10, found: '`2018-04-01`' } }],
    ['a number with a leading zero', { given: '{"a": 01}', want: { offset: 6, found: '`01`' } }],
    ['a line break in a string: the line break', { given: '{"a": "x\ny"}', want: { offset: 8, found: 'string that runs to the end of its line' } }],
    ['a bad escape: the escaped character', { given: '{"a": "x\\qy"}', want: { offset: 9, found: 'invalid escape in a string' } }],
    ['a tab in a string: the tab', { given: '{"a": "x\ty"}', want: { offset: 8, found: 'control character in a string' } }],
    ['an unknown word', { given: '{"a": tru}', want: { offset: 6, found: '`tru`' } }],
    ['a missing comma: right after the value before, where the comma goes', { given: '[1 2]', want: { offset: 2, found: '`2` without a comma before it' } }],
    ['a missing colon', { given: '{"a" 1}', want: { offset: 5, found: '`1` where a colon belongs' } }],
    ['text after the value', { given: '{"a":1} x', want: { offset: 8, found: '`x`' } }],
    ['a comment', { given: '{"a": 1 // one\n}', want: { offset: 8, found: 'comment' } }],
    ['cut short', { given: '{"a": {', want: { offset: 7, found: 'end of JSON' } }],
    ['cut short inside a string: the end, where the rest goes', { given: '{"a": "Gro', want: { offset: 10, found: 'end of JSON' } }],
    ['cut short inside a literal: the end, where the rest goes', { given: '{"a": tr', want: { offset: 8, found: 'end of JSON' } }],
  ])('%s', (_name, { given, want }) => {
    expect(findJsonError(given)).toEqual(want);
  });
});

describe('commaSpot', () => {
  it.each([
    ['a missing comma at a line end: right after the value before', { given: '{\n  "a": 1\n  "b": 2\n}', want: 10 }],
    ['a missing comma on one line: right after the value before', { given: '[1 2]', want: 2 }],
    ['a stray `}` that closes the value early (content after it): at that `}`', { given: '{\n  "a": 1\n},\n"b": 2\n}', want: 11 }],
    ['strings without keys in braces: at the `{` an array belongs at', { given: '{"b": {\n  "x",\n  "y"\n}}', want: 6 }],
    ['a key without a colon before its value: where the parser puts it', { given: '{"a": {"b" 1}}', want: 11 }],
    ['any other error: where the parser puts it', { given: '{"a" 1}', want: 5 }],
  ])('%s', (_name, { given, want }) => {
    const errors: ParseError[] = [];
    parseJsonTree(given, errors);
    expect(commaSpot(given, errors[0]!)).toBe(want);
  });
});

describe('scanJson', () => {
  it('finds elisions outside strings, blanks them, and counts brackets left open', () => {
    const text = '{ "a": "x...", "b": [1, ...], …';
    expect(scanJson(text)).toEqual({
      elisions: [
        { offset: 24, length: 3 },
        { offset: 30, length: 1 },
      ],
      unclosed: 1,
      open: '{',
      blanked: '{ "a": "x...", "b": [1,    ],  ',
    });
  });
});
