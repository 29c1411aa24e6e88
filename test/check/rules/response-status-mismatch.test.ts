import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST } from '../pages.js';

const page = (status: string, response?: string) => ({
  'v1.0/api/widget-create.md': apiPage({
    ...(response ? { response } : {}),
    examples: [{ request: CREATE_REQUEST(['{}']), response: { annotation: '"blockType": "response"', lines: [`HTTP/1.1 ${status}`] } }],
  }),
});

describe('response-status-mismatch', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: same status', page('201 Created'), []],
    ['ok: error examples are not compared', page('400 Bad Request'), []],
    ['ok: a second status the section names', page('200 OK', 'If successful, this method returns `204 No Content`. With `Prefer: return=representation` it returns a `200 OK` response code.'), []],
    ['not ok: another success status', page('200 OK'), ['43:10: Unexpected status `200`, expected `201` as the Response section says (line 27)']],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'response-status-mismatch')).toEqual(expected);
  });
});
