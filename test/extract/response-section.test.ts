import { describe, expect, it } from 'vitest';
import { statusOf } from '../../generator/extract/response-section.js';
import { apiPage } from './api-fixture.js';

describe('statusOf', () => {
  it.each([
    ['returns a `200 OK` response code', 200],
    ['returns `201 Created`', 201],
    ['returns a 204 No Content response code', 204],
    ['returns a 302 response', 302],
    ['returns up to 100 items', null],
    ['supports Int32 values', null],
  ] as Array<[string, number | null]>)('%s → %s', (given, want) => expect(statusOf(given)).toBe(want));
});

const HEAD = ['# Get widget', '', 'Get one.', '', '## HTTP request', '```http', 'GET /widgets', '```', '']; // lines 4–12

const CASES: Array<[string, { given: string[]; want: string | null }]> = [
  ['a linked type', { given: ['## Response', 'If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.'], want: '200 widget @14' }],
  ['a collection', { given: ['## Response', 'If successful, this method returns a `200 OK` response code and a collection of [widget](../resources/widget.md) objects.'], want: '200 widget[] @14' }],
  ['no body', { given: ['## Response', 'If successful, this method returns a `204 No Content` response code.'], want: '204 - @14' }],
  ['a primitive', { given: ['## Response', 'If successful, this method returns `200 OK` response code and String collection in the response body.'], want: '200 Edm.String[] @14' }],
  ['a bold type name', { given: ['## Response', 'If successful, this method returns a `200 OK` response code and an updated **widgets** object in the response body.'], want: '200 widgets @14' }],
  [
    'the type in another sentence that does not name another status',
    {
      given: ['## Response', 'If successful, this method returns a [widget](../resources/widget.md) resource in the response body.', '', 'The response is `201 Created` for a new widget.'],
      want: '201 widget @16',
    },
  ],
  [
    'links to error pages are not types; error subsections are not read',
    {
      given: ['## Response', 'If successful, returns `204 No Content`. See [errors](/graph/errors.md).', '### Error response codes', 'An `HTTP 404` response is returned with an [error](../resources/error.md).'],
      want: '204 - @14',
    },
  ],
  ['the example Response heading is not the Response section', { given: ['## Example', '### Response', 'Returns `200 OK`.'], want: null }],
  ['a Response section that names no status', { given: ['## Response', 'The widget.'], want: '? - @14' }],
];

describe('readResponse', () => {
  it.each(CASES)('%s', (_name, { given, want }) => {
    const { response } = apiPage(...HEAD, ...given).operation;
    expect(response && `${response.status ?? '?'} ${response.type ? `${response.type.name}${response.type.isCollection ? '[]' : ''}` : '-'} @${response.source.line}`).toBe(want);
  });

  it('keeps the link target', () => {
    const { response } = apiPage(...HEAD, '## Response', 'Returns `200 OK` and a [widget][w] object.', '', '[w]: ../resources/widget.md').operation;
    expect(response?.type).toEqual({ raw: 'widget', name: 'widget', isCollection: false, isPrimitive: false, href: '../resources/widget.md' });
  });

  it('lists every sentence that links what a success returns, with its status and subsection', () => {
    const { response } = apiPage(
      ...HEAD,
      '## Response',
      '### CSV',
      'If successful, this method returns a `302 Found` response that redirects to a [download URL](../resources/report.md).',
      '### JSON',
      'If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) collection.',
      '',
      'A [part](../resources/part.md) is described elsewhere.',
      '### Error response',
      'If the widget is missing, this method returns a [error](../resources/error.md) object.',
    ).operation;
    expect(response?.claims?.map((c) => `${c.status ?? '-'} ${c.under ?? '-'} ${c.type.name}${c.type.isCollection ? '[]' : ''} @${c.source.line}:${c.source.column}`)).toEqual(['200 JSON widget[] @17:67']);
  });

  it('lists the other types a sentence names beside the first ("a [a](...) or a [b](...)")', () => {
    const { response } = apiPage(...HEAD, '## Response', 'Returns `200 OK` and a [widget](../resources/widget.md), **[part](../resources/part.md)** or a [note](../resources/note.md) object for the [owner](../resources/user.md).').operation;
    expect(response?.claims?.map((c) => [c.type.name, ...(c.also ?? []).map((o) => `${o.type.name}@${o.source.column}`)])).toEqual([['widget', 'part@60', 'note@96']]);
  });
});
