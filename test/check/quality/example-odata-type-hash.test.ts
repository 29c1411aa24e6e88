import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiHead, resourcePage } from './pages.js';

const page = `${apiHead('List attachments', 'Mail.Read', 'GET /me/messages/{id}/attachments')}
## Response
If successful, this method returns a \`200 OK\` response code and a collection of [attachment](../resources/attachment.md) objects in the response body.

## Example
### Request
<!-- { "blockType": "request", "name": "list_attachments" } -->
\`\`\`http
GET https://graph.microsoft.com/v1.0/me/messages/1/attachments
\`\`\`

### Response
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.attachment", "isCollection": true } -->
\`\`\`http
HTTP/1.1 200 OK
Content-type: application/json

{
  "value": [
    { "@odata.type": "#microsoft.graph.attachment", "name": "a" },
    { "@odata.type": "microsoft.graph.attachment", "name": "b" }
  ]
}
\`\`\`
`;

const attachment = resourcePage('attachment', `|id|String|Identifier.|
|name|String|File name.|`, `{ "id": "String", "name": "String" }`);

const pages = { 'v1.0/api/message-list-attachments.md': page, 'v1.0/resources/attachment.md': attachment };

describe('example-odata-type-hash: the `#` style point is its own rule, off by default', () => {
  it('example-odata-type no longer reports a value without `#`', () => {
    expect(checkPages(pages, 'example-odata-type')).toEqual([]);
  });

  it('is off by default', () => {
    expect(checkPages(pages, 'example-odata-type-hash')).toEqual([]);
  });

  it('reports once per page when turned on', () => {
    expect(checkPages(pages, 'example-odata-type-hash', { levels: { 'example-odata-type-hash': 'warn' } })).toEqual([
      "40:22: Unexpected `@odata.type` `microsoft.graph.attachment` without `#` (1 of 2 values on this page), expected `#microsoft.graph.attachment` as OData and the page's other examples write it",
    ]);
  });
});
