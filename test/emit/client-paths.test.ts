/**
 * Every documented path of an operation is reachable from its function, picked
 * by the path parameters given: the generated client is run against a
 * loopback server that records the URLs, and `.request` builds the same call
 * without sending.
 */
import { describe, expect, it } from 'vitest';
import { fixtureModel, operation } from './client-fixtures.js';
import { loopbackRun } from './client-harness.js';

type Fn = ((...args: unknown[]) => Promise<unknown>) & { request: (...args: unknown[]) => { method: string; path: string } };
interface RuntimeModule {
  createFetchClient(options: Record<string, unknown>): unknown;
}

/** Two operations with paths that share parameter keys, beside the fixtures. */
const model = {
  ...fixtureModel,
  operations: [
    ...fixtureModel.operations,
    operation('v1.0:event-list', {
      kind: 'list',
      title: 'List events',
      method: 'GET',
      paths: ['/me/events', '/users/{id}/events', '/groups/{id}/events', '/users/{id}/calendars/{calendar-id}/events'],
      response: { status: 200, type: { name: 'microsoft.graph.message', isCollection: true } },
    }),
    operation('v1.0:photo-either', {
      kind: 'get',
      title: 'Get team photo',
      method: 'GET',
      paths: ['/users/{user-id}/photo', '/groups/{group-id}/photo'],
      response: { status: 200, type: { name: 'microsoft.graph.message', isCollection: false } },
    }),
  ],
};

const run = loopbackRun<Record<string, Fn>, RuntimeModule>(model, 'client-paths', () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"value":[]}' }));

const fn = (name: string): Fn => {
  const found = run.api[name];
  if (!found) throw new Error(`generated client has no ${name}`);
  return found;
};

describe('one function, every documented path', () => {
  it.each<[string, string, unknown[], string]>([
    ['no params: the path without parameters', 'userSendMail', [{}, { message: {} }], 'POST /v1.0/me/sendMail'],
    ['a user: the /users path (app-only code)', 'userSendMail', [{ idUserPrincipalName: 'a@b.c' }, { message: {} }], 'POST /v1.0/users/a%40b.c/sendMail'],
    ['params left out', 'listEvents', [], 'GET /v1.0/me/events'],
    ['an id', 'listEvents', [{ id: 'u1' }], 'GET /v1.0/users/u1/events'],
    ['more parameters win', 'listEvents', [{ id: 'u1', calendarId: 'c/1' }], 'GET /v1.0/users/u1/calendars/c%2F1/events'],
    ['an undefined key counts as not given', 'listEvents', [{ id: 'u1', calendarId: undefined }], 'GET /v1.0/users/u1/events'],
    ['both keys of the longer get path', 'getMessage', [{ userId: 'u', id: 'm' }], 'GET /v1.0/users/u/messages/m'],
    ['the shorter get path', 'getMessage', [{ id: 'm' }], 'GET /v1.0/me/messages/m'],
    ['one of two paths of equal length', 'getTeamPhoto', [{ groupId: 'g' }], 'GET /v1.0/groups/g/photo'],
  ])('%s', async (_, name, args, wire) => {
    await fn(name)(run.client, ...args);
    expect(run.server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([wire]);
  });

  it('refuses params that match no path, sending nothing', async () => {
    await expect(fn('getTeamPhoto')(run.client, {})).rejects.toThrow('The params given to getTeamPhoto match no documented path: give { userId } or { groupId }');
    await expect(fn('getMessage')(run.client, { userId: 'u' })).rejects.toThrow(/give \{ userId, id \} or \{ id \}/);
    expect(run.server.requests).toEqual([]);
  });

  it('keeps path values encoded on every path', async () => {
    await fn('listEvents')(run.client, { id: '../admin' });
    await fn('listEvents')(run.client, { id: 'x', calendarId: '?$top=1#' });
    expect(run.server.requests.map((r) => r.url)).toEqual(['/v1.0/users/..%2Fadmin/events', '/v1.0/users/x/calendars/%3F%24top%3D1%23/events']);
  });

  it('.request builds the call the function sends, without sending', () => {
    expect(fn('listEvents').request({ id: 'u1' }, { $top: 2 })).toEqual({ operation: 'listEvents', method: 'GET', path: '/users/u1/events', query: { $top: 2 }, responseType: 'json' });
    expect(fn('userSendMail').request({}, { message: {} })).toMatchObject({ method: 'POST', path: '/me/sendMail', body: { message: {} }, responseType: 'void' });
    expect(run.server.requests).toEqual([]);
  });
});
