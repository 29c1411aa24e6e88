import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiHead, resourcePage } from './pages.js';

const create = (rows: string) => `${apiHead('Create widget', 'Widget.ReadWrite.All', 'POST /widgets')}
## Request body
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

{}
\`\`\`

### Response
<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->
\`\`\`http
HTTP/1.1 201 Created
\`\`\`
`;

const widget = resourcePage('widget', `|id|String|Identifier. Read-only.|
|displayName|String|Name shown to users.|
|size|Int32|Size in units.|`, `{ "id": "String", "displayName": "String", "size": 1024 }`);

const check = (rows: string) => checkPages({ 'v1.0/api/widget-create.md': create(rows), 'v1.0/resources/widget.md': widget }, 'request-body-mismatch');

describe('request-body-mismatch: rows against the resource type', () => {
  it('accepts rows the resource has, and @odata.bind rows', () => {
    expect(check('|displayName|String|Name.|\n|size|Int32|Size.|\n|owner@odata.bind|String|Owner.|')).toEqual([]);
  });

  it('reports a renamed row at its name, with did-you-mean', () => {
    expect(check('|displayName|String|Name.|\n| sizeInUnits |Int32|Size.|')).toEqual([
      '25:3: Unexpected request-body property `sizeInUnits` that `microsoft.graph.widget` does not have, expected a property of the resource',
    ]);
    expect(check('|dispalyName|String|Name.|')).toEqual([
      '24:2: Unexpected request-body property `dispalyName` that `microsoft.graph.widget` does not have, expected a property of the resource (did you mean `displayName`?)',
    ]);
  });

  it('reports a duplicated row', () => {
    expect(check('|displayName|String|Name.|\n|size|Int32|Size.|\n|displayName|String|Name again.|')).toEqual([
      '26:2: Unexpected second request-body row for `displayName`, expected each property once (first at line 24)',
    ]);
  });

  it('reports a parameter listed twice in the parameter table of an action', () => {
    const action = `${apiHead('widget: resize', 'Widget.ReadWrite.All', 'POST /widgets/{id}/resize')}
## Request body
|Parameter|Type|Description|
|:---|:---|:---|
|size|Int32|New size.|
|unit|String|Unit.|
|size|Int32|New size again.|

## Response
If successful, this action returns a \`204 No Content\` response code.
`;
    expect(checkPages({ 'v1.0/api/widget-resize.md': action }, 'request-body-mismatch')).toEqual(['26:2: Unexpected second parameter row for `size`, expected each parameter once (first at line 24)']);
  });
});
