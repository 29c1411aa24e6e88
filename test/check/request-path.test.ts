import { describe, expect, it } from 'vitest';
import { pathMatcher, readExampleUrl } from '../../generator/check/request-path.js';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const matches = (documented: string, url: string) => pathMatcher(documented)(readExampleUrl(url).path);
const long = (n: number) => 'x'.repeat(n);

describe('pathMatcher', () => {
  it.each<[string, string, string, boolean]>([
    ['same path', '/widgets', `${GRAPH}/widgets`, true],
    ['case and trailing slash ignored', '/Widgets/', `${GRAPH}/widgets`, true],
    ['{param} takes a segment', '/users/{id}/widgets', `${GRAPH}/users/48d31887/widgets`, true],
    ['{param} takes one segment only', '/users/{id}/widgets', `${GRAPH}/users/a/b/widgets`, false],
    ['{param} is not empty', '/users/{id}/widgets', `${GRAPH}/users//widgets`, false],
    ['extra segment', '/privilegedRoles/{id}', `${GRAPH}/privilegedRoles/1/summary`, false],
    ['missing segment', '/users/{id}/widgets', `${GRAPH}/users/1`, false],
    ['{param} with spaces and |', '/users/{id | userPrincipalName}/widgets', `${GRAPH}/users/a@contoso.com/widgets`, true],
    ['placeholders within a segment', '/items/{a}-{b}.json', `${GRAPH}/items/1-2.json`, true],
    ['within a segment, the literal between is needed', '/items/{a}-{b}.json', `${GRAPH}/items/12.json`, false],
    ['adjacent placeholders need a character each', '/items/{a}{b}', `${GRAPH}/items/x`, false],
    ['adjacent placeholders', '/items/{a}{b}', `${GRAPH}/items/xy`, true],
    ['query and fragment ignored', '/widgets', `${GRAPH}/widgets?$select=id&$filter=a eq 'b/c'#top`, true],
    ['key syntax ignored on both sides', "/users('{id}')/widgets", `${GRAPH}/users('48d31887')/widgets`, true],
    ['function arguments ignored', "/reports/getWidgets(period='{period_value}')", `${GRAPH}/reports/getWidgets(period='D7')`, true],
    ['function written without arguments', '/reports/getWidgets', `${GRAPH}/reports/getWidgets(period='D7')`, true],
    ['nested parentheses', "/workbook/range(address='{a}')", `${GRAPH}/workbook/range(address='f(x)')`, true],
    ['parameter alias', '/reports/getWidgets(period={p})', `${GRAPH}/reports/getWidgets(period=@p)?@p='D7'`, true],
    ['$value', '/photos/{id}/$value', `${GRAPH}/photos/48x48/$value`, true],
    ['$value not documented', '/photos/{id}', `${GRAPH}/photos/48x48/$value`, false],
    ['$count', '/users/$count', `${GRAPH}/users/$count`, true],
    ['microsoft.graph. qualifier ignored', '/me/microsoft.graph.getWidgets', `${GRAPH}/me/getWidgets()`, true],
    ['percent-encoding decoded', '/drive/root:/{path}:/content', `${GRAPH}/drive/root:/my%20file.txt:/content`, true],
    ['root', '/', `${GRAPH}/`, true],
    ['long segment, ten placeholders, no match', '/widgets/{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}/parts', `${GRAPH}/widgets/${long(100_000)}/gadgets`, false],
    ['long segment, ten placeholders, match', '/widgets/{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}/parts', `${GRAPH}/widgets/${long(100_000)}/parts`, true],
    ['ten placeholder segments, many example segments', '/w/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}/{j}', `${GRAPH}/w${'/x'.repeat(50_000)}`, false],
    ['100 KB of trailing slashes', '/widgets', `${GRAPH}/widgets${'/'.repeat(100_000)}`, true],
    ['100 KB of slashes then text', '/widgets', `${GRAPH}/widgets${'/'.repeat(100_000)}x`, false],
    ['100 KB of nested parentheses', '/widgets', `${GRAPH}/widgets${'('.repeat(50_000)}${')'.repeat(50_000)}`, true],
    ['100 KB of unclosed parentheses and braces', '/widgets/{id}', `${GRAPH}/widgets/${'({'.repeat(50_000)}`, true],
  ])('%s', (_name, documented, url, expected) => {
    expect(matches(documented, url)).toBe(expected);
  });
});

describe('readExampleUrl', () => {
  it.each<[string, { version?: string; path: string; withoutCasts: string; written: string }]>([
    [`${GRAPH}/users/{id}/microsoft.graph.user?$count=true`, { version: 'v1.0', path: '/users/{id}/user', withoutCasts: '/users/{id}', written: '/users/{id}/microsoft.graph.user' }],
    ['/beta/me/', { version: 'beta', path: '/me', withoutCasts: '/me', written: '/me/' }],
    ['me/events', { path: '/me/events', withoutCasts: '/me/events', written: '/me/events' }],
  ])('%s', (url, expected) => {
    expect(readExampleUrl(url)).toMatchObject(expected);
  });
});
