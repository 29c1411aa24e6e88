/**
 * The generated client against hostile links and slow or odd collaborators:
 * next and delta links that URL parsing turns into another path (`\` read as
 * `/`, tabs dropped, `..` resolved) or another host, a token provider that
 * never settles, response headers on GraphError, and path or query values that
 * are not well-formed UTF-16. Runs the emitted runtime against a loopback server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureModel } from '../emit/client-fixtures.js';
import { loadGeneratedClient, startServer, type Reply, type TestServer } from '../emit/client-harness.js';

type Fn = (...args: unknown[]) => Promise<unknown>;
interface FetchClient {
  request(request: object): Promise<{ status: number; body: unknown }>;
}
interface RuntimeModule {
  createFetchClient(options: Record<string, unknown>): FetchClient;
  pages(client: unknown, first: unknown): AsyncGenerator<{ value: unknown[] }>;
  GraphError: new (...args: never[]) => Error;
  GraphTimeoutError: new (...args: never[]) => Error;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
let generated: { api: Record<string, Fn>; rt: RuntimeModule; remove: () => void };
let server: TestServer;
let reply: () => Reply;

beforeAll(async () => {
  generated = await loadGeneratedClient<Record<string, Fn>, RuntimeModule>(fixtureModel, 'client-hardening');
  server = await startServer(() => reply());
});
afterAll(async () => {
  await server?.close();
  generated?.remove();
});
beforeEach(() => {
  server.requests.length = 0;
  reply = () => ({ status: 200, headers: JSON_HEADERS, body: '{"value":[2]}' });
});

const client = (options: Record<string, unknown> = {}) => generated.rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 'tok-secret', timeoutMs: 2000, ...options });

async function allPages(first: object): Promise<unknown[]> {
  const seen: unknown[] = [];
  for await (const page of generated.rt.pages(client(), first)) seen.push(...page.value);
  return seen;
}

describe('links URL parsing would take elsewhere', () => {
  const origin = () => new URL(server.baseUrl).origin;
  const hostile: [string, () => string][] = [
    ['backslashes read as slashes', () => `${server.baseUrl}/..\\..\\admin`],
    ['tabs dropped from a relative link', () => '/.\t./.\t./admin'],
    ['a newline inside a dot segment', () => `${server.baseUrl}/.\n./admin`],
    ['a backslash right after the base path', () => `${server.baseUrl}\\..\\admin`],
    ['encoded dots climbing out', () => `${server.baseUrl}/%2e%2E/admin`],
    ['userinfo that makes the loopback host a user name', () => `http://${new URL(server.baseUrl).host}@evil.example/v1.0/x`],
    ['another port on the same host', () => `http://127.0.0.1:1/v1.0/x`],
    ['a path that only starts like the base path', () => `${origin()}/v1.0evil/x`],
    ['a protocol-relative link', () => '//evil.example/v1.0/x'],
    ['a link that is not a URL', () => 'http://[::1'],
  ];

  it.each(hostile)('a nextLink with %s is refused, naming the link; nothing is sent', async (_, link) => {
    const first = { value: [1], '@odata.nextLink': link() };
    const error = await allPages(first).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(`Refusing to send a request outside ${server.baseUrl} (the token is only sent there): ${JSON.stringify(link())}`);
    expect(server.requests).toEqual([]);
  });

  it.each(hostile)('an @odata.deltaLink with %s is refused as well', async (_, link) => {
    await expect(client().request({ method: 'GET', path: link(), responseType: 'json' })).rejects.toThrow(/outside/);
    expect(server.requests).toEqual([]);
  });

  it('never hands fetch a URL outside the base URL, so the token goes nowhere else', async () => {
    const fetched: string[] = [];
    const recording = async (url: string) => (fetched.push(url), { status: 200, headers: new Headers(), text: async () => '{}', arrayBuffer: async () => new ArrayBuffer(0) });
    const spy = generated.rt.createFetchClient({ baseUrl: 'https://graph.example/v1.0', getToken: () => 't', fetch: recording });
    for (const [, link] of hostile) await spy.request({ method: 'GET', path: link().replace(server.baseUrl, 'https://graph.example/v1.0'), responseType: 'json' }).catch(() => undefined);
    await spy.request({ method: 'GET', path: '/me', responseType: 'json' });
    expect(fetched).toEqual(['https://graph.example/v1.0/me']);
  });

  it('follows next and delta links under the base URL, sending the URL as parsed', async () => {
    const first = { value: [1], '@odata.nextLink': `${server.baseUrl}/deviceManagement/deviceManagementPartners?$skiptoken=a%2Fb` };
    expect(await allPages(first)).toEqual([1, 2]);
    await client().request({ method: 'GET', path: `${server.baseUrl.toUpperCase().replace('/V1.0', '/v1.0')}/x/delta()?$deltatoken=abc`, responseType: 'json' });
    expect(server.requests.map((r) => [r.url, r.headers['authorization']])).toEqual([
      ['/v1.0/deviceManagement/deviceManagementPartners?$skiptoken=a%2Fb', 'Bearer tok-secret'],
      ['/v1.0/x/delta()?$deltatoken=abc', 'Bearer tok-secret'],
    ]);
  });

  it.each([
    ['a number', 5],
    ['an object', { href: '/x' }],
  ])('a nextLink that is %s is a TypeError', async (_, link) => {
    await expect(allPages({ value: [1], '@odata.nextLink': link })).rejects.toThrow(/@odata\.nextLink must be a string/);
    expect(server.requests).toEqual([]);
  });

  it.each(['ftp://graph.example/v1.0', 'not a url', 'https://graph.example/v1.0?x=1', 'https://user:pw@graph.example/v1.0'])('refuses baseUrl %j', (baseUrl) => {
    expect(() => generated.rt.createFetchClient({ baseUrl, getToken: () => 't' })).toThrow(/baseUrl must be an http or https URL/);
  });
});

describe('the timeout and the caller signal cover getToken', () => {
  const never = () => new Promise<string>(() => undefined);

  it('times out a token provider that never settles; nothing is sent', async () => {
    const started = Date.now();
    const error = await generated.api['listDeviceManagementPartners']!(client({ getToken: never, timeoutMs: 50 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.rt.GraphTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(server.requests).toEqual([]);
  });

  it('aborts while waiting for the token when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = generated.api['listDeviceManagementPartners']!(client({ getToken: never, timeoutMs: 0 }), undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.requests).toEqual([]);
  });

  it('times out a fetch that ignores the abort signal', async () => {
    const deaf = () => new Promise(() => undefined);
    const error = await generated.rt.createFetchClient({ baseUrl: 'https://graph.example/v1.0', getToken: () => 't', fetch: deaf, timeoutMs: 50 }).request({ method: 'GET', path: '/me', responseType: 'json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.rt.GraphTimeoutError);
  });

  it('passes on a token provider that throws', async () => {
    const failing = () => {
      throw new Error('no credentials');
    };
    await expect(generated.api['listDeviceManagementPartners']!(client({ getToken: failing }))).rejects.toThrow('no credentials');
    expect(server.requests).toEqual([]);
  });
});

describe('GraphError keeps the response headers', () => {
  const throttled = (retryAfter: string) => () => ({
    status: 429,
    headers: { ...JSON_HEADERS, 'Retry-After': retryAfter, 'request-id': 'req-1', 'client-request-id': 'client-1', 'x-ms-ags-diagnostic': '{"ServerInfo":{}}' },
    body: JSON.stringify({ error: { code: 'TooManyRequests', message: 'Slow down' } }),
  });

  it('as headers, with request-id, client-request-id and Retry-After in seconds', async () => {
    reply = throttled('7');
    const error = await generated.api['listDeviceManagementPartners']!(client({ retry: false })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(generated.rt.GraphError);
    expect(error).toMatchObject({ status: 429, code: 'TooManyRequests', requestId: 'req-1', clientRequestId: 'client-1', retryAfterSeconds: 7 });
    expect((error as { headers: Record<string, string> }).headers).toMatchObject({ 'retry-after': '7', 'request-id': 'req-1', 'client-request-id': 'client-1', 'x-ms-ags-diagnostic': '{"ServerInfo":{}}', 'content-type': 'application/json' });
  });

  it.each<[string, () => string, (seconds: unknown) => void]>([
    ['an HTTP date 30 s ahead', () => new Date(Date.now() + 30_000).toUTCString(), (s) => expect(s).toBeGreaterThanOrEqual(28)],
    ['an HTTP date in the past', () => new Date(Date.now() - 60_000).toUTCString(), (s) => expect(s).toBe(0)],
    ['text that is neither', () => 'soon', (s) => expect(s).toBeUndefined()],
  ])('Retry-After as %s', async (_, value, check) => {
    reply = throttled(value());
    const error = (await generated.api['listDeviceManagementPartners']!(client({ retry: false })).catch((e: unknown) => e)) as { retryAfterSeconds: unknown; headers: Record<string, string> };
    check(error.retryAfterSeconds);
    expect(error.retryAfterSeconds === undefined || (error.retryAfterSeconds as number) <= 30).toBe(true);
  });

  it('on a 2xx body that is not JSON too', async () => {
    reply = () => ({ status: 200, headers: { ...JSON_HEADERS, 'request-id': 'req-2' }, body: '{oops' });
    await expect(generated.api['listDeviceManagementPartners']!(client())).rejects.toMatchObject({ name: 'GraphError', requestId: 'req-2', headers: { 'request-id': 'req-2' } });
  });
});

describe('values that are not well-formed UTF-16', () => {
  it.each([
    ['a lone high surrogate in a path parameter', () => generated.api['getDeviceManagementPartner']!(client(), { deviceManagementPartnerId: 'a\uD800' }), /^Path parameter must be well-formed text/],
    ['a lone low surrogate in a quoted function parameter', () => generated.api['deviceManagementVerifyWindowsEnrollmentAutoDiscovery']!(client(), { domainName: '\uDC00' }), /^Path parameter must be well-formed text/],
    ['a lone surrogate in $filter', () => generated.api['listDeviceManagementPartners']!(client(), { $filter: "name eq '\uD83D'" }), /^Query option \$filter must be well-formed text/],
    ['a lone surrogate in a query option name', () => generated.api['listDeviceManagementPartners']!(client(), { ['x\uDFFF']: 'v' }), /^Query option name must be well-formed text/],
  ])('%s is a TypeError; nothing is sent', async (_, run, message) => {
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toEqual([]);
  });

  it('a surrogate pair is encoded as UTF-8', async () => {
    await generated.api['getDeviceManagementPartner']!(client(), { deviceManagementPartnerId: 'a\uD83D\uDE00' });
    expect(server.requests.map((r) => r.url)).toEqual(['/v1.0/deviceManagement/deviceManagementPartners/a%F0%9F%98%80']);
  });
});
