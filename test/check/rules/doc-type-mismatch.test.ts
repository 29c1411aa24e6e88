import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, enumPage, resourcePage } from '../pages.js';

describe('doc-type-mismatch', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: api page under api/', { 'v1.0/api/widget-create.md': apiPage() }, []],
    ['ok: enum page under resources/', { 'v1.0/resources/widgetstate.md': enumPage('widgetState', ['on']) }, []],
    ['not ok: apiPageType under resources/', { 'v1.0/resources/widget.md': resourcePage('widget').replace('resourcePageType', 'apiPageType') }, ['3:11: Unexpected doc_type `apiPageType` for a page under resources/, expected resourcePageType, enumPageType or conceptualPageType']],
    ['not ok: misspelled doc_type', { 'v1.0/resources/widget.md': resourcePage('widget').replace('resourcePageType', 'resourcePageType_') }, ['3:11: Unexpected doc_type `resourcePageType_` for a page under resources/, expected resourcePageType, enumPageType or conceptualPageType (did you mean `resourcePageType`?)']],
    ['not ok: an enum page labelled resourcePageType', { 'v1.0/resources/widgetstate.md': enumPage('widgetState', ['on']).replace('enumPageType', 'resourcePageType') }, ['3:11: Unexpected doc_type `resourcePageType` for an enum page (titled "widgetState enum type"), expected enumPageType']],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'doc-type-mismatch')).toEqual(expected);
  });
});
