import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';

const sections = {
  permissions: `## Permissions
|Permission type|Permissions|
|:---|:---|
|Application|Widget.Read.All|
`,
  http: `## HTTP request
<!-- { "blockType": "ignored" } -->
\`\`\`http
GET /widgets/{id}
\`\`\`
`,
  headers: `## Request headers
|Name|Description|
|:---|:---|
|Authorization|Bearer {token}. Required.|
`,
  response: `## Response
If successful, this method returns a \`200 OK\` response code and a [widget](../resources/widget.md) object in the response body.
`,
  example: `## Example
### Request
<!-- { "blockType": "request", "name": "get_widget" } -->
\`\`\`http
GET https://graph.microsoft.com/v1.0/widgets/1
\`\`\`

### Response
<!-- { "blockType": "response" } -->
\`\`\`http
HTTP/1.1 200 OK
\`\`\`
`,
};

const page = (...parts: string[]) => `---
title: "Get widget"
doc_type: apiPageType
---

# Get widget

Namespace: microsoft.graph

${parts.join('\n')}`;

const check = (text: string) => checkPages({ 'v1.0/api/widget-get.md': text }, 'section-missing');
const { permissions, http, headers, response, example } = sections;

describe('section-missing: present, spelt, cased and in order', () => {
  it('accepts the template in sentence or title case', () => {
    expect(check(page(permissions, http, headers, response, example))).toEqual([]);
    expect(check(page(permissions, http.replace('HTTP request', 'HTTP Request'), headers, response, example))).toEqual([]);
  });

  it('reports a missing ## Response even when the examples have ### Response, where the section belongs', () => {
    // Line 21 is `## Request headers`; the section belongs after it, before `## Example` (line 26).
    expect(check(page(permissions, http, headers, example))).toEqual(['26:1: Unexpected API page without a Response section, expected `## Response` before this heading']);
  });

  it('reports a missing section at the heading after its predecessor, not at the next required one', () => {
    // No HTTP request: it belongs after Permissions, before `## Request headers` (line 15), not before `## Response`.
    expect(check(page(permissions, headers, response, example))).toEqual(['15:1: Unexpected API page without a HTTP request section, expected `## HTTP request` before this heading']);
  });

  it('reports a re-cased heading', () => {
    expect(check(page(permissions, http.replace('HTTP request', 'Http Request'), headers, response, example))).toEqual([
      '15:1: Unexpected heading `Http Request`, expected `HTTP request` (or `HTTP Request`)',
    ]);
  });

  it('reports a misspelt heading instead of a missing section', () => {
    expect(check(page(permissions, http, headers, response.replace('## Response', '## Reponse'), example))).toEqual(['26:1: Unexpected heading `Reponse`, expected `Response`']);
  });

  it('reports a heading out of the template order', () => {
    expect(check(page(permissions, headers, response, http, example))).toEqual([
      '23:1: Unexpected `HTTP request` after `Request headers`, expected it before `Request headers` as the template orders them',
    ]);
  });
});
