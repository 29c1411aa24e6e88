/**
 * Runs the generated client: emitted v1.0 files are transpiled into a temp
 * dir, imported, and called against a loopback HTTP server that records what
 * arrives on the wire.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixtureModel } from './client-fixtures.js';
import { loadGeneratedClient, startServer, type Recorded, type Reply, type TestServer } from './client-harness.js';

/** The generated modules' shapes, as far as these tests use them. */
type Fn = (...args: unknown[]) => Promise<unknown>;
type ClientModule = Record<string, Fn>;
interface RuntimeModule {
  createFetchClient(options: Record<string, unknown>): unknown;
  pages(client: unknown, first: unknown): AsyncGenerator<{ value: unknown[] }>;
  encodePathValue(value: unknown, quoted?: boolean): string;
  withQuery(base: string, query: object | undefined): string;
  GraphError: new (...args: never[]) => Error;
  GraphTimeoutError: new (...args: never[]) => Error;
  GraphValidationError: new (...args: never[]) => Error;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
let remove: (() => void) | undefined;
let server: TestServer;
let reply: (request: Recorded) => Reply = () => ({ status: 200, headers: JSON_HEADERS, body: '{}' });
let api: ClientModule;
let rt: RuntimeModule;
let client: unknown;

beforeAll(async () => {
  ({ api, rt, remove } = await loadGeneratedClient<ClientModule, RuntimeModule>(fixtureModel, 'client-run'));
  server = await startServer((request) => reply(request));
});
afterAll(async () => {
  await server?.close();
  remove?.();
});
beforeEach(() => {
  server.requests.length = 0;
  reply = () => ({ status: 200, headers: JSON_HEADERS, body: '{}' });
  client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 'tok-123', timeoutMs: 2000 });
});

async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  for (const started = Date.now(); !condition() && Date.now() - started < timeoutMs; ) await new Promise((resolve) => setTimeout(resolve, 5));
}

const call = (name: string, ...args: unknown[]): Promise<unknown> => {
  const fn = api[name];
  if (!fn) throw new Error(`generated client has no ${name}`);
  return fn(client, ...args);
};

describe('generated client on the wire', () => {
  const partner = { id: 'p1', displayName: 'Contoso' };
  const cases: [string, { call: [string, ...unknown[]]; reply: Reply; method: string; url: string; body?: unknown; result: unknown }][] = [
    ['create posts the body as JSON', { call: ['createDeviceManagementPartner', { displayName: 'Contoso' }], reply: { status: 201, headers: JSON_HEADERS, body: JSON.stringify(partner) }, method: 'POST', url: '/v1.0/deviceManagement/deviceManagementPartners', body: { displayName: 'Contoso' }, result: partner }],
    ['update patches the item', { call: ['updateDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }, { isConfigured: true }], reply: { status: 200, headers: JSON_HEADERS, body: JSON.stringify(partner) }, method: 'PATCH', url: '/v1.0/deviceManagement/deviceManagementPartners/p1', body: { isConfigured: true }, result: partner }],
    ['update with 204 resolves undefined', { call: ['updateDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }, {}], reply: { status: 204 }, method: 'PATCH', url: '/v1.0/deviceManagement/deviceManagementPartners/p1', body: {}, result: undefined }],
    ['list encodes query options', {
      call: ['listDeviceManagementPartners', { $filter: "displayName eq 'a&b'", $select: ['id', 'displayName'], $top: 5, $count: true, $orderby: 'displayName desc', $search: '"x y"' }],
      reply: { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ value: [partner], '@odata.nextLink': 'next' }) },
      method: 'GET',
      url: '/v1.0/deviceManagement/deviceManagementPartners?$select=id,displayName&$filter=displayName%20eq%20%27a%26b%27&$orderby=displayName%20desc&$search=%22x%20y%22&$top=5&$count=true',
      result: { value: [partner], '@odata.nextLink': 'next' },
    }],
    ['get without query', { call: ['getDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }], reply: { status: 200, headers: JSON_HEADERS, body: JSON.stringify(partner) }, method: 'GET', url: '/v1.0/deviceManagement/deviceManagementPartners/p1', result: partner }],
    ['delete resolves undefined', { call: ['deleteDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }], reply: { status: 204 }, method: 'DELETE', url: '/v1.0/deviceManagement/deviceManagementPartners/p1', result: undefined }],
    ['action sends its parameters as the body', { call: ['userSendMail', {}, { message: { subject: 'Hi' }, saveToSentItems: false }], reply: { status: 202 }, method: 'POST', url: '/v1.0/me/sendMail', body: { message: { subject: 'Hi' }, saveToSentItems: false }, result: undefined }],
    ['function with a quoted string parameter', { call: ['deviceManagementVerifyWindowsEnrollmentAutoDiscovery', { domainName: "it's/me" }], reply: { status: 200, headers: JSON_HEADERS, body: '{"value":true}' }, method: 'GET', url: "/v1.0/deviceManagement/verifyWindowsEnrollmentAutoDiscovery(domainName='it%27%27s%2Fme')", result: { value: true } }],
    ['function parameters outside the path go to the query', { call: ['listCalendarView', { startDateTime: '2024-01-01T00:00:00Z', endDateTime: '2024-01-02', 'top-count': 3, $top: 1 }], reply: { status: 200, headers: JSON_HEADERS, body: '{"value":[]}' }, method: 'GET', url: '/v1.0/me/calendarView?$top=1&startDateTime=2024-01-01T00%3A00%3A00Z&endDateTime=2024-01-02&top-count=3', result: { value: [] } }],
    ['two path parameters', { call: ['getMessage', { userId: 'u@contoso.com', messageId: 'AAMk=' }, { $select: ['subject'] }], reply: { status: 200, headers: JSON_HEADERS, body: '{"subject":"s"}' }, method: 'GET', url: '/v1.0/users/u%40contoso.com/messages/AAMk%3D?$select=subject', result: { subject: 's' } }],
  ];
  it.each(cases)('%s', async (_, c) => {
    reply = () => c.reply;
    const [name, ...args] = c.call;
    await expect(call(name, ...args)).resolves.toEqual(c.result);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe(c.method);
    expect(request?.url).toBe(c.url);
    expect(request?.headers['authorization']).toBe('Bearer tok-123');
    expect(request?.headers['accept']).toBe('application/json');
    if (c.body === undefined) {
      expect(request?.body).toBe('');
      expect(request?.headers['content-type']).toBeUndefined();
    } else {
      expect(request?.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request?.body ?? '')).toEqual(c.body);
    }
  });

  it('reads a stream response as bytes', async () => {
    reply = () => ({ status: 200, headers: { 'content-type': 'image/jpeg' }, body: '\u00ff\u00d8' });
    const bytes = (await call('getPhotoContent', { userId: 'u1' })) as ArrayBuffer;
    expect(bytes).toBeInstanceOf(ArrayBuffer);
    expect(server.requests[0]?.url).toBe('/v1.0/users/u1/photo/$value');
    expect(server.requests[0]?.headers['accept']).toBe('*/*');
  });

  it('sends per-call and client headers; the request wins and the token is fetched asynchronously', async () => {
    client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: async () => 'async-tok', headers: { 'X-Client': 'a', ConsistencyLevel: 'session' } });
    await call('getDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }, undefined, { headers: { consistencylevel: 'eventual' } });
    const headers = server.requests[0]?.headers;
    expect(headers?.['authorization']).toBe('Bearer async-tok');
    expect(headers?.['x-client']).toBe('a');
    expect(headers?.['consistencylevel']).toBe('eventual');
  });

  it('follows @odata.nextLink under the base URL only', async () => {
    reply = (request) =>
      request.url.includes('skiptoken')
        ? { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ value: [2], '@odata.nextLink': 'https://evil.example/v1.0/x' }) }
        : { status: 200, headers: JSON_HEADERS, body: JSON.stringify({ value: [1], '@odata.nextLink': `${server.baseUrl}/deviceManagement/deviceManagementPartners?$skiptoken=abc` }) };
    const first = await call('listDeviceManagementPartners');
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const page of rt.pages(client, first)) seen.push(...page.value);
      })(),
    ).rejects.toThrow(/outside/);
    expect(seen).toEqual([1, 2]);
    expect(server.requests.map((r) => r.url)).toEqual(['/v1.0/deviceManagement/deviceManagementPartners', '/v1.0/deviceManagement/deviceManagementPartners?$skiptoken=abc']);
  });
});

describe('path parameter encoding', () => {
  it.each([
    ['a/b?c#d', 'a%2Fb%3Fc%23d'],
    ['...', '%2E%2E%2E'],
    ['.a', '.a'],
    ['a..b', 'a..b'],
    ['%2F', '%252F'],
    ["o'neil (x)*!", 'o%27neil%20%28x%29%2A%21'],
    ['Ünï', '%C3%9Cn%C3%AF'],
    ['a\r\nb', 'a%0D%0Ab'],
  ])('%j → %s on the wire', async (value, encoded) => {
    await call('getDeviceManagementPartner', { deviceManagementPartnerId: value });
    expect(server.requests[0]?.url).toBe(`/v1.0/deviceManagement/deviceManagementPartners/${encoded}`);
  });

  it.each([
    ['..', '%2E%2E'],
    ['.', '%2E'],
  ])('encodes %j as %s for any transport; the fetch client refuses it (URL parsing would remove the segment)', async (value, encoded) => {
    const seen: string[] = [];
    const recording = { request: async (request: { path: string }) => (seen.push(request.path), { status: 200, headers: {}, body: {} }) };
    await api['getDeviceManagementPartner']?.(recording, { deviceManagementPartnerId: value });
    expect(seen).toEqual([`/deviceManagement/deviceManagementPartners/${encoded}`]);
    await expect(call('getDeviceManagementPartner', { deviceManagementPartnerId: value })).rejects.toThrow(/\. or \.\. segment/);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['empty', ''],
    ['undefined', undefined],
    ['an object', { toString: (): string => 'x' }],
  ])('refuses %s before sending', async (_, value) => {
    await expect(call('getDeviceManagementPartner', { deviceManagementPartnerId: value })).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('numbers and booleans in function parameters', () => {
    expect(rt.encodePathValue(3)).toBe('3');
    expect(rt.encodePathValue(false)).toBe('false');
    expect(() => rt.encodePathValue(Number.NaN)).toThrow(TypeError);
  });

  it.each([
    [{ $top: -1 }, /non-negative integer/],
    [{ $skip: 1.5 }, /non-negative integer/],
    [{ $filter: {} }, /must be a string/],
  ])('refuses query %j', (query, message) => expect(() => rt.withQuery('/x', query)).toThrow(message));

  it('appends to a path that already has a query string', () => expect(rt.withQuery('/x?a=1', { $top: 2 })).toBe('/x?a=1&$top=2'));
});

describe('errors, refusals and timeouts', () => {
  it('turns a Graph error body into a GraphError', async () => {
    const body = { error: { code: 'Request_ResourceNotFound', message: 'Resource p9 does not exist.', innerError: { 'request-id': 'r-1', date: '2024-01-01' } } };
    reply = () => ({ status: 404, headers: { ...JSON_HEADERS, 'request-id': 'r-1' }, body: JSON.stringify(body) });
    const error = await call('getDeviceManagementPartner', { deviceManagementPartnerId: 'p9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(rt.GraphError);
    expect(error).toMatchObject({ name: 'GraphError', status: 404, code: 'Request_ResourceNotFound', message: '404 Request_ResourceNotFound: Resource p9 does not exist.', innerError: body.error.innerError, body, requestId: 'r-1' });
  });

  it('keeps a non-JSON error body as text', async () => {
    reply = () => ({ status: 503, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable' });
    client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 't', retry: false });
    const error = await call('getDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: undefined, body: 'Service Unavailable', message: 'HTTP 503' });
  });

  it('reports a 2xx body that is not JSON', async () => {
    reply = () => ({ status: 200, headers: JSON_HEADERS, body: '{oops' });
    await expect(call('getDeviceManagementPartner', { deviceManagementPartnerId: 'p1' })).rejects.toBeInstanceOf(rt.GraphError);
  });

  it.each([
    ['a per-call header value with CR LF', () => call('getDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }, undefined, { headers: { 'X-A': 'v\r\nInjected: 1' } })],
    ['a per-call header value with LF', () => call('deleteDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }, { headers: { 'X-A': 'v\nx' } })],
    ['a header name with a colon', () => call('deleteDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }, { headers: { 'X-A: b': 'v' } })],
    ['a client header value with CR', () => {
      client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 't', headers: { 'X-B': 'v\r' } });
      return call('listDeviceManagementPartners');
    }],
    ['a token with a line break', () => {
      client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 'tok\r\nX-Evil: 1' });
      return call('listDeviceManagementPartners');
    }],
    ['an empty token', () => {
      client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => '' });
      return call('listDeviceManagementPartners');
    }],
  ])('refuses %s before sending', async (_, run) => {
    await expect(run()).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });

  it('times out with GraphTimeoutError', async () => {
    reply = () => ({ status: 200, headers: JSON_HEADERS, body: '{}', delayMs: 1000 });
    client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 't', timeoutMs: 50 });
    const started = Date.now();
    const error = await call('listDeviceManagementPartners').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(rt.GraphTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(900);
    await until(() => server.requests.length === 1); // so no late arrival counts in the next test
  });

  it('honours a caller abort signal', async () => {
    const controller = new AbortController();
    reply = () => {
      setTimeout(() => controller.abort(), 0);
      return { status: 200, headers: JSON_HEADERS, body: '{}', delayMs: 1000 };
    };
    await expect(call('listDeviceManagementPartners', undefined, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('runs the validate hook before sending, with the body type', async () => {
    const seen: unknown[] = [];
    client = rt.createFetchClient({
      baseUrl: server.baseUrl,
      getToken: () => 't',
      validate: (body: unknown, request: { bodyType?: string; partialBody?: boolean; operation?: string }) => {
        seen.push([request.operation, request.bodyType, request.partialBody]);
        return (body as { displayName?: unknown }).displayName === 1 ? ['displayName: expected string'] : [];
      },
    });
    const error = await call('updateDeviceManagementPartner', { deviceManagementPartnerId: 'p1' }, { displayName: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(rt.GraphValidationError);
    expect(error).toMatchObject({ problems: ['displayName: expected string'], operation: 'updateDeviceManagementPartner' });
    expect((error as Error).message).toBe('Request body is invalid for updateDeviceManagementPartner: displayName: expected string');
    expect(server.requests).toHaveLength(0);
    await call('createDeviceManagementPartner', { displayName: 'ok' });
    expect(server.requests).toHaveLength(1);
    expect(seen).toEqual([
      ['updateDeviceManagementPartner', 'microsoft.graph.deviceManagementPartner', true],
      ['createDeviceManagementPartner', 'microsoft.graph.deviceManagementPartner', undefined],
    ]);
  });

  it('names the first five problems (path, expected, actual) and counts the rest', () => {
    const problem = (n: number) => ({ path: `$.items[${n}]`, kind: 'type', expected: 'string', actual: 'number', message: 'ignored' });
    const error = new rt.GraphValidationError(...([[...[0, 1, 2, 3, 4, 5, 6].map(problem)], 'createGroup'] as never[]));
    expect(error.message).toBe(
      'Request body is invalid for createGroup: $.items[0]: expected string, got number; $.items[1]: expected string, got number; ' +
        '$.items[2]: expected string, got number; $.items[3]: expected string, got number; $.items[4]: expected string, got number; and 2 more',
    );
    const odd = new rt.GraphValidationError(...([[{ path: '$.a', message: 'too long' }, 42, { x: 'y'.repeat(300) }], undefined] as never[]));
    expect(odd.message).toBe(`Request body is invalid: $.a: too long; 42; {"x":"${'y'.repeat(193)}\u2026`);
  });

  it('refuses a request path outside the base URL', async () => {
    const fetchClient = client as { request(r: object): Promise<unknown> };
    for (const path of ['//evil.example/x', 'https://evil.example/v1.0/x', `${server.baseUrl}evil/x`]) {
      await expect(fetchClient.request({ method: 'GET', path, responseType: 'json' })).rejects.toThrow(/outside/);
    }
    expect(server.requests).toHaveLength(0);
  });
});
