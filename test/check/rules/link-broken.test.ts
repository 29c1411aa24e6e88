import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { resourcePage } from '../pages.js';

const page = (intro: string) => ({
  'v1.0/resources/widget.md': resourcePage('widget', { intro, rows: ['|id|String|Id.|'], json: '{\n  "id": "String"\n}' }),
  'v1.0/resources/part.md': resourcePage('part', { rows: ['|id|String|Id.|'], json: '{\n  "id": "String"\n}' }),
});

describe('link-broken', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: page and heading exist', page('See [part](part.md#properties) and [json](#json-representation).'), []],
    ['ok: case and backslashes are resolved as the docs site does', page('See [part](Part.md) and [part](..\\resources\\part.md).'), []],
    ['ok: links outside the input are not checkable', page('See [errors](/graph/errors) and [x](../concepts/x.md) and [i](../../includes/a.md).'), []],
    ['ok: tab anchors select tabs', page('See [HTTP](#tab/http).'), []],
    ['not ok: missing page', page('See [part](prat.md).'), ['10:5: Unexpected link to `prat.md` that no page in the input has, expected an existing page (did you mean `part.md`?)']],
    ['not ok: missing heading on another page', page('See [part](part.md#propertys).'), ['10:5: Unexpected link to `#propertys` that `part.md` has no heading or anchor for, expected an existing anchor (did you mean `properties`?)']],
    ['not ok: missing heading on this page', page('See [json](#json).'), ['10:5: Unexpected link to `#json` that this page has no heading or anchor for, expected an existing anchor']],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'link-broken')).toEqual(expected);
  });
});
