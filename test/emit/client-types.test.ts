/**
 * What the generated client's types reject: each snippet is one consumer file
 * with one mistake, compiled (strict, as a consumer would) together with the
 * emitted models, validators and client; the test pins the TypeScript error
 * code each one gets, and that a correct twin of each compiles.
 */
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureModel } from './client-fixtures.js';
import { CONSUMERS, emitAll, tempDir, writeFiles } from './client-harness.js';

const HEADER = `import * as c from './v1.0/client/index.js';
import { batch, createFetchClient } from './v1.0/runtime.js';
const client = createFetchClient({ getToken: () => 't' });
void batch;
`;

/** [what, the mistake, its correct twin, the error code of the mistake]. */
const CASES: [string, string, string, number][] = [
  ['a typo in a create body', `await c.createDeviceManagementPartner(client, { displayNme: 'x' });`, `await c.createDeviceManagementPartner(client, { displayName: 'x' });`, 2561],
  ['a typo in an action body', `await c.userSendMail(client, {}, { message: {}, saveToSentItem: true });`, `await c.userSendMail(client, {}, { message: {}, saveToSentItems: true });`, 2561],
  ['a wrong type in an update body', `await c.updateDeviceManagementPartner(client, { deviceManagementPartnerId: '1' }, { isConfigured: 'yes' });`, `await c.updateDeviceManagementPartner(client, { deviceManagementPartnerId: '1' }, { isConfigured: true });`, 2322],
  ['a $select key the resource lacks', `await c.listDeviceManagementPartners(client, { $select: ['displayNme'] });`, `await c.listDeviceManagementPartners(client, { $select: ['displayName'] });`, 2820],
  ['a $expand key the resource lacks', `await c.getMessage(client, { messageId: 'm' }, { $expand: ['subjct($select=id)'] });`, `await c.getMessage(client, { messageId: 'm' }, { $expand: ['subject($select=id)'] });`, 2322],
  ['params of no documented path', `await c.getMessage(client, { userId: 'u' });`, `await c.getMessage(client, { userId: 'u', messageId: 'm' });`, 2345],
  ['a typo in a path parameter', `await c.getMessage(client, { usrId: 'u', messageId: 'm' });`, `await c.getMessage(client, { messageId: 'm' });`, 2561],
  ['a typo on a batch result body', `const [r] = await batch(client, [c.getMessage.request({ messageId: 'm' })]); if (r.ok) void r.body.subjct;`, `const [r] = await batch(client, [c.getMessage.request({ messageId: 'm' })]); if (r.ok) void r.body.subject;`, 2551],
];

describe('the generated client rejects at compile time', () => {
  let tmp: ReturnType<typeof tempDir>;
  const codes = new Map<string, number[]>();
  beforeAll(async () => {
    tmp = tempDir('client-type-errors');
    const snippets = CASES.flatMap(([, bad, good], i) => [
      { path: `bad-${i}.ts`, content: `${HEADER}export async function use(): Promise<void> {\n  ${bad}\n}\n` },
      { path: `good-${i}.ts`, content: `${HEADER}export async function use(): Promise<void> {\n  ${good}\n}\n` },
    ]);
    const files = writeFiles(tmp.dir, [...(await emitAll(fixtureModel)), ...snippets, { path: 'package.json', content: '{"type":"module"}\n' }]);
    const program = ts.createProgram(files, CONSUMERS['node'] ?? {});
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const file = diagnostic.file ? path.relative(tmp.dir, diagnostic.file.fileName) : '(global)';
      codes.set(file, [...(codes.get(file) ?? []), diagnostic.code]);
    }
  }, 120_000);
  afterAll(() => tmp?.remove());

  it('nothing but the mistakes', () => {
    expect([...codes.keys()].filter((file) => !file.startsWith('bad-'))).toEqual([]);
  });

  it.each(CASES.map((c, i) => [c[0], i, c[3]] as const))('%s', (_, i, code) => {
    expect(codes.get(`bad-${i}.ts`)).toEqual([code]);
  });
});
