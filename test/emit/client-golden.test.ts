/**
 * The whole client output for the fixture model: golden files, layout,
 * determinism, and a strict type-check of the emitted files together with the
 * models and validators emitters' output and a consumer file that uses them
 * (including what must NOT compile).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientEmitter } from '../../generator/emit/client.js';
import { contextFor, fixtureModel, operation } from './client-fixtures.js';
import { CONSUMERS, emitAll, emitClient, tempDir, typeErrors, writeFiles } from './client-harness.js';

const goldenRoot = path.join(import.meta.dirname, '__golden__');

describe('client emitter output', () => {
  it.each(['v1.0', 'beta'])('%s matches the golden files', async (version) => {
    const files = await emitClient(fixtureModel, version);
    for (const file of files) {
      if (version === 'beta' && file.path.endsWith('/runtime.ts')) continue; // same text as v1.0 but the base URL (below)
      await expect(file.content).toMatchFileSnapshot(path.join(goldenRoot, `${file.path}.golden`));
    }
    const goldens = readdirSync(path.join(goldenRoot, version), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(goldenRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    const expected = files.filter((f) => version !== 'beta' || !f.path.endsWith('/runtime.ts')).map((f) => `${f.path}.golden`);
    expect(goldens.sort()).toEqual(expected.sort());
  });

  it('emits the same runtime for each version except the base URL', async () => {
    const runtime = (files: { path: string; content: string }[]) => files.find((f) => f.path.endsWith('/runtime.ts'))?.content ?? '';
    const v1 = runtime(await emitClient(fixtureModel, 'v1.0'));
    const beta = runtime(await emitClient(fixtureModel, 'beta'));
    expect(v1).toContain("'https://graph.microsoft.com/v1.0'");
    expect(beta).toBe(v1.replaceAll('https://graph.microsoft.com/v1.0', 'https://graph.microsoft.com/beta').replace('API version v1.0', 'API version beta'));
  });

  it('is deterministic and independent of operation order', () => {
    const ctx = contextFor(fixtureModel, 'v1.0');
    const first = clientEmitter.emit(ctx);
    const shuffled = clientEmitter.emit({ ...ctx, operations: [...ctx.operations].reverse() });
    expect(shuffled.map((f) => f.path).sort()).toEqual(first.map((f) => f.path).sort());
    expect(clientEmitter.emit(ctx)).toEqual(first);
  });

  it('renames its import aliases when operations are called runtime or models', async () => {
    const clash = ['Runtime', 'Models'].map((title) => operation(`v1.0:${title}`, { kind: 'get', title, method: 'GET', paths: ['/things/{id}'], response: { status: 200, type: { name: 'microsoft.graph.message', isCollection: false } } }));
    const model = { ...fixtureModel, operations: [...fixtureModel.operations, ...clash] };
    const files = (await emitAll(model)).filter((f) => f.path.startsWith('v1.0/'));
    const things = files.find((f) => f.path === 'v1.0/client/things-operations.ts')?.content ?? '';
    expect(things).toContain("import * as runtime2 from '../runtime.js';");
    expect(things).toContain("import type * as models2 from '../models/index.js';");
    expect(things).toMatch(/export async function runtime\(\s*client: runtime2\.GraphClient/);
    const tmp = tempDir('client-alias');
    try {
      const written = writeFiles(tmp.dir, [...files, { path: 'package.json', content: '{"type":"module"}\n' }]);
      expect(typeErrors(tmp.dir, written, CONSUMERS['dom'] ?? {})).toEqual([]);
    } finally {
      tmp.remove();
    }
  });

  it('lays out runtime, one file per group and a barrel', () => {
    const paths = clientEmitter.emit(contextFor(fixtureModel, 'v1.0')).map((f) => f.path);
    expect(paths).toEqual([
      'v1.0/runtime.ts',
      'v1.0/client/device-management-operations.ts',
      'v1.0/client/device-management-partner.ts',
      'v1.0/client/items-operations.ts',
      'v1.0/client/me-operations.ts',
      'v1.0/client/message.ts',
      'v1.0/client/things-operations.ts',
      'v1.0/client/users-operations.ts',
      'v1.0/client/index.ts',
    ]);
  });
});

/** Uses the generated client as a consumer would; each `@ts-expect-error` line must be a type error. */
const CONSUMER = `
import * as c from './v1.0/client/index.js';
import { batch, createFetchClient, pages, untypedKey, GraphError, type ODataCollection } from './v1.0/runtime.js';
import type { DeviceManagementPartner } from './v1.0/models/index.js';

const client = createFetchClient({ getToken: async () => 'token', timeoutMs: 1000, retry: { maxAttempts: 3, statuses: [429] }, validate: (body, request) => (body && request.bodyType ? [] : ['no body']) });

export async function use(): Promise<void> {
  const created: DeviceManagementPartner = await c.createDeviceManagementPartner(client, { displayName: 'x' });
  const updated: DeviceManagementPartner = await c.updateDeviceManagementPartner(client, { deviceManagementPartnerId: '1' }, {});
  const list: ODataCollection<DeviceManagementPartner> = await c.listDeviceManagementPartners(client, { $select: ['displayName', untypedKey('notDocumentedYet')], $top: 5, $count: true });
  const next: string | undefined = list['@odata.nextLink'];
  for await (const page of pages(client, list)) void page.value.length;
  const one = await c.getDeviceManagementPartner(client, { deviceManagementPartnerId: '1' }, { $expand: ['partnerState($select=id)', untypedKey('x')] });
  const nothing: void = await c.deleteDeviceManagementPartner(client, { deviceManagementPartnerId: '1' }, { headers: { 'If-Match': '*' } });
  const ok: boolean = (await c.deviceManagementVerifyWindowsEnrollmentAutoDiscovery(client, { domainName: 'contoso.com' })).value;
  const view = await c.listCalendarView(client, { startDateTime: 'a', endDateTime: 'b', 'top-count': 3, $top: 2 });
  const bytes: ArrayBuffer = await c.getPhotoContent(client, { userId: 'u' });
  await c.userSendMail(client, {}, { message: {}, saveToSentItems: false });
  await c.userSendMail(client, { userId: 'u' }, { message: {} });
  await c.hostileTitleProcessExit(client, { itemId: 'a', default_: 'b', constructor_: 'c', _1: 'd' });
  const [got, sent, listed] = await batch(client, [
    c.getDeviceManagementPartner.request({ deviceManagementPartnerId: '1' }),
    { id: 'send', call: c.userSendMail.request({}, { message: {} }), dependsOn: ['1'] },
    c.listDeviceManagementPartners.request({ $top: 1 }),
  ]);
  if (got.ok) void (got.body satisfies DeviceManagementPartner);
  if (sent.ok) void (sent.body satisfies void);
  if (listed.ok) void (listed.body.value satisfies DeviceManagementPartner[]);
  else void listed.error.status;
  void [created, updated, next, one, nothing, ok, view, bytes];
  try {
    await c.getMessage(client, { userId: 'u', messageId: 'm' });
    await c.getMessage(client, { messageId: 'm' });
  } catch (error) {
    if (error instanceof GraphError) void [error.status, error.code, error.innerError];
  }
  // @ts-expect-error path parameters are required
  await c.getDeviceManagementPartner(client);
  // @ts-expect-error unknown path parameter key
  await c.getDeviceManagementPartner(client, { id: '1' });
  // @ts-expect-error $top is a number
  await c.listDeviceManagementPartners(client, { $top: '5' });
  // @ts-expect-error not an OData query option
  await c.listDeviceManagementPartners(client, { $toop: 5 });
  // @ts-expect-error the required function parameters are missing
  await c.listCalendarView(client, {});
  // @ts-expect-error update body fields keep their types
  await c.updateDeviceManagementPartner(client, { deviceManagementPartnerId: '1' }, { displayName: 1 });
  // @ts-expect-error a path parameter of one path mixed with another's
  await c.getMessage(client, { userId: 'u' });
  // @ts-expect-error $select takes the resource's property names
  await c.listDeviceManagementPartners(client, { $select: ['displayNme'] });
  // @ts-expect-error $expand too
  await c.getMessage(client, { id: 'm' }, { $expand: ['attachments'] });
  // @ts-expect-error a batch result's body is typed
  void (got.ok && (got.body satisfies string));
  // @ts-expect-error the action body's required member is missing
  await c.userSendMail(client, {}, { saveToSentItems: true });
}
`;

describe('client emitter output type-checks', () => {
  let tmp: ReturnType<typeof tempDir>;
  let files: string[];
  beforeAll(async () => {
    tmp = tempDir('client-types');
    files = writeFiles(tmp.dir, [...(await emitAll(fixtureModel)), { path: 'consumer.ts', content: CONSUMER }, { path: 'package.json', content: '{"type":"module"}\n' }]);
  });
  afterAll(() => tmp.remove());

  it.each(Object.keys(CONSUMERS))('under the strictest options for %s consumers', (consumer) => {
    expect(typeErrors(tmp.dir, files, CONSUMERS[consumer] ?? {})).toEqual([]);
  });
});
