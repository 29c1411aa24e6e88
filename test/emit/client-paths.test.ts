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

/** Operations whose paths write the same generic placeholders, beside the fixtures. */
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
    operation('v1.0:attachment-get', {
      kind: 'get',
      title: 'Get attachment',
      method: 'GET',
      paths: ['/me/events/{id}/attachments/{id}', '/me/messages/{id}/attachments/{id}', '/users/{id | userPrincipalName}/messages/{id}/attachments/{id}'],
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
    ['a user: the /users path (app-only code)', 'userSendMail', [{ userId: 'a@b.c' }, { message: {} }], 'POST /v1.0/users/a%40b.c/sendMail'],
    ['params left out', 'listEvents', [], 'GET /v1.0/me/events'],
    ['a user', 'listEvents', [{ userId: 'u1' }], 'GET /v1.0/users/u1/events'],
    ['a group: same placeholder, another path', 'listEvents', [{ groupId: 'g1' }], 'GET /v1.0/groups/g1/events'],
    ['more parameters win', 'listEvents', [{ userId: 'u1', calendarId: 'c/1' }], 'GET /v1.0/users/u1/calendars/c%2F1/events'],
    ['an undefined key counts as not given', 'listEvents', [{ userId: 'u1', calendarId: undefined }], 'GET /v1.0/users/u1/events'],
    ['both keys of the longer get path', 'getMessage', [{ userId: 'u', messageId: 'm' }], 'GET /v1.0/users/u/messages/m'],
    ['the shorter get path', 'getMessage', [{ messageId: 'm' }], 'GET /v1.0/me/messages/m'],
    ['an event attachment: {id} twice, two values', 'getAttachment', [{ eventId: 'e', attachmentId: 'a' }], 'GET /v1.0/me/events/e/attachments/a'],
    ['a message attachment: formerly the same keys', 'getAttachment', [{ messageId: 'm', attachmentId: 'a' }], 'GET /v1.0/me/messages/m/attachments/a'],
    ["another user's message attachment", 'getAttachment', [{ userId: 'u', messageId: 'm', attachmentId: 'a' }], 'GET /v1.0/users/u/messages/m/attachments/a'],
    ['one of two paths of equal length', 'getTeamPhoto', [{ groupId: 'g' }], 'GET /v1.0/groups/g/photo'],
  ])('%s', async (_, name, args, wire) => {
    await fn(name)(run.client, ...args);
    expect(run.server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([wire]);
  });

  it('refuses params that match no path, sending nothing', async () => {
    await expect(fn('getTeamPhoto')(run.client, {})).rejects.toThrow('The params given to getTeamPhoto match no documented path: give { userId } or { groupId }');
    await expect(fn('getMessage')(run.client, { userId: 'u' })).rejects.toThrow(/give \{ userId, messageId \} or \{ messageId \}/);
    await expect(fn('getAttachment')(run.client, { attachmentId: 'a' })).rejects.toThrow(/give \{ userId, messageId, attachmentId \} or \{ eventId, attachmentId \} or \{ messageId, attachmentId \}/);
    expect(run.server.requests).toEqual([]);
  });

  it('keeps path values encoded on every path', async () => {
    await fn('listEvents')(run.client, { groupId: '../admin' });
    await fn('listEvents')(run.client, { userId: 'x', calendarId: '?$top=1#' });
    expect(run.server.requests.map((r) => r.url)).toEqual(['/v1.0/groups/..%2Fadmin/events', '/v1.0/users/x/calendars/%3F%24top%3D1%23/events']);
  });

  it('.request builds the call the function sends, without sending', () => {
    expect(fn('listEvents').request({ userId: 'u1' }, { $top: 2 })).toEqual({ operation: 'listEvents', method: 'GET', path: '/users/u1/events', query: { $top: 2 }, responseType: 'json' });
    expect(fn('userSendMail').request({}, { message: {} })).toMatchObject({ method: 'POST', path: '/me/sendMail', body: { message: {} }, responseType: 'void' });
    expect(run.server.requests).toEqual([]);
  });
});
