import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiHead, resourcePage } from './pages.js';

const create = (intro: string, rows: string, body: string) => `${apiHead('Create widget', 'Widget.ReadWrite.All', 'POST /widgets')}
## Request body
${intro}

|Property|Type|Description|
|:---|:---|:---|
${rows}

## Response
If successful, this method returns a \`201 Created\` response code and a [widget](../resources/widget.md) object in the response body.

## Example
### Request
<!-- { "blockType": "request", "name": "create_widget" } -->
\`\`\`http
POST https://graph.microsoft.com/v1.0/widgets
Content-type: application/json

${body}
\`\`\`

### Response
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->
\`\`\`http
HTTP/1.1 201 Created
\`\`\`
`;

const widget = resourcePage('widget', `|id|String|Identifier of the widget. Read-only.|
|serial|String|Serial number, set by the service. Read-only.|
|displayName|String|Name shown to users.|`, `{ "id": "String", "serial": "String", "displayName": "String" }`);

const BLANKET = 'The following table shows the properties that are required when you create the widget.';
const check = (page: string) => checkPages({ 'v1.0/api/widget-create.md': page, 'v1.0/resources/widget.md': widget }, 'example-required-missing');

describe('example-required-missing: only rows that say Required, never server-set ones', () => {
  it('does not make every row required because of the intro sentence', () => {
    expect(check(create(BLANKET, '|displayName|String|Name shown to users.|', '{}'))).toEqual([]);
  });

  it('never requires id, createdDateTime, lastModifiedDateTime or a property the resource marks read-only', () => {
    const rows = ['|id|String|Identifier. Required.|', '|createdDateTime|DateTimeOffset|Created. Required.|', '|lastModifiedDateTime|DateTimeOffset|Changed. Required.|', '|serial|String|Serial. Required.|'].join('\n');
    expect(check(create(BLANKET, rows, '{}'))).toEqual([]);
  });

  it('does not hold an update (PATCH) body to rows marked Required: it sends only what changes', () => {
    const rows = ['|displayName|String|Name shown to users. Required.|', '|size|Int32|Size.|'].join('\n');
    const update = create('', rows, '{\n  "size": 1\n}').replace('POST /widgets', 'PATCH /widgets/{id}').replace('POST https://graph.microsoft.com/v1.0/widgets', 'PATCH https://graph.microsoft.com/v1.0/widgets/1');
    expect(checkPages({ 'v1.0/api/widget-update.md': update, 'v1.0/resources/widget.md': widget }, 'example-required-missing')).toEqual([]);
  });

  it('reports a row that says Required, at the body', () => {
    const rows = ['|displayName|String|Name shown to users. Required.|', '|size|Int32|Size.|'].join('\n');
    expect(check(create('', rows, '{\n  "size": 1\n}'))).toEqual(['39:1: Unexpected request body without required property `displayName`, expected it as the request-body table says (line 26)']);
  });
});
