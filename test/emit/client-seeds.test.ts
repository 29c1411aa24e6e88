/**
 * The client for the real seed model (docs-input/): golden files, a strict
 * type-check with the models and validators beside it, and each documented
 * example replayed through the generated function against a loopback server:
 * the example request is what must arrive, the example response what must
 * come back. The generated validators plug into the client's validate hook.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import type { Model, ModelOperation } from '../../generator/model/ir.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';
import { contextFor } from './client-fixtures.js';
import { CONSUMERS, emitAll, importFrom, startServer, tempDir, transpileTree, typeErrors, writeFiles, type Reply, type TestServer } from './client-harness.js';

type Fn = (...args: unknown[]) => Promise<unknown>;
interface RuntimeModule {
  createFetchClient(options: Record<string, unknown>): unknown;
  GraphValidationError: new (...args: never[]) => Error;
}
interface SchemaModule {
  schema: { check(value: unknown, typeName: string): { kind: string }[] };
}

let model: Model;
let emitted: EmittedFile[];
let tmp: ReturnType<typeof tempDir>;
let files: string[];
let server: TestServer;
let reply: Reply = { status: 200 };

beforeAll(async () => {
  ({ model } = await buildModel(path.join(repoRoot, 'docs-input'), { workers: 1 }));
  emitted = await emitAll(model, 'docs-input');
  tmp = tempDir('client-seeds');
  files = writeFiles(tmp.dir, [...emitted, { path: 'package.json', content: '{"type":"module"}\n' }]);
  server = await startServer(() => reply);
});
afterAll(async () => {
  await server?.close();
  tmp?.remove();
});

const isClientFile = (file: EmittedFile) => /^[^/]+\/(runtime\.ts|client\/)/.test(file.path);

describe('client for docs-input/', () => {
  it('matches the golden files', async () => {
    const client = emitted.filter(isClientFile);
    expect(client.map((f) => f.path)).toContain('v1.0/client/device-management-partner.ts');
    for (const file of client) {
      if (file.path.endsWith('/runtime.ts')) continue; // the fixture goldens hold the runtime
      await expect(file.content).toMatchFileSnapshot(`./__golden__/seeds/${file.path}.golden`);
    }
  });

  it('has a function for every seed operation', () => {
    const names = model.operations.map((o) => contextFor(model, o.apiVersion).names.operationName(o.id));
    expect(names).toEqual(['createComplianceManagementPartner', 'createDeviceManagementPartner', 'updateDeviceManagementPartner']);
  });

  it.each(Object.keys(CONSUMERS))('type-checks with models and validators for %s consumers', (consumer) => {
    expect(typeErrors(tmp.dir, files, CONSUMERS[consumer] ?? {})).toEqual([]);
  });

  describe('replays the documented examples', () => {
    let api: Record<string, Fn>;
    let rt: RuntimeModule;
    let validators: SchemaModule;
    beforeAll(async () => {
      transpileTree(tmp.dir);
      api = await importFrom<Record<string, Fn>>(tmp.dir, 'v1.0/client/index.js');
      rt = await importFrom<RuntimeModule>(tmp.dir, 'v1.0/runtime.js');
      validators = await importFrom<SchemaModule>(tmp.dir, 'v1.0/validators/schema/index.js');
    });

    /** The generated call for an operation's first example: function, arguments, and the request path the example shows. */
    function replay(operation: ModelOperation): { name: string; args: unknown[]; url: string } {
      const ctx = contextFor(model, operation.apiVersion);
      const name = ctx.names.operationName(operation.id) ?? '';
      const example = operation.examples[0]?.request;
      const params = Object.fromEntries(operation.pathParameters.map((p) => [p, `${p}-1/x`]));
      let url = new URL(example?.url ?? '').pathname.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
      for (const [p, value] of Object.entries(params)) url = url.replace(`{${p}}`, encodeURIComponent(value));
      const args = [...(operation.pathParameters.length ? [params] : []), ...(example?.body !== undefined ? [example.body] : [])];
      return { name, args, url };
    }

    const v1 = () => model.operations.filter((o) => o.apiVersion === 'v1.0' && o.examples[0]?.request && o.examples[0]?.response);

    it('every v1.0 example goes over the wire as documented and its response comes back', async () => {
      expect(v1().map((o) => o.id)).toHaveLength(2);
      for (const operation of v1()) {
        const [example] = operation.examples;
        const { name, args, url } = replay(operation);
        reply = { status: example?.response?.status ?? 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(example?.response?.body) };
        server.requests.length = 0;
        const client = rt.createFetchClient({ baseUrl: server.baseUrl, getToken: () => 'seed-token' });
        const result = await api[name]?.(client, ...args);
        expect(result).toEqual(example?.response?.body);
        const [request] = server.requests;
        expect(request?.method).toBe(example?.request?.method);
        expect(request?.url).toBe(url);
        expect(request?.headers['authorization']).toBe('Bearer seed-token');
        expect(request?.headers['content-type']).toBe('application/json');
        expect(JSON.parse(request?.body ?? '')).toEqual(example?.request?.body);
      }
    });

    it('the generated validators plug into the validate hook by body type', async () => {
      const seen: string[] = [];
      const client = rt.createFetchClient({
        baseUrl: server.baseUrl,
        getToken: () => 't',
        validate: (body: unknown, request: { bodyType?: string }) => {
          if (!request.bodyType) return [];
          seen.push(request.bodyType);
          return validators.schema.check(body, request.bodyType).filter((p) => p.kind !== 'unknown-property');
        },
      });
      reply = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };
      server.requests.length = 0;
      const update = v1().find((o) => o.kind === 'update');
      const { name, args } = replay(update!);
      await api[name]?.(client, ...args);
      expect(server.requests).toHaveLength(1);
      const error = await api[name]?.(client, args[0], { isConfigured: 'yes', partnerState: 'sideways' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(rt.GraphValidationError);
      expect((error as { problems: { kind: string }[] }).problems.map((p) => p.kind).sort()).toEqual(['enum', 'type']);
      expect(server.requests).toHaveLength(1);
      expect(seen).toEqual(['microsoft.graph.deviceManagementPartner', 'microsoft.graph.deviceManagementPartner']);
    });
  });
});
