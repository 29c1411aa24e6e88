/** Return types the Response prose does not name: from example responses, or a primitive stated in words; each says where it came from. */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';

function page(response: string, example: string[]): string {
  return [
    '# widget: refresh', '', 'Namespace: microsoft.graph', '', 'Refresh a widget.', '',
    '## HTTP request', '', '```http', 'POST /widgets/{id}/refresh', '```', '',
    '## Response', '', response, '',
    '## Examples', '', '### Request', '', '<!-- { "blockType": "request", "name": "refresh" } -->', '```http', 'POST https://graph.microsoft.com/v1.0/widgets/1/refresh', '```', '',
    '### Response', '', ...example, '',
  ].join('\n');
}

const RESPONSE = (annotation: string, body: string[]) => [`<!-- { "blockType": "response"${annotation} } -->`, '```http', 'HTTP/1.1 200 OK', 'Content-type: application/json', '', ...body, '```'];
const NO_TYPE = 'If successful, this method returns a `200 OK` response code and the result in the response body.';

describe('return types', () => {
  it.each<[string, { response: string; example: string[]; want: string | null }]>([
    ['the prose names a type: prose', { response: 'If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.', example: RESPONSE(', "@odata.type": "microsoft.graph.gadget"', ['{}']), want: 'widget prose @15' }],
    ['the annotation @odata.type', { response: NO_TYPE, example: RESPONSE(', "@odata.type": "microsoft.graph.widget", "isCollection": true', ['{}']), want: 'microsoft.graph.widget[] example @28' }],
    ['@odata.context Collection(...)', { response: NO_TYPE, example: RESPONSE('', ['{', '  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.widget)",', '  "value": []', '}']), want: 'microsoft.graph.widget[] example @33' }],
    ['@odata.context of a primitive', { response: NO_TYPE, example: RESPONSE('', ['{', '  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Edm.String",', '  "value": "abc"', '}']), want: 'Edm.String example @33' }],
    ['a value array of typed items', { response: NO_TYPE, example: RESPONSE('', ['{', '  "value": [{ "@odata.type": "#microsoft.graph.widget", "id": "1" }]', '}']), want: 'microsoft.graph.widget[] example @33' }],
    ['an entity-set context names no type', { response: NO_TYPE, example: RESPONSE('', ['{', '  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#widgets/$entity",', '  "id": "1"', '}']), want: null }],
    ['a `true` value in prose: Edm.Boolean', { response: 'If successful, this action returns a `200 OK` response code. A `true` value is returned when the widget was refreshed.', example: RESPONSE('', ['{ "value": true }']), want: 'Edm.Boolean prose @15' }],
    ['a base64 string in an error sentence names no return type', { response: 'If successful, this method returns `202 Accepted` response code. If the request body includes malformed MIME content, this method returns `400 Bad request` and the error message "Invalid base64 string for MIME content".', example: [], want: null }],
    ['a base-64 string in prose: Edm.String', { response: 'If successful, this function returns a `200 OK` response code and a base-64 encoded string in the response body.', example: [], want: 'Edm.String prose @15' }],
  ])('%s', (_name, { response, example, want }) => {
    const facts = extractPage({ file: 'v1.0/api/widget-refresh.md', apiVersion: 'v1.0', text: page(response, example) });
    const found = facts.operations[0]!.response!;
    const where = found.typeFrom === 'example' ? found.typeSource?.line : found.source.line;
    expect(found.type ? `${found.type.name}${found.type.isCollection ? '[]' : ''} ${found.typeFrom} @${where}` : null).toBe(want);
  });
});
