import { describe, expect, it } from 'vitest';
import type { ExampleFacts, HttpMessageFacts } from '../../generator/extract/facts.js';
import { apiPage } from './api-fixture.js';

/** The page header every case starts with (lines 4–8), so example lines start at 9. */
const HEAD = ['# Get widget', '', 'Get one.', '', '## HTTP request'];
const SYNTAX = ['```http', 'GET /widgets/{id}', '```']; // lines 9–11

function message(m: HttpMessageFacts | null): string {
  if (!m) return '-';
  const line = m.method !== undefined ? `${m.method} ${m.url}` : `${m.status ?? '?'}`;
  const body = m.body ? ` body:${m.body.parsed ? 'json' : 'raw'}@${m.body.source.line}:${m.body.source.column}` : '';
  return `${line}${body}${m.truncated ? ' truncated' : ''}`;
}

function shape(e: ExampleFacts): string {
  return `${e.name}: ${message(e.request)} => ${message(e.response)}`;
}

const REQUEST = (name: string, url = 'https://graph.microsoft.com/v1.0/widgets/1') => [
  `<!-- { "blockType": "request", "name": "${name}" } -->`,
  '```http',
  `GET ${url}`,
  '```',
];
const RESPONSE = (extra = '') => [`<!-- { "blockType": "response"${extra} } -->`, '```http', 'HTTP/1.1 200 OK', '```'];

const CASES: Array<[string, { given: string[]; want: string[]; diagnostics?: string[] }]> = [
  [
    'numbered examples, each a request and its response',
    {
      given: ['## Examples', '### Example 1: one', '#### Request', ...REQUEST('a'), '#### Response', ...RESPONSE(), '### Example 2: two', '#### Request', ...REQUEST('b'), '#### Response', ...RESPONSE()],
      want: ['a: GET https://graph.microsoft.com/v1.0/widgets/1 => 200', 'b: GET https://graph.microsoft.com/v1.0/widgets/1 => 200'],
    },
  ],
  [
    'an unannotated request under a Request heading; a derived name',
    {
      given: ['## Example', '### Request', '```http', 'GET https://graph.microsoft.com/beta/widgets/1', '```', '### Response', ...RESPONSE()],
      want: ['widget-get-example-1: GET https://graph.microsoft.com/beta/widgets/1 => 200'],
    },
  ],
  [
    'language tabs: only the HTTP tab holds examples',
    {
      given: ['## Example', '### Request', '# [HTTP](#tab/http)', ...REQUEST('a'), '# [JavaScript](#tab/javascript)', '```http', 'GET https://graph.microsoft.com/v1.0/not-an-example', '```', '---', '### Response', ...RESPONSE()],
      want: ['a: GET https://graph.microsoft.com/v1.0/widgets/1 => 200'],
    },
  ],
  [
    'ignored blocks and notification payloads are not examples; a response to an ignored request stands alone',
    {
      given: [
        '## Example', // 12
        '### Request',
        '<!-- { "blockType": "ignored", "name": "x" } -->',
        '```http', // 15
        'GET https://graph.microsoft.com/v1.0/widgets/1',
        '```',
        '### Response',
        ...RESPONSE(), // 19–22
        '##### Notification - established',
        '```http',
        'POST https://bot.contoso.com/callback',
        '```',
        '<!-- { "blockType": "example" } -->',
        '```json',
        '{ "value": [] }',
        '```',
      ],
      want: ['widget-get-example-1: - => 200'],
      diagnostics: ['20:1 info example-request-ignored'],
    },
  ],
  [
    'unannotated blocks anywhere under Examples: Graph requests count, bot callbacks do not; a lone unannotated request is not reported',
    {
      given: ['## Examples', '#### List members', '```http', 'GET https://graph.microsoft.com/v1.0/widgets', '```', '```http', 'POST https://bot.contoso.com/callback', '```', '#### Next page', '```http', 'GET https://graph.microsoft.com/v1.0/widgets?$skip=10', '```'],
      want: ['widget-get-example-1: GET https://graph.microsoft.com/v1.0/widgets => -', 'widget-get-example-2: GET https://graph.microsoft.com/v1.0/widgets?$skip=10 => -'],
    },
  ],
  [
    'a response naming several requests answers each of them',
    {
      given: ['## Examples', '### One', ...REQUEST('one'), '### Two', ...REQUEST('two'), '### Response', ...RESPONSE(', "name": ["one", "two"]')],
      want: ['one: GET https://graph.microsoft.com/v1.0/widgets/1 => 200', 'two: GET https://graph.microsoft.com/v1.0/widgets/1 => 200'],
    },
  ],
  [
    'malformed pairing: a request without a response, a second response, a repeated name',
    {
      given: [
        '## Examples', // 12
        ...REQUEST('a'), // 13–16
        ...REQUEST('a'), // 17–20
        ...RESPONSE(), // 21–24
        ...RESPONSE(), // 25–28
      ],
      want: ['a: GET https://graph.microsoft.com/v1.0/widgets/1 => -', 'a: GET https://graph.microsoft.com/v1.0/widgets/1 => 200', 'widget-get-example-3: - => 200'],
      diagnostics: ['26:1 info example-response-extra', '14:1 warning example-response-missing', '18:1 warning example-name-duplicate'],
    },
  ],
  [
    'an annotation that says response on a request line is read as a request',
    {
      given: ['## Example', '<!-- { "blockType": "response" } -->', '```http', 'POST https://graph.microsoft.com/v1.0/widgets', '```', ...RESPONSE()],
      want: ['widget-get-example-1: POST https://graph.microsoft.com/v1.0/widgets => 200'],
      diagnostics: ['14:1 warning example-annotation-mismatch'],
    },
  ],
  [
    'a bare JSON block right after the status line block is its body',
    {
      given: ['## Example', ...REQUEST('a'), '<!-- { "blockType": "response" } -->', '```http', 'HTTP/1.1 200 OK', 'Content-type: application/json', '```', '```json', '{ "id": "1" }', '```'],
      want: ['a: GET https://graph.microsoft.com/v1.0/widgets/1 => 200 body:json@23:1'],
    },
  ],
];

describe('readExamples', () => {
  it.each(CASES)('%s', (_name, { given, want, diagnostics = [] }) => {
    const { operation, diagnostics: reported } = apiPage(...HEAD, ...SYNTAX, ...given);
    expect(operation.examples.map(shape)).toEqual(want);
    expect(reported).toEqual(diagnostics);
  });
});

const BODY_CASES: Array<[string, { given: string[]; want: string; diagnostics?: string[] }]> = [
  [
    'headers after a blank line, then the body',
    { given: ['```http', 'POST https://graph.microsoft.com/v1.0/widgets', '', 'Content-type: application/json', '', '{ "a": 1 }', '```'], want: 'POST https://graph.microsoft.com/v1.0/widgets body:json@19:1' },
  ],
  [
    'invalid JSON: a missing comma right after the value before it, where it goes',
    {
      given: ['```http', 'POST https://graph.microsoft.com/v1.0/widgets', '', '{', '  "a": 1', '  "b": 2', '}', '```'],
      want: 'POST https://graph.microsoft.com/v1.0/widgets body:raw@17:1',
      diagnostics: ['18:9 error example-json-invalid'],
    },
  ],
  [
    'truncated: true in the annotation turns an error into info',
    {
      given: ['<!-- { "blockType": "request", "truncated": true } -->', '```http', 'POST https://graph.microsoft.com/v1.0/widgets', '', '{', '  "a": [', '```'],
      want: 'POST https://graph.microsoft.com/v1.0/widgets body:raw@18:1 truncated',
      diagnostics: ['19:9 info example-json-truncated'],
    },
  ],
  [
    '`...` elisions are mended and marked truncated',
    { given: ['```http', 'POST https://graph.microsoft.com/v1.0/widgets', '', '{ "value": [ { "id": "1" }, ... ] }', '```'], want: 'POST https://graph.microsoft.com/v1.0/widgets body:json@17:1 truncated' },
  ],
  [
    'a body cut short without the annotation saying so is a warning',
    {
      given: ['```http', 'POST https://graph.microsoft.com/v1.0/widgets', '', '{ "a": {', '```'],
      want: 'POST https://graph.microsoft.com/v1.0/widgets body:raw@17:1 truncated',
      diagnostics: ['17:9 warning example-json-truncated'],
    },
  ],
  [
    'non-JSON content types are kept raw without a diagnostic',
    { given: ['```http', 'PUT https://graph.microsoft.com/v1.0/widgets/1/content', 'Content-Type: text/plain', '', 'Hello', '```'], want: 'PUT https://graph.microsoft.com/v1.0/widgets/1/content body:raw@18:1' },
  ],
  [
    'a body in a list item: the column counts the indentation',
    { given: ['* Request:', '  ```http', '  POST https://graph.microsoft.com/v1.0/widgets', '', '    { "a": 1 }', '  ```'], want: 'POST https://graph.microsoft.com/v1.0/widgets body:json@18:5' },
  ],
  [
    'a body in a block quote: the column counts the `> `',
    { given: ['> ```http', '> POST https://graph.microsoft.com/v1.0/widgets', '>', '> { "a": 1 }', '> ```'], want: 'POST https://graph.microsoft.com/v1.0/widgets body:json@17:3' },
  ],
];

describe('example bodies', () => {
  it.each(BODY_CASES)('%s', (_name, { given, want, diagnostics = [] }) => {
    const { operation, diagnostics: reported } = apiPage(...HEAD, ...SYNTAX, '## Example', '### Request', ...given);
    expect(message(operation.examples[0]?.request ?? null)).toBe(want);
    expect(reported.filter((d) => !/example-response-missing/.test(d))).toEqual(diagnostics);
  });

  it('keeps the raw text and names the problem', () => {
    const { facts } = apiPage(...HEAD, ...SYNTAX, '## Example', '### Request', '```http', 'POST https://graph.microsoft.com/v1.0/w', '', '{ "when": 2018-04-01 }', '```');
    const invalid = facts.diagnostics.find((d) => d.code === 'example-json-invalid');
    expect(invalid?.message).toBe('Unexpected `2018-04-01` in request body, expected valid JSON');
    expect([invalid?.line, invalid?.column]).toEqual([17, 11]);
    expect(facts.operations[0]?.examples[0]?.request?.body?.raw).toBe('{ "when": 2018-04-01 }');
  });
});
