import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE, widgetWorld } from '../pages.js';

const create = (body: string[]) => widgetWorld(apiPage({ examples: [{ request: CREATE_REQUEST(body), response: CREATED_RESPONSE(['{', '  "id": "1"', '}']) }] }));

describe('example-enum-value', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: a member', create(['{', '  "state": "on"', '}']), []],
    ['ok: flags written as a list of members', create(['{', '  "state": "on,off"', '}']), []],
    ['not ok: case differs from the member', create(['{', '  "state": "On"', '}']), ['38:12: Unexpected `On` for enum `widgetState`, expected a member its enum page lists (did you mean `on`?)']],
    ['not ok: no such member', create(['{', '  "state": "broken"', '}']), ['38:12: Unexpected `broken` for enum `widgetState`, expected a member its enum page lists']],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'example-enum-value')).toEqual(expected);
  });
});
