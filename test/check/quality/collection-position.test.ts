import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiHead, resourcePage } from './pages.js';

const get = `${apiHead('Get widget', 'Widget.Read.All', 'GET /widgets/{id}')}
## Response
If successful, this method returns a \`200 OK\` response code and a [widget](../resources/widget.md) object in the response body.

## Example
### Request
<!-- { "blockType": "request", "name": "get_widget" } -->
\`\`\`http
GET https://graph.microsoft.com/v1.0/widgets/1
\`\`\`

### Response
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->
\`\`\`http
HTTP/1.1 200 OK
Content-type: application/json

{
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#widgets",
  "value": [
    { "id": "1" }
  ]
}
\`\`\`
`;

const widget = resourcePage('widget', `|id|String|Identifier. Read-only.|`, `{ "id": "String" }`);

describe('example-type-mismatch: a collection where one object is expected', () => {
  it('is reported at `value`, not at `@odata.context`', () => {
    expect(checkPages({ 'v1.0/api/widget-get.md': get, 'v1.0/resources/widget.md': widget }, 'example-type-mismatch')).toEqual([
      '39:3: Unexpected collection (`value` array), expected a single `microsoft.graph.widget` as the annotation says (or `"isCollection": true` in the annotation)',
    ]);
  });
});
