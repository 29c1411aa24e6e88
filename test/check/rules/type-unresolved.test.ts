import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { enumPage, resourcePage } from '../pages.js';

describe('type-unresolved', () => {
  it.each<[string, Record<string, string>, string[]]>([
    [
      'ok: the type has a page',
      { 'v1.0/resources/widget.md': resourcePage('widget', { rows: ['|state|[widgetState](widgetstate.md)|State.|'] }), 'v1.0/resources/widgetstate.md': enumPage('widgetState', ['on']) },
      [],
    ],
    [
      'not ok: every reference to a type no page documents, at its type cell',
      { 'v1.0/resources/widget.md': resourcePage('widget', { rows: ['|state|[widgetStat](widgetstat.md)|State.|', '|other|[widgetStat](widgetstat.md) collection|More.|'] }), 'v1.0/resources/widgetstate.md': enumPage('widgetState', ['on']) },
      [
        '15:9: Unexpected type `widgetStat` that no page documents, expected a documented type (did you mean `widgetState`?)',
        '16:9: Unexpected type `widgetStat` that no page documents, expected a documented type (did you mean `widgetState`?)',
      ],
    ],
    [
      'not ok: a linked page that documents no type',
      { 'v1.0/resources/widget.md': resourcePage('widget', { rows: ['|kind|[widgetKind](widgetkind.md)|Kind.|'] }), 'v1.0/resources/widgetkind.md': '---\ntitle: "widgetKind"\ndoc_type: apiPageType\n---\n\n# widgetKind\n' },
      ['15:8: Unexpected type `widgetKind` that its page `v1.0/resources/widgetkind.md` does not document as a type (doc_type `apiPageType`), expected that page to be a resource or enum page for it'],
    ],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'type-unresolved')).toEqual(expected);
  });
});
