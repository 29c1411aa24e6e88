import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { resourcePage } from '../pages.js';

const rows = ['|id|String|Identifier.|', '|displayName|String|Name.|'];
const page = (json: string, extra: Parameters<typeof resourcePage>[1] = {}) => ({ 'v1.0/resources/widget.md': resourcePage('widget', { rows, json, ...extra }) });

describe('table-json-mismatch', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: same properties', page('{\n  "@odata.type": "#microsoft.graph.widget",\n  "id": "String",\n  "displayName": "String"\n}'), []],
    [
      'ok: relationships may be left out of the JSON',
      page('{\n  "id": "String",\n  "displayName": "String"\n}', { relationships: ['|parts|[part](part.md) collection|Parts.|'] }),
      [],
    ],
    [
      'not ok: a JSON key no table lists',
      page('{\n  "id": "String",\n  "displayName": "String",\n  "displayNme": "String"\n}'),
      ['24:3: Unexpected `displayNme` in the JSON representation, expected a property the tables list (did you mean `displayName`?)'],
    ],
    [
      'not ok: a table row the JSON lacks',
      page('{\n  "id": "String"\n}'),
      ['16:2: Unexpected property `displayName` that the JSON representation (line 20) lacks, expected a `"displayName"` key there too'],
    ],
    ['ok: open types take any key', page('{\n  "id": "String",\n  "displayName": "String",\n  "extra": 1\n}', { annotation: '"blockType": "resource", "openType": true, "@odata.type": "microsoft.graph.widget"' }), []],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'table-json-mismatch')).toEqual(expected);
  });
});
