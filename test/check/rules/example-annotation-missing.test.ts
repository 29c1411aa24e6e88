import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE } from '../pages.js';

describe('example-annotation-missing', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: annotated pair', { 'v1.0/api/widget-create.md': apiPage({ examples: [{ request: CREATE_REQUEST(['{}']), response: CREATED_RESPONSE(['{}']) }] }) }, []],
    [
      'not ok: blocks found by their headings only',
      { 'v1.0/api/widget-create.md': apiPage({ examples: [{ request: { ...CREATE_REQUEST(['{}']), annotation: null }, response: { ...CREATED_RESPONSE(['{}']), annotation: null } }] }) },
      [
        '32:1: Unexpected request block without an annotation comment, expected `<!-- { "blockType": "request", "name": "..." } -->` before it',
        '40:1: Unexpected response block without an annotation comment, expected `<!-- { "blockType": "response" } -->` before it',
      ],
    ],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'example-annotation-missing')).toEqual(expected);
  });
});
