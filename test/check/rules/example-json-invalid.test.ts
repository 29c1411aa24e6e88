import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE } from '../pages.js';

const page = (request: string[], annotation?: string) => ({
  'v1.0/api/widget-create.md': apiPage({ examples: [{ request: { ...CREATE_REQUEST(request), ...(annotation ? { annotation } : {}) }, response: CREATED_RESPONSE(['{}']) }] }),
});

describe('example-json-invalid', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: valid JSON', page(['{', '  "a": [1, 2]', '}']), []],
    ['ok: elisions in a truncated example', page(['{', '  "a": 1,', '  ...', '}']), []],
    ['ok: cut short where the annotation says truncated', page(['{', '  "a": {'], '"blockType": "request", "truncated": true'), []],
    ['not ok: trailing comma', page(['{', '  "a": 1,', '}']), ['38:9: Unexpected trailing comma in request body, expected valid JSON']],
    ['not ok: missing comma', page(['{', '  "a": 1', '  "b": 2', '}']), ['39:3: Unexpected `"b"` without a comma before it in request body, expected valid JSON']],
    ['not ok: comment', page(['{', '  "a": 1 // one', '}']), ['38:10: Unexpected comment in request body, expected valid JSON']],
    ['not ok: an error besides the elision is still an error', page(['{', '  "a": 1,', '  ...', '  "b": tru', '}']), ['40:8: Unexpected `tru` in request body, expected valid JSON']],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'example-json-invalid')).toEqual(expected);
  });
});
