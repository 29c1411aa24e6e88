import { describe, expect, it } from 'vitest';
import { apiPage } from './api-fixture.js';
import { pick, summarize, type OperationSummary } from './api-summary.js';

interface Case {
  /** Page lines after the front matter: the first is line 4. */
  given: string[];
  want: Partial<OperationSummary>;
  /** `line:column severity code`; omitted means "none". */
  diagnostics?: string[];
}

const CREATE_PAGE = [
  '# Create widget', // 4
  '',
  'Namespace: microsoft.graph',
  '',
  '> **Note:** Preview only.',
  '', // 9
  '[!INCLUDE [national-cloud-support](../../includes/all-clouds.md)]',
  '',
  'Create a new [widget](../resources/widget.md) object.',
  '',
  '## Permissions', // 14
  '|Permission type|Permissions (from least to most privileged)|',
  '|:---|:---|',
  '|Delegated (work or school account)|Widget.ReadWrite, Widget.ReadWrite.All|',
  '|Delegated (personal Microsoft account)|Not supported.|',
  '|Application|Widget.ReadWrite.All|', // 19
  '',
  '## HTTP request',
  '<!-- { "blockType": "ignored" } -->',
  '```http',
  'POST /widgets', // 24
  'POST /users/{user-id}/widgets',
  '```',
  '',
  '## Request headers',
  '|Header|Value|', // 29
  '|:---|:---|',
  '|Authorization|Bearer {token}. Required.|',
  '|Content-Type|application/json|',
  '',
  '## Request body', // 34
  '|Property|Type|Description|',
  '|:---|:---|:---|',
  '|displayName|String|Name. Required.|',
  '|size|Int32|Size. Optional.|',
  '|parts|[part](../resources/part.md) collection|Parts.|', // 39
  '',
  '## Response',
  '',
  'If successful, this method returns a `201 Created` response code and a [widget](../resources/widget.md) object in the response body.',
  '', // 44
  '## Example',
  '',
  '### Request',
  '# [HTTP](#tab/http)',
  '<!-- { "blockType": "request", "name": "create_widget" } -->', // 49
  '```http',
  'POST https://graph.microsoft.com/v1.0/widgets',
  'Content-type: application/json',
  '',
  '{ "displayName": "A" }', // 54
  '```',
  '# [C#](#tab/csharp)',
  '```csharp',
  'var widget = new Widget();',
  '```', // 59
  '---',
  '',
  '### Response',
  '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->',
  '```http', // 64
  'HTTP/1.1 201 Created',
  'Content-type: application/json',
  '',
  '{ "id": "1", "displayName": "A" }',
  '```', // 69
];

const CASES: Array<[string, Case]> = [
  [
    'a create page: every section, tabs folded, C# tab not an example',
    {
      given: CREATE_PAGE,
      want: {
        title: 'Create widget',
        description: 'Create a new widget object.',
        kind: 'create',
        paths: ['POST /widgets [] @24:1', 'POST /users/{user-id}/widgets [user-id] @25:1'],
        permissions: [
          'Delegated (work or school account): Widget.ReadWrite, Widget.ReadWrite.All',
          'Delegated (personal Microsoft account): ',
          'Application: Widget.ReadWrite.All',
        ],
        headers: ['Authorization=Bearer {token}. Required.', 'Content-Type=application/json'],
        query: [],
        parameters: [],
        requestBody: ['displayName:Edm.String!', 'size:Edm.Int32?', 'parts:part[]'],
        response: '201 widget',
        examples: ['create_widget: POST https://graph.microsoft.com/v1.0/widgets => 201'],
      },
    },
  ],
  [
    'a function: GET with `(key={value})`, function parameters, query parameters',
    {
      given: [
        '# reportRoot: getWidgetCounts', // 4
        '',
        'Get widget counts.',
        '',
        '## HTTP request',
        '```http', // 9
        "GET /reports/getWidgetCounts(period='{period_value}')",
        '```',
        '',
        '## Function parameters',
        '|Parameter|Type|Description|', // 14
        '|:---|:---|:---|',
        '|period|string|Period. Required.|',
        '',
        '## Optional query parameters',
        'This method supports the `$top` and `$filter` [OData query parameters](/graph/query-parameters). It does not support `$expand`.', // 19
        '',
        '## Response',
        'If successful, this function returns a `200 OK` response code and a collection of [widgetCount](../resources/widgetcount.md) objects.',
      ],
      want: {
        kind: 'function',
        paths: ["GET /reports/getWidgetCounts(period='{period_value}') [period_value] @10:1"],
        parameters: ['period:Edm.String!'],
        query: ['$top', '$filter'],
        response: '200 widgetCount[]',
        requestBody: null,
        examples: [],
      },
    },
  ],
  [
    'an action: POST to a verb segment with a Parameter table; the body table becomes parameters',
    {
      given: [
        '# widget: reset', // 4
        '',
        'Reset a widget.',
        '',
        '## HTTP request',
        '```http', // 9
        'POST /widgets/{id}/reset',
        '```',
        '',
        '## Request body',
        '|Parameter|Type|Description|', // 14
        '|:---|:---|:---|',
        '|force|Boolean|Whether to force.|',
        '',
        '## Response',
        'If successful, this action returns a `204 No Content` response code.', // 19
      ],
      want: { kind: 'action', parameters: ['force:Edm.Boolean'], requestBody: null, response: '204 -' },
    },
  ],
  [
    'no request body: "Do not supply a request body" gives null',
    {
      given: ['# Delete widget', '', 'Delete one.', '', '## HTTP request', '```http', 'DELETE /widgets/{id}', '```', '', '## Request body', 'Do not supply a request body for this method.'],
      want: { kind: 'delete', requestBody: null, response: null },
    },
  ],
  [
    'malformed: no HTTP request section, a response without a request',
    {
      given: [
        '# Get widget', // 4
        '',
        'Get one.',
        '',
        '## Examples',
        '### Response', // 9
        '<!-- { "blockType": "response" } -->',
        '```http',
        'HTTP/1.1 200 OK',
        '```',
      ],
      want: { kind: 'get', paths: [], examples: ['widget-get-example-1: - => 200'] },
      diagnostics: ['4:1 warning http-request-missing', '11:1 warning example-request-missing'],
    },
  ],
  [
    'an HTTP request line without a method is reported and skipped',
    {
      given: ['# Update widget', '', 'Update one.', '', '## HTTP request', '```http', 'PATCH /widgets/{id}', '/widgets/{id}/parts', '```'],
      want: { kind: 'update', paths: ['PATCH /widgets/{id} [id] @10:1'] },
      diagnostics: ['11:1 warning http-request-method-missing'],
    },
  ],
  [
    'older layouts: "Prerequisites" heading, a transposed permissions table, bold pseudo-headings with a bare JSON response',
    {
      given: [
        '# Get widget', // 4
        '',
        'Get one.',
        '',
        '## Prerequisites',
        '| Resource | Delegated (work or school account) | Application |', // 9
        '|:--|:--|:--|',
        '| widget | Widget.Read | Widget.Read.All |',
        '| part | Part.Read | Not supported. |',
        '',
        '## HTTP request', // 14
        '```http',
        'GET /widgets/{id}',
        '```',
        '',
        '## Response', // 19
        'If successful, this method returns a `200 OK` response code and a **widget** object in the response body.',
        '',
        '**Request**',
        '```http',
        'GET https://graph.microsoft.com/beta/widgets/1', // 24
        '```',
        '**Response**',
        '```json',
        '{ "id": "1" }',
        '```', // 29
      ],
      want: {
        // One entry per resource and type (the resource itself is in `PermissionFacts.resource`).
        permissions: ['Delegated (work or school account): Widget.Read', 'Application: Widget.Read.All', 'Delegated (work or school account): Part.Read', 'Application: '],
        response: '200 widget',
        examples: ['widget-get-example-1: GET https://graph.microsoft.com/beta/widgets/1 => ?'],
      },
      diagnostics: ['28:1 warning example-status-line-missing'],
    },
  ],
];

describe('extractApiPage', () => {
  it.each(CASES)('%s', (_name, { given, want, diagnostics = [] }) => {
    const result = apiPage(...given);
    expect(pick(summarize(result.operation), Object.keys(want) as Array<keyof OperationSummary>)).toEqual(want);
    expect(result.diagnostics).toEqual(diagnostics);
  });

  it('keeps source positions on the operation, its rows and its example bodies', () => {
    const { operation } = apiPage(...CREATE_PAGE);
    expect(operation.source).toEqual({ file: 'v1.0/api/widget-get.md', line: 4, column: 1 });
    expect(operation.permissions[0]?.source.line).toBe(17);
    expect(operation.requestHeaders[0]?.source.line).toBe(31);
    expect(operation.requestBody?.[0]?.source.line).toBe(37);
    expect(operation.response?.source.line).toBe(43);
    const [example] = operation.examples;
    expect(example?.request?.source.line).toBe(50);
    expect(example?.request?.body).toEqual({ raw: '{ "displayName": "A" }', json: { displayName: 'A' }, parsed: true, source: { file: 'v1.0/api/widget-get.md', line: 54, column: 1 } });
    expect(example?.response?.headers).toEqual({ 'Content-type': 'application/json' });
    expect(example?.response?.body?.source).toEqual({ file: 'v1.0/api/widget-get.md', line: 68, column: 1 });
  });

  it('reports a section without a readable path once, at its invalid line', () => {
    const invalid = apiPage('# Create widget', '', '## HTTP request', '```http', 'POST ** Collection URI for widget not found', '```');
    expect(invalid.diagnostics).toEqual(['8:1 warning http-request-path-invalid']);
    expect(apiPage('# Create widget', '', 'Create one.').diagnostics).toEqual(['4:1 warning http-request-missing']);
  });

  it('never throws on hostile input', () => {
    for (const given of [[''], ['# x'], ['## HTTP request', '```http', '```'], ['## Request body', '|a|', '|b|'], ['```http', 'GET', '```'], ['<!-- { -->', '```http', 'HTTP/1.1', '```']]) {
      expect(() => apiPage(...given)).not.toThrow();
    }
  });
});
