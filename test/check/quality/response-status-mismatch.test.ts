import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiHead } from './pages.js';

const get = (status: string) => `${apiHead('Get widget', 'Widget.Read.All', 'GET /widgets/{id}')}
## Response
If successful, this method returns a \`200 OK\` response code and a [widget](../resources/widget.md) object in the response body.

## Example
### Request
<!-- { "blockType": "request", "name": "get_widget" } -->
\`\`\`http
GET https://graph.microsoft.com/v1.0/widgets/1
\`\`\`

### Response
<!-- { "blockType": "response" } -->
\`\`\`http
${status}
\`\`\`
`;

const check = (status: string) => checkPages({ 'v1.0/api/widget-get.md': get(status) }, 'response-status-mismatch');

describe('response-status-mismatch: the reason phrase', () => {
  it('accepts the code’s own phrase in any case', () => {
    expect(check('HTTP/1.1 200 OK')).toEqual([]);
    expect(check('HTTP/1.1 200 Ok')).toEqual([]);
  });

  it('reports another code’s phrase, at the phrase', () => {
    expect(check('HTTP/1.1 200 Created')).toEqual(['34:14: Unexpected reason phrase `Created` for status 200, expected `200 OK`']);
  });
});
