import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE, widgetWorld } from '../pages.js';

const table = ['|Property|Type|Description|', '|:---|:---|:---|', '|displayName|String|Name shown to users.|', '|size|Int32|Size in units. Optional.|'];
const page = (intro: string, body: string[], extra: Partial<Parameters<typeof apiPage>[0]> = {}) =>
  widgetWorld(apiPage({ requestBody: [intro, '', ...table], examples: [{ request: CREATE_REQUEST(body), response: CREATED_RESPONSE(['{}']) }], ...extra }));

const BLANKET = 'The following table shows the properties that are required when you create the widget.';

describe('example-required-missing', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: required property present', page(BLANKET, ['{', '  "displayName": "x"', '}']), []],
    ['ok: the table is not introduced as required', page('The following table lists the properties you can set.', ['{}']), []],
    ['not ok: required property omitted', page(BLANKET, ['{', '  "size": 1', '}']), ['42:1: Unexpected request body without required property `displayName`, expected it as the request-body table says (line 28)']],
    [
      'ok: update pages are not held to the blanket sentence',
      page(BLANKET, ['{}'], { title: 'Update widget', httpRequest: ['PATCH /widgets/{id}'] }),
      [],
    ],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'example-required-missing')).toEqual(expected);
  });

  it('reads a Required. description row by row', () => {
    const rows = ['|Property|Type|Description|', '|:---|:---|:---|', '|displayName|String|Name. Required.|', '|size|Int32|Size.|'];
    const pages = widgetWorld(apiPage({ requestBody: [...rows], examples: [{ request: CREATE_REQUEST(['{', '  "size": 1', '}']), response: CREATED_RESPONSE(['{}']) }] }));
    expect(checkPages(pages, 'example-required-missing')).toEqual(['40:1: Unexpected request body without required property `displayName`, expected it as the request-body table says (line 26)']);
  });
});
