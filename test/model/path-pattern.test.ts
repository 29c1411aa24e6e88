/** Path patterns in Kiota's include-path style (`model/path-pattern.ts`), table-driven. */
import { describe, expect, it } from 'vitest';
import { matchesPath, parsePathPattern, type PathPattern } from '../../generator/model/path-pattern.js';

function pattern(text: string): PathPattern {
  const parsed = parsePathPattern(text);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed;
}

describe('matchesPath', () => {
  const cases: [string, string, string, boolean][] = [
    ['/users/{id}/messages/**', '/users/{id | userPrincipalName}/messages', 'GET', true],
    ['/users/{id}/messages/**', '/users/{id}/messages/{id}/attachments/{id}', 'DELETE', true],
    ['/users/{id}/messages/**', '/users/{id}/mailFolders/{id}/messages', 'GET', false],
    ['/users/{id}/messages/**', '/me/messages', 'GET', false],
    ['/me/sendMail#POST', '/me/sendMail', 'POST', true],
    ['/me/sendMail#POST', '/ME/SENDMAIL', 'post', true],
    ['/me/sendMail#POST', '/me/sendMail', 'GET', false],
    ['/users/{id}#GET,PATCH', '/users/{id | userPrincipalName}', 'PATCH', true],
    ['/users/{id}#GET,PATCH', '/users/{id}', 'DELETE', false],
    ['/users/{id}#GET,PATCH', '/users/{id}/manager', 'GET', false],
    ['/users/*', '/users/delta()', 'GET', true],
    ['/users/*', '/users', 'GET', false],
    ['/**/sendMail', '/users/{id}/sendMail', 'POST', true],
    ['/**', '/', 'GET', true],
    ['/users', '/users?$select=id,displayName', 'GET', true],
    ['/users', '/users/', 'GET', true],
    ['/groups/{a}/members/{b}/$ref', '/groups/{id}/members/{id}/$ref', 'DELETE', true],
  ];
  it.each(cases)('%s on %s %s: %s', (text, docPath, method, want) => {
    expect(matchesPath(pattern(text), docPath, method)).toBe(want);
  });
});

describe('parsePathPattern', () => {
  const bad: [string, string][] = [
    ['users/{id}', 'Unexpected "users/{id}", expected a path starting with "/"'],
    ['/me/sendMail#FETCH', 'Unexpected method "FETCH", expected GET, POST, PUT, PATCH, DELETE (comma-separated)'],
    ['/me/send*', 'Unexpected segment "send*", expected "*", "**", "{name}" or a literal without "*", "{" and "}"'],
  ];
  it.each(bad)('%s: %s', (text, problem) => {
    expect(parsePathPattern(text)).toEqual({ problem });
  });

  it('keeps the text and the methods, upper-cased', () => {
    expect(parsePathPattern('/users/{id}#get, patch')).toEqual({
      text: '/users/{id}#get, patch',
      segments: [{ kind: 'literal', text: 'users' }, { kind: 'one' }],
      methods: ['GET', 'PATCH'],
    });
  });
});
