import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE, resourcePage, widgetWorld } from '../pages.js';

const create = (body: string[], extra: Record<string, string> = {}) => widgetWorld(apiPage({ examples: [{ request: CREATE_REQUEST(body), response: CREATED_RESPONSE(['{', '  "id": "1"', '}']) }] }), extra);

describe('example-unknown-property', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: own, inherited-free and annotation keys', create(['{', '  "@odata.type": "#microsoft.graph.widget",', '  "displayName": "x",', '  "parts@odata.bind": ["https://graph.microsoft.com/v1.0/parts/1"]', '}']), []],
    ['ok: nested known property', create(['{', '  "parts": [{"name": "a", "weight": 2}]', '}']), []],
    [
      'not ok: misspelled top-level property',
      create(['{', '  "displayNme": "x"', '}']),
      ['38:3: Unexpected property `displayNme` on `microsoft.graph.widget`, expected one of its properties (did you mean `displayName`?)'],
    ],
    [
      'not ok: unknown property at depth, inside a collection',
      create(['{', '  "parts": [{"name": "a", "colour": "red"}]', '}']),
      ['38:27: Unexpected property `colour` on `microsoft.graph.part`, expected one of its properties'],
    ],
    [
      'ok: property of the derived type @odata.type names',
      create(['{', '  "parts": [{"@odata.type": "#microsoft.graph.bolt", "name": "a", "thread": "M4"}]', '}'], {
        'v1.0/resources/bolt.md': resourcePage('bolt', { intro: 'A bolt. Inherits from [part](part.md).', rows: ['|thread|String|Thread size.|'], json: '{\n  "thread": "String"\n}', annotation: '"blockType": "resource", "baseType": "microsoft.graph.part", "@odata.type": "microsoft.graph.bolt"' }),
      }),
      [],
    ],
    [
      'ok: open types take any property',
      create(['{', '  "parts": [{"name": "a", "anything": 1}]', '}'], {
        'v1.0/resources/part.md': resourcePage('part', { rows: ['|name|String|Name.|'], json: '{\n  "name": "String"\n}', annotation: '"blockType": "resource", "openType": true, "@odata.type": "microsoft.graph.part"' }),
      }),
      [],
    ],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'example-unknown-property')).toEqual(expected);
  });
});
