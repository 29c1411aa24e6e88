/**
 * The generated fetch client's retries: 429 / 503 / 504 with Retry-After
 * (seconds or HTTP date) or jittered exponential backoff, the limits on
 * attempts, delay, total time and timeout, methods, abort, and turning it off.
 * A fake fetch and an injected sleep and clock keep the tests from waiting;
 * one case runs against a loopback server with the real sleep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureModel } from './client-fixtures.js';
import { loadGeneratedClient, startServer, type Reply, type TestServer } from './client-harness.js';

type Fn = (...args: unknown[]) => Promise<unknown>;
interface RuntimeModule {
  createFetchClient(options: Record<string, unknown>): unknown;
  GraphError: new (...args: never[]) => Error;
  GraphTimeoutError: new (...args: never[]) => Error;
}
interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

let api: Record<string, Fn>;
let rt: RuntimeModule;
let remove: (() => void) | undefined;
beforeAll(async () => {
  ({ api, rt, remove } = await loadGeneratedClient<Record<string, Fn>, RuntimeModule>(fixtureModel, 'client-retry'));
});
afterAll(() => remove?.());

const NOW = Date.parse('2026-01-01T00:00:00Z');

/** A client over a fake fetch answering `answers` in turn, with a sleep that records its waits and advances the clock. */
function fake(answers: Answer[], retry: Record<string, unknown> | false = {}, options: Record<string, unknown> = {}) {
  const calls: { method: string; url: string }[] = [];
  const waits: number[] = [];
  let clock = NOW;
  const fetch = async (url: string, init: { method: string }) => {
    calls.push({ method: init.method, url });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)] ?? { status: 200 };
    return new Response(answer.body ?? (answer.status === 204 ? null : '{}'), { status: answer.status, headers: answer.headers ?? {} });
  };
  const sleep = async (ms: number) => {
    waits.push(ms);
    clock += ms;
  };
  const withFakes = retry === false ? false : { sleep, now: () => clock, random: () => 0.5, ...retry };
  const client = rt.createFetchClient({ baseUrl: 'https://graph.example/v1.0', getToken: () => 't', fetch, retry: withFakes, timeoutMs: 0, ...options });
  return { client, calls, waits };
}

const list = (client: unknown) => api['listDeviceManagementPartners']!(client);
const create = (client: unknown) => api['createDeviceManagementPartner']!(client, { displayName: 'x' });
const throttled = (retryAfter?: string): Answer => ({ status: 429, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter }, body: '{"error":{"code":"TooManyRequests","message":"Slow down"}}' });

describe('retries', () => {
  it('waits Retry-After seconds after a 429, then returns the 200', async () => {
    const { client, calls, waits } = fake([throttled('2'), { status: 200, body: '{"value":[1]}' }]);
    await expect(list(client)).resolves.toEqual({ value: [1] });
    expect(waits).toEqual([2000]);
    expect(calls).toHaveLength(2);
  });

  it('reads Retry-After as an HTTP date against the clock', async () => {
    const { client, waits } = fake([throttled(new Date(NOW + 5000).toUTCString()), { status: 200 }]);
    await list(client);
    expect(waits).toEqual([5000]);
  });

  it('backs off exponentially with jitter without Retry-After, and gives up after maxAttempts', async () => {
    const { client, calls, waits } = fake([{ status: 503 }], { baseDelayMs: 100 });
    await expect(list(client)).rejects.toMatchObject({ name: 'GraphError', status: 503 });
    expect(waits).toEqual([50, 100, 200]);
    expect(calls).toHaveLength(4);
  });

  it('caps each backoff wait at maxDelayMs', async () => {
    const { client, waits } = fake([{ status: 504 }], { baseDelayMs: 1000, maxDelayMs: 1500, maxAttempts: 4, random: () => 0.999 });
    await expect(list(client)).rejects.toMatchObject({ status: 504 });
    expect(waits).toEqual([999, 1498, 1498]);
  });

  it('retries a POST on 429 but not on 503 or 504 (it may have taken effect)', async () => {
    const throttledPost = fake([throttled('1'), { status: 201, body: '{"id":"1"}' }]);
    await expect(create(throttledPost.client)).resolves.toEqual({ id: '1' });
    expect(throttledPost.calls.map((c) => c.method)).toEqual(['POST', 'POST']);
    for (const status of [503, 504]) {
      const unavailable = fake([{ status }, { status: 201 }]);
      await expect(create(unavailable.client)).rejects.toMatchObject({ status });
      expect(unavailable.calls).toHaveLength(1);
    }
  });

  it.each<[string, Answer[], Record<string, unknown> | false, Record<string, unknown>]>([
    ['a status not in the list', [{ status: 500 }], {}, {}],
    ['retry: false', [throttled('1')], false, {}],
    ['a Retry-After beyond maxDelayMs', [throttled('120')], {}, {}],
    ['a wait past maxTotalMs', [throttled('3')], { maxTotalMs: 2000 }, {}],
    ['a wait past what is left of the timeout', [throttled('3')], {}, { timeoutMs: 2500 }],
    ['maxAttempts 1', [throttled('1')], { maxAttempts: 1 }, {}],
  ])('fails at once on %s', async (_, answers, retry, options) => {
    const { client, calls, waits } = fake([...answers, { status: 200 }], retry, options);
    await expect(list(client)).rejects.toBeInstanceOf(rt.GraphError);
    expect(calls).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('stops waiting when the caller aborts, and sends nothing more', async () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const fetch = async (url: string) => (calls.push(url), new Response('{}', { status: 429, headers: { 'retry-after': '30' } }));
    const client = rt.createFetchClient({ baseUrl: 'https://graph.example/v1.0', getToken: () => 't', fetch, timeoutMs: 0 });
    const pending = api['listDeviceManagementPartners']!(client, undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });

  it('ends a wait that outlasts the timeout with GraphTimeoutError', async () => {
    const stuck = (_ms: number, signal: AbortSignal) => new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    const { client, calls } = fake([throttled('0')], { sleep: stuck }, { timeoutMs: 50 });
    await expect(list(client)).rejects.toBeInstanceOf(rt.GraphTimeoutError);
    expect(calls).toHaveLength(1);
  });

  it('refuses a negative limit', () => {
    expect(() => rt.createFetchClient({ getToken: () => 't', fetch: async () => new Response('{}'), retry: { maxAttempts: -1 } })).toThrow(/retry.maxAttempts/);
  });
});

describe('retries on the wire (loopback server, real sleep)', () => {
  let server: TestServer;
  const replies: Reply[] = [];
  beforeAll(async () => {
    server = await startServer(() => replies.shift() ?? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"value":[]}' });
  });
  afterAll(() => server?.close());

  it('a 429 with Retry-After: 0 then a 200', async () => {
    replies.push({ status: 429, headers: { 'retry-after': '0' }, body: '{"error":{"code":"TooManyRequests","message":"x"}}' });
    const client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 't', timeoutMs: 5000 });
    await expect(list(client)).resolves.toEqual({ value: [] });
    expect(server.requests.map((r) => r.url)).toEqual(['/v1.0/deviceManagement/deviceManagementPartners', '/v1.0/deviceManagement/deviceManagementPartners']);
  }, 10_000);
});
