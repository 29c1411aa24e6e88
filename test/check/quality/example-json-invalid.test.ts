import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiHead } from './pages.js';

const get = (annotation: string, body: string) => `${apiHead('List widgets', 'Widget.Read.All', 'GET /widgets')}
## Response
If successful, this method returns a \`200 OK\` response code and a collection of [widget](../resources/widget.md) objects in the response body.

## Example
### Request
<!-- { "blockType": "request", "name": "list_widgets" } -->
\`\`\`http
GET https://graph.microsoft.com/v1.0/widgets
\`\`\`

### Response
<!-- { ${annotation} } -->
\`\`\`http
HTTP/1.1 200 OK
Content-type: application/json

${body}
\`\`\`
`;

const check = (annotation: string, body: string) => checkPages({ 'v1.0/api/widget-list.md': get(annotation, body) }, 'example-json-invalid');
const CUT = '{\n  "value": [\n    {\n      "id": "1"\n    }';

describe('example-json-invalid: a body cut short is broken JSON, truncated or not', () => {
  it('reports an unclosed brace without "truncated"', () => {
    expect(check('"blockType": "response"', CUT)).toEqual(['41:6: Unexpected end of response body with `{[` unclosed, expected the JSON to end with `]}`']);
  });

  it('reports an unclosed brace with "truncated": true (truncated means properties left out)', () => {
    expect(check('"blockType": "response", "truncated": true', CUT)).toEqual(['41:6: Unexpected end of response body with `{[` unclosed, expected the JSON to end with `]}`']);
  });

  it('still accepts elisions in a truncated body', () => {
    expect(check('"blockType": "response", "truncated": true', '{\n  "value": [\n    { "id": "1" },\n    ...\n  ]\n}')).toEqual([]);
  });
});
