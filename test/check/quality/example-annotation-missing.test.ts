import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiHead } from './pages.js';

const page = `${apiHead('Get widget', 'Widget.Read.All', 'GET /widgets/{id}')}
## Response
If successful, this method returns a \`200 OK\` response code and a [widget](../resources/widget.md) object in the response body.

## Examples

### Example 1: Get a widget

#### Request
\`\`\`http
GET https://graph.microsoft.com/v1.0/widgets/1
\`\`\`

#### Response
\`\`\`http
HTTP/1.1 200 OK
Content-type: application/json

{}
\`\`\`

### Example 2: Get another widget

#### Request
<!-- { "blockType": "request", "name": "get_widget_2" } -->
\`\`\`http
GET https://graph.microsoft.com/v1.0/widgets/2
\`\`\`

#### Response
\`\`\`http
HTTP/1.1 200 OK
\`\`\`
`;

describe('example-annotation-missing: one finding per page, off by default', () => {
  it('is off unless a config turns it on', () => {
    expect(checkPages({ 'v1.0/api/widget-get.md': page }, 'example-annotation-missing')).toEqual([]);
  });

  it('reports once per page, at the first block without an annotation, with the count', () => {
    expect(checkPages({ 'v1.0/api/widget-get.md': page }, 'example-annotation-missing', { levels: { 'example-annotation-missing': 'warn' } })).toEqual([
      '29:1: Unexpected 3 of 4 example blocks without an annotation comment, expected `<!-- { "blockType": "request", "name": "..." } -->` before each request and `<!-- { "blockType": "response" } -->` before each response',
    ]);
  });
});
