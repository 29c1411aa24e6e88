/**
 * Client safety cases test/emit/client-behaviour.test.ts does not cover: the
 * default timeout, a body that stalls after the headers, invalid timeouts, NUL
 * in headers, `#`/`?`/`..` inside a quoted function parameter, and a next link
 * whose `..` segments would climb out of the base path (more hostile links in
 * client-hardening.test.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureModel } from '../emit/client-fixtures.js';
import { loadGeneratedClient, startServer, type TestServer } from '../emit/client-harness.js';

type Fn = (...args: unknown[]) => Promise<unknown>;
interface RuntimeModule {
  createFetchClient(options: Record<string, unknown>): { request(request: object): Promise<unknown> };
  pages(client: unknown, first: unknown): AsyncGenerator<{ value: unknown[] }>;
  GraphTimeoutError: new (...args: never[]) => Error;
}

let remove: (() => void) | undefined;
let api: Record<string, Fn>;
let rt: RuntimeModule;
let server: TestServer;

beforeAll(async () => {
  ({ api, rt, remove } = await loadGeneratedClient<Record<string, Fn>, RuntimeModule>(fixtureModel, 'client-safety'));
  server = await startServer(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"value":true}' }));
});
afterAll(async () => {
  await server?.close();
  remove?.();
});
afterEach(() => {
  vi.useRealTimers();
  server.requests.length = 0;
});

describe('timeouts', () => {
  it('applies a default timeout (100 s) when none is given', async () => {
    vi.useFakeTimers();
    let aborted = false;
    const hanging = (_url: string, init: { signal: AbortSignal }) =>
      new Promise((_, reject) => init.signal.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted')))));
    const client = rt.createFetchClient({ baseUrl: 'https://graph.example/v1.0', getToken: () => 't', fetch: hanging });
    const pending = api['listDeviceManagementPartners']!(client).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(99_999);
    expect(aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toBeInstanceOf(rt.GraphTimeoutError);
    expect(await pending).toMatchObject({ timeoutMs: 100_000 });
  });

  it('times out a response whose body stalls after the headers', async () => {
    const stalling = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"value": [');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = stalling.address() as AddressInfo;
      const client = rt.createFetchClient({ baseUrl: `http://127.0.0.1:${port}/v1.0`, getToken: () => 't', timeoutMs: 150 });
      const started = Date.now();
      const error = await api['listDeviceManagementPartners']!(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(rt.GraphTimeoutError);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses timeoutMs %s', (timeoutMs) => {
    expect(() => rt.createFetchClient({ getToken: () => 't', timeoutMs, fetch: async () => ({}) })).toThrow(TypeError);
  });
});

describe('refused before sending', () => {
  it('a header value with NUL', async () => {
    const client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 't' });
    await expect(api['getDeviceManagementPartner']!(client, { deviceManagementPartnerId: 'p1' }, undefined, { headers: { 'X-A': 'a\u0000b' } })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['a next link climbing out of the base path with ..', '/../../admin/x'],
    ['a next link climbing out with encoded dots', '/%2e%2E/admin/x'],
  ])('%s', async (_, tail) => {
    const client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 't' });
    const first = { value: [1], '@odata.nextLink': `${server.baseUrl}${tail}` };
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const page of rt.pages(client, first)) seen.push(...page.value);
      })(),
    ).rejects.toThrow(/outside/);
    expect(seen).toEqual([1]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('quoted function parameters', () => {
  it('encode #, ?, / and .. so they stay inside the quotes', async () => {
    const client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 't' });
    await api['deviceManagementVerifyWindowsEnrollmentAutoDiscovery']!(client, { domainName: "a#b?c/../d'e" });
    expect(server.requests.map((r) => r.url)).toEqual(["/v1.0/deviceManagement/verifyWindowsEnrollmentAutoDiscovery(domainName='a%23b%3Fc%2F..%2Fd%27%27e')"]);
  });
});
