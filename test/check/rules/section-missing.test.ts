import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE, resourcePage } from '../pages.js';

const examples = [{ request: CREATE_REQUEST(['{}']), response: CREATED_RESPONSE(['{}']) }];

describe('section-missing', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: an API page with every section', { 'v1.0/api/widget-create.md': apiPage({ examples }) }, []],
    ['ok: GET needs no request body', { 'v1.0/api/widget-get.md': apiPage({ title: 'Get widget', httpRequest: ['GET /widgets/{id}'], requestBody: null, examples }) }, []],
    ['not ok: no Permissions', { 'v1.0/api/widget-create.md': apiPage({ permissions: false, examples }) }, ['12:1: Unexpected API page without a Permissions section, expected `## Permissions` before this heading']],
    ['not ok: POST without Request body', { 'v1.0/api/widget-create.md': apiPage({ requestBody: null, examples }) }, ['23:1: Unexpected API page without a Request body section, expected `## Request body` before this heading']],
    ['not ok: resource page without JSON representation', { 'v1.0/resources/widget.md': resourcePage('widget', { rows: ['|id|String|Id.|'] }).replace('## JSON representation', '## Example JSON') }, ['12:1: Unexpected resource page without a JSON representation section, expected `## JSON representation` after this section']],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'section-missing')).toEqual(expected);
  });
});
