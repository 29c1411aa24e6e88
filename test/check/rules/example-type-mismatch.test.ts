import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE, widgetWorld } from '../pages.js';

const create = (body: string[]) => widgetWorld(apiPage({ examples: [{ request: CREATE_REQUEST(body), response: CREATED_RESPONSE(['{', '  "id": "1"', '}']) }] }));
const respond = (body: string[], annotation?: string) => widgetWorld(apiPage({ examples: [{ request: CREATE_REQUEST(['{', '  "displayName": "x"', '}']), response: CREATED_RESPONSE(body, annotation) }] }));

describe('example-type-mismatch', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: every kind and format right', create(['{', '  "size": 3,', '  "createdDateTime": "2024-05-01T12:00:00Z",', '  "parts": [{"weight": 1.5}]', '}']), []],
    ['ok: placeholders are not checked for format', create(['{', '  "createdDateTime": "String (timestamp)",', '  "size": null', '}']), []],
    ['not ok: string for Int32', create(['{', '  "size": "big"', '}']), ['38:11: Unexpected string `"big"`, expected a number (`Edm.Int32`)']],
    [
      'not ok: bad DateTimeOffset',
      create(['{', '  "createdDateTime": "May 1"', '}']),
      ['38:22: Unexpected string `"May 1"`, expected an ISO 8601 date and time with an offset such as `2024-05-01T12:00:00Z` (`Edm.DateTimeOffset`)'],
    ],
    ['not ok: object where a collection is expected', create(['{', '  "parts": {"name": "a"}', '}']), ['38:12: Unexpected object, expected an array (`microsoft.graph.part` collection)']],
    [
      'not ok: collection response where the annotation says single',
      respond(['{', '  "value": [{"id": "1"}]', '}']),
      ['49:3: Unexpected collection (`value` array), expected a single `microsoft.graph.widget` as the annotation says (or `"isCollection": true` in the annotation)'],
    ],
    [
      'not ok: single object where the annotation says collection',
      respond(['{', '  "id": "1"', '}'], '"blockType": "response", "@odata.type": "microsoft.graph.widget", "isCollection": true'),
      ['48:1: Unexpected single object, expected a collection (`{"value": [...]}`) of `microsoft.graph.widget` as the annotation says'],
    ],
    [
      'not ok: single entity wrapped in value',
      respond(['{', '  "value": {"id": "1"}', '}']),
      ['49:3: Unexpected `value` wrapper around a single `microsoft.graph.widget`, expected its properties at the top level of the body'],
    ],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'example-type-mismatch')).toEqual(expected);
  });
});
