import { describe, expect, it } from 'vitest';
import { normalizePath, pathParameters } from '../../generator/extract/http-request.js';
import { apiPage } from './api-fixture.js';

describe('normalizePath', () => {
  const cases: Array<[string, { given: string; want: string | null }]> = [
    ['a plain path', { given: '/users/{id}', want: '/users/{id}' }],
    ['host and version', { given: 'https://graph.microsoft.com/v1.0/users/{id}', want: '/users/{id}' }],
    ['beta host', { given: 'https://graph.microsoft.com/beta/me', want: '/me' }],
    ['no leading slash', { given: 'policies/claimsMappingPolicies', want: '/policies/claimsMappingPolicies' }],
    ['tilde root', { given: '~/onPremisesPublishingProfiles/{publishingType}/', want: '/onPremisesPublishingProfiles/{publishingType}/' }],
    ['query dropped', { given: "/me/messages?$filter=id eq '{id}'", want: '/me/messages' }],
    ['`?` inside a function call kept', { given: "/reports/x(filter='a?b')", want: "/reports/x(filter='a?b')" }],
    ['trailing HTTP version', { given: '/me HTTP/1.1', want: '/me' }],
    ['spaces inside braces kept', { given: '/users/{id | userPrincipalName}/events', want: '/users/{id | userPrincipalName}/events' }],
    ['tool placeholder is not a path', { given: '** Collection URI for microsoft.x not found', want: null }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => expect(normalizePath(given)).toBe(want));
});

describe('pathParameters', () => {
  const cases: Array<[string, { given: string; want: string[] }]> = [
    ['segments in order', { given: '/users/{user-id}/events/{id}', want: ['user-id', 'id'] }],
    ['alternatives folded', { given: '/users/{id | userPrincipalName}', want: ['id|userPrincipalName'] }],
    ['function arguments', { given: "/reports/getX(period='{period_value}',date={date})", want: ['period_value', 'date'] }],
    ['none', { given: '/me', want: [] }],
  ];
  it.each(cases)('%s', (_name, { given, want }) => expect(pathParameters(given)).toEqual(want));
});

describe('readHttpRequests', () => {
  const cases: Array<[string, { given: string[]; want: string[]; diagnostics?: string[] }]> = [
    [
      'every line of every block, blank lines and comments skipped, duplicates once',
      {
        given: ['# Get widget', '', '## HTTP request', '```http', 'GET /me/widgets', '', '// or', 'GET /users/{id}/widgets', 'GET /me/widgets', '```', 'or', '```http', 'GET /groups/{id}/widgets', '```'],
        want: ['GET /me/widgets @8', 'GET /users/{id}/widgets @11', 'GET /groups/{id}/widgets @16'],
      },
    ],
    [
      'blocks nested in list items and subsections; C# blocks ignored',
      {
        given: ['# Get widget', '', '## HTTP request', '### For users', '* Mine:', '  ```http', '  GET /me/widgets', '  ```', '```csharp', 'GET /not/a/path', '```'],
        want: ['GET /me/widgets @10:3'],
      },
    ],
    [
      'the HTTP request block under a language tab',
      {
        given: ['# Get widget', '', '## HTTP request', '# [HTTP](#tab/http)', '<!-- { "blockType": "request", "name": "w" } -->', '```msgraph-interactive', 'GET /sites?search={query}', '```'],
        want: ['GET /sites @10'],
      },
    ],
    [
      'no HTTP request heading: syntax blocks before the examples',
      {
        given: ['# Get site', '', '## Get the root site', '```http', 'GET /sites/root', '```', '## Example', '### Request', '```http', 'GET https://graph.microsoft.com/v1.0/sites/root', '```'],
        want: ['GET /sites/root @8'],
      },
    ],
    [
      'a method glued to the path, and a tool placeholder',
      {
        given: ['# Delete widget', '', '## HTTP request', '```http', 'DELETE/widgets/{id}', 'DELETE ** Entity URI for x not found', '```'],
        want: ['DELETE /widgets/{id} @8'],
        diagnostics: ['9:1 warning http-request-path-invalid'],
      },
    ],
  ];
  it.each(cases)('%s', (_name, { given, want, diagnostics = [] }) => {
    const { operation, diagnostics: reported } = apiPage(...given);
    expect(operation.httpRequests.map((r) => `${r.method} ${r.path} @${r.source.line}${r.source.column === 1 ? '' : `:${r.source.column}`}`)).toEqual(want);
    expect(reported.filter((d) => !/example-/.test(d))).toEqual(diagnostics);
  });
});
