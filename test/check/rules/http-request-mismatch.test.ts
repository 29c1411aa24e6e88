import { describe, expect, it } from 'vitest';
import { checkPages } from '../helpers.js';
import { apiPage, CREATED_RESPONSE } from '../pages.js';

const page = (line: string, httpRequest = ['POST /widgets', 'POST /users/{id | userPrincipalName}/widgets', "POST /reports/getWidgets(period='{period_value}')"]) => ({
  'v1.0/api/widget-create.md': apiPage({ httpRequest, examples: [{ request: { annotation: '"blockType": "request", "name": "a"', lines: [line] }, response: CREATED_RESPONSE(['{}']) }] }),
});

describe('http-request-mismatch', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['ok: same path, host and version', page('POST https://graph.microsoft.com/v1.0/widgets'), []],
    ['ok: {param} matches a value, query ignored', page('POST https://graph.microsoft.com/v1.0/users/a@contoso.com/widgets?$select=id'), []],
    ['ok: function arguments', page("POST https://graph.microsoft.com/v1.0/reports/getWidgets(period='D7')"), []],
    ['ok: hosts other than Graph are not checked', page('POST https://upload.example.com/session/1'), []],
    ['not ok: other API version', page('POST https://graph.microsoft.com/beta/widgets'), ["36:34: Unexpected API version `beta` in the request URL, expected `v1.0` (the page is under v1.0/)"]],
    ['not ok: other path', page('POST https://graph.microsoft.com/v1.0/gadgets'), ["36:38: Unexpected request path `/gadgets`, expected one of the page's HTTP request paths: `/widgets`, `/users/{id | userPrincipalName}/widgets`, `/reports/getWidgets(period='{period_value}')`"]],
    ['not ok: other method', page('GET https://graph.microsoft.com/v1.0/widgets'), ['36:1: Unexpected method `GET` for this path, expected `POST` as the HTTP request section says']],
  ])('%s', (_name, pages, expected) => {
    expect(checkPages(pages, 'http-request-mismatch')).toEqual(expected);
  });
});
