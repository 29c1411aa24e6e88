/**
 * JSON batching with the generated runtime: calls built by the functions'
 * `.request` go out as one POST to /$batch on a loopback server; results come
 * back in the order given, typed by call; bad batches are refused before
 * anything is sent, and an odd batch response gives error results, not a crash.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureModel } from './client-fixtures.js';
import { loopbackRun, type Recorded, type Reply } from './client-harness.js';

type Builder = { request: (...args: unknown[]) => unknown };
interface RuntimeModule {
  createFetchClient(options: Record<string, unknown>): unknown;
  batch(client: unknown, items: unknown[], options?: object): Promise<Record<string, unknown>[]>;
  GraphError: new (...args: never[]) => Error;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
let reply: (request: Recorded) => Reply;
const run = loopbackRun<Record<string, Builder>, RuntimeModule>(fixtureModel, 'client-batch', (request) => reply(request));
beforeEach(() => {
  reply = () => ({ status: 200, headers: JSON_HEADERS, body: '{"responses":[]}' });
});

const build = (name: string, ...args: unknown[]): unknown => {
  const fn = run.api[name];
  if (!fn) throw new Error(`generated client has no ${name}`);
  return fn.request(...args);
};
const batchOf = (responses: unknown) => (): Reply => ({ status: 200, headers: JSON_HEADERS, body: JSON.stringify({ responses }) });

describe('batch', () => {
  it('sends three calls as one $batch and returns their results in order', async () => {
    reply = batchOf([
      { id: '3', status: 200, headers: { 'Content-Type': 'application/json' }, body: { value: [{ id: 'p2' }] } },
      { id: 'send', status: 424, body: { error: { code: 'FailedDependency', message: 'Depends on 1' } } },
      { id: '1', status: 200, body: { id: 'p1' } },
    ]);
    const results = await run.rt.batch(run.client, [
      build('getDeviceManagementPartner', { deviceManagementPartnerId: 'p/1' }, { $select: ['id'] }),
      { id: 'send', call: build('userSendMail', {}, { message: { subject: 'Hi' } }), dependsOn: ['1'] },
      build('listDeviceManagementPartners', { $top: 1 }, { headers: { ConsistencyLevel: 'eventual' } }),
    ]);
    expect(run.server.requests).toHaveLength(1);
    const [sent] = run.server.requests;
    expect(`${sent?.method} ${sent?.url}`).toBe('POST /v1.0/$batch');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      requests: [
        { id: '1', method: 'GET', url: '/deviceManagement/deviceManagementPartners/p%2F1?$select=id' },
        { id: 'send', method: 'POST', url: '/me/sendMail', body: { message: { subject: 'Hi' } }, headers: { 'content-type': 'application/json' }, dependsOn: ['1'] },
        { id: '3', method: 'GET', url: '/deviceManagement/deviceManagementPartners?$top=1', headers: { consistencylevel: 'eventual' } },
      ],
    });
    expect(results[0]).toEqual({ id: '1', ok: true, status: 200, headers: {}, body: { id: 'p1' } });
    expect(results[1]).toMatchObject({ id: 'send', ok: false, status: 424, error: { name: 'GraphError', status: 424, code: 'FailedDependency' } });
    expect(results[1]?.['error']).toBeInstanceOf(run.rt.GraphError);
    expect(results[2]).toEqual({ id: '3', ok: true, status: 200, headers: { 'content-type': 'application/json' }, body: { value: [{ id: 'p2' }] } });
  });

  it('a void call resolves to an undefined body', async () => {
    reply = batchOf([{ id: '1', status: 202, body: 'ignored' }]);
    expect(await run.rt.batch(run.client, [build('userSendMail', {}, { message: {} })])).toEqual([{ id: '1', ok: true, status: 202, headers: {}, body: undefined }]);
  });

  const get = () => build('getDeviceManagementPartner', { deviceManagementPartnerId: 'p1' });
  it.each<[string, () => unknown[], RegExp]>([
    ['no calls', () => [], /1 to 20 requests, got 0/],
    ['21 calls', () => Array.from({ length: 21 }, get), /1 to 20 requests, got 21 \(split longer lists\)/],
    ['a repeated id', () => [{ id: 'a', call: get() }, { id: 'a', call: get() }], /unique non-empty strings: "a"/],
    ['an empty id', () => [{ id: '', call: get() }], /unique non-empty strings: ""/],
    ['a default id taken by an explicit one', () => [{ id: '2', call: get() }, get()], /unique non-empty strings: "2"/],
    ['dependsOn a later request', () => [{ id: 'a', call: get(), dependsOn: ['b'] }, { id: 'b', call: get() }], /depends on "b", which is not an earlier request/],
    ['dependsOn itself', () => [{ id: 'a', call: get(), dependsOn: ['a'] }], /depends on "a"/],
    ['a call reading bytes', () => [build('getPhotoContent', { userId: 'u' })], /getPhotoContent\) reads bytes/],
    ['an absolute path', () => [{ operation: 'nextLink', method: 'GET', path: 'https://evil.example/v1.0/x', responseType: 'json' }], /relative to the base URL/],
    ['a dot segment', () => [build('getDeviceManagementPartner', { deviceManagementPartnerId: '..' })], /relative to the base URL/],
    ['a header value with CR LF', () => [build('getDeviceManagementPartner', { deviceManagementPartnerId: 'p' }, undefined, { headers: { 'X-A': 'v\r\nB: 1' } })], /Invalid value for header/],
    ['something that is not a call', () => [null], /must be a call/],
  ])('refuses %s before sending', async (_, items, message) => {
    await expect(run.rt.batch(run.client, items())).rejects.toThrow(message);
    expect(run.server.requests).toEqual([]);
  });

  it.each<[string, unknown, Record<string, unknown>[]]>([
    ['a response missing', [{ id: '1', status: 200, body: {} }], [{ id: '1', ok: true }, { id: '2', ok: false, status: 0, error: { code: 'invalidBatchResponse', message: '0 invalidBatchResponse: The batch response has no valid response for request 2' } }]],
    ['an id answered twice', [{ id: '1', status: 200 }, { id: '1', status: 500 }, { id: '2', status: 204 }], [{ id: '1', ok: false, status: 0, error: { message: '0 invalidBatchResponse: The batch response has more than one response for request 1' } }, { id: '2', ok: true, status: 204 }]],
    ['a status that is not one', [{ id: '1', status: '200' }, { id: '2', status: 99.5 }, null, 'x', { id: 7 }], [{ id: '1', ok: false, status: 0 }, { id: '2', ok: false, status: 0 }]],
    ['headers that are not strings', [{ id: '1', status: 200, headers: { A: 1, B: 'b' } }, { id: '2', status: 200, headers: 'x' }], [{ id: '1', ok: true, headers: { b: 'b' } }, { id: '2', ok: true, headers: {} }]],
  ])('gives error results for %s', async (_, responses, want) => {
    reply = batchOf(responses);
    await expect(run.rt.batch(run.client, [get(), get()])).resolves.toMatchObject(want);
  });

  it('throws a GraphError when the batch answer has no responses list', async () => {
    reply = () => ({ status: 200, headers: JSON_HEADERS, body: '{"value":[]}' });
    await expect(run.rt.batch(run.client, [get()])).rejects.toMatchObject({ name: 'GraphError', status: 200 });
    reply = () => ({ status: 400, headers: JSON_HEADERS, body: '{"error":{"code":"BadRequest","message":"Invalid batch payload"}}' });
    await expect(run.rt.batch(run.client, [get()])).rejects.toMatchObject({ status: 400, code: 'BadRequest' });
  });
});
