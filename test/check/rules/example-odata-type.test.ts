import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE, resourcePage, widgetWorld } from '../pages.js';

const bolt = resourcePage('bolt', { intro: 'A bolt.', rows: ['|thread|String|Thread size.|'], json: '{\n  "thread": "String"\n}', annotation: '"blockType": "resource", "baseType": "microsoft.graph.part", "@odata.type": "microsoft.graph.bolt"' });
const create = (body: string[], response = CREATED_RESPONSE(['{', '  "@odata.type": "#microsoft.graph.widget"', '}'])) =>
  widgetWorld(apiPage({ examples: [{ request: CREATE_REQUEST(body), response }] }), { 'v1.0/resources/bolt.md': bolt });

describe('example-odata-type', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: derived type, written with #', create(['{', '  "@odata.type": "#microsoft.graph.widget",', '  "parts": [{"@odata.type": "#microsoft.graph.bolt"}]', '}']), []],
    [
      'not ok: a type not derived from the expected one',
      create(['{', '  "parts": [{"@odata.type": "#microsoft.graph.widget"}]', '}']),
      ['38:29: Unexpected `@odata.type` `#microsoft.graph.widget`, expected `microsoft.graph.part` or a type derived from it (the page of `widget` names no base type)'],
    ],
    ['not ok: a type no page documents', create(['{', '  "parts": [{"@odata.type": "#microsoft.graph.nut"}]', '}']), ['38:29: Unexpected `@odata.type` `#microsoft.graph.nut` that no page documents, expected a documented type (did you mean `#microsoft.graph.bolt`?)']],
    ['not ok: other casing than the page', create(['{', '  "@odata.type": "#microsoft.graph.Widget"', '}']), ['38:18: Unexpected `@odata.type` `#microsoft.graph.Widget`, expected `#microsoft.graph.widget` as its page spells it']],
    [
      'not ok: written without # where the page writes #',
      create(['{', '  "@odata.type": "#microsoft.graph.widget",', '  "parts": [{"@odata.type": "microsoft.graph.bolt"}]', '}']),
      ['39:29: Unexpected `@odata.type` `microsoft.graph.bolt` without `#` (1 of 3 values on this page), expected `#microsoft.graph.bolt` as OData and the page\'s other examples write it'],
    ],
    [
      'not ok: response annotation names an undocumented type',
      create(['{', '  "@odata.type": "#microsoft.graph.widget"', '}'], CREATED_RESPONSE(['{}'], '"blockType": "response", "@odata.type": "microsoft.graph.widgit"')),
      ['43:49: Unexpected annotation `@odata.type` `microsoft.graph.widgit` that no page documents, expected a documented type (did you mean `microsoft.graph.widget`?)'],
    ],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'example-odata-type')).toEqual(expected);
  });
});
