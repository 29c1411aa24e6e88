import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATE_REQUEST, CREATED_RESPONSE } from '../pages.js';

const page = (annotation: string) =>
  ({ 'v1.0/api/widget-create.md': apiPage({ examples: [{ request: { ...CREATE_REQUEST(['{}']), annotation }, response: CREATED_RESPONSE(['{}']) }] }) });

describe('annotation-invalid', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: request annotation', page('"blockType": "request", "name": "a"'), []],
    ['ok: the slips the docs tooling forgives (trailing comma)', page('"blockType": "request", "name": "a",'), []],
    ['ok: today\'s permissions annotation', { 'v1.0/api/widget-get.md': '# Get widget\n\n## Permissions\n\n<!-- { "blockType": "permissions", "name": "widget_get" } -->\n[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]\n' }, []],
    ['not ok: unknown blockType', page('"blockType": "samples"'), ['32:21: Unexpected blockType `samples`, expected one of request, response, resource, ignored, example']],
    ['not ok: misspelled blockType', page('"blockType": "reqest"'), ['32:21: Unexpected blockType `reqest`, expected one of request, response, resource, ignored, example (did you mean `request`?)']],
    ['not ok: not JSON', page('"blockType": "request" "name": "a"'), ['32:31: Unexpected `"name"` without a comma before it in annotation comment, expected a JSON object such as `{ "blockType": "request" }`']],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'annotation-invalid')).toEqual(expected);
  });

  it('skips comments inside fenced code', () => {
    const text = apiPage({ examples: [{ request: { annotation: '"blockType": "request"', lines: ['POST https://graph.microsoft.com/v1.0/widgets', '', '<!-- { "blockType": "nonsense" } -->'] } }] });
    expect(checkPages({ 'v1.0/api/widget-create.md': text }, 'annotation-invalid')).toEqual([]);
  });
});
