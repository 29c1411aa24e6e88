import { describe, expect, it } from 'vitest';
import { apiPage } from './api-fixture.js';

const HEAD = ['# List widgets', '', 'List them.', '', '## HTTP request', '```http', 'GET /widgets', '```', ''];

const CASES: Array<[string, { given: string[]; want: string[] }]> = [
  ['OData options named in sentences', { given: ['## Optional query parameters', 'This method supports the `$select`, `$filter` and `$top` [OData query parameters](/graph/query-parameters).'], want: ['$select', '$filter', '$top'] }],
  ['sentences that deny support are skipped', { given: ['## Optional query parameters', 'This method supports `$select`. It does not support `$expand` or `$orderBy`.'], want: ['$select'] }],
  ['a generic link names nothing', { given: ['## Optional query parameters', 'This method supports the [OData query parameters](/graph/query-parameters) to help customize the response.'], want: [] }],
  [
    'a parameter table adds its names; other tables do not',
    {
      given: ['## Query parameters', '| Parameter | Type | Description |', '|:--|:--|:--|', '| startDateTime | String | Start. |', '| $deltatoken | string | Token. |', '', '| Format value | Description |', '|:--|:--|', '| pdf | PDF. |'],
      want: ['startDateTime', '$deltatoken'],
    },
  ],
  ['bullet lists and spelling are normalised', { given: ['## Optional query parameters', '- You can use `$Select` and `$orderby`.'], want: ['$select', '$orderby'] }],
];

describe('readQueryParameters', () => {
  it.each(CASES)('%s', (_name, { given, want }) => expect(apiPage(...HEAD, ...given).operation.queryParameters).toEqual(want));
});
