/**
 * Helpers for the client emitter tests: emit and format a version (with the
 * real models and validators beside it), write it to a temp dir, type-check
 * it, transpile and import it, and a loopback HTTP server that records what
 * arrives.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { clientEmitter } from '../../generator/emit/client.js';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import { formatFile } from '../../generator/emit/format.js';
import { emitFormatted } from '../../generator/emit/index.js';
import { modelsEmitter } from '../../generator/emit/models-emitter.js';
import { validatorsEmitter } from '../../generator/emit/validators-emitter.js';
import type { Model } from '../../generator/model/ir.js';
import { repoRoot } from '../helpers/corpus.js';
import { createProgram } from '../helpers/typescript.js';
import { contextFor } from './client-fixtures.js';

/** Every version's models, validators and client, formatted: what `generate` writes. */
export function emitAll(model: Model, inputLabel = 'test-fixtures'): Promise<EmittedFile[]> {
  return emitFormatted(model, { inputLabel, emitters: [modelsEmitter, validatorsEmitter, clientEmitter] });
}

/** The client emitter's files for one version, formatted. */
export async function emitClient(model: Model, apiVersion: string): Promise<EmittedFile[]> {
  return Promise.all(clientEmitter.emit(contextFor(model, apiVersion)).map(formatFile));
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `docs2ts-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeFiles(dir: string, files: readonly EmittedFile[]): string[] {
  return files.map((file) => {
    const target = path.join(dir, ...file.path.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    return target;
  });
}

/** Strict settings a consumer may have, beyond `strict`. */
const STRICTEST: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
};

/** Node consumers (lib ES2022 + @types/node) and browser consumers (lib DOM, no node types). */
export const CONSUMERS: Record<string, ts.CompilerOptions> = {
  node: { ...STRICTEST, lib: ['lib.es2022.d.ts'], types: ['node'], typeRoots: [path.join(repoRoot, 'node_modules/@types')] },
  dom: { ...STRICTEST, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] },
};

/** Type errors of the given files, as `file(line,col): message` relative to `dir`. */
export function typeErrors(dir: string, files: readonly string[], options: ts.CompilerOptions): string[] {
  const program = createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(dir, d.file.fileName)}(${line + 1},${character + 1}): ${message}`;
  });
}

/** Transpiles every `.ts` under `dir` to `.js` beside it (imports already say `.js`). */
export function transpileTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = ts.sys.readFile(file) ?? '';
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
      fileName: file,
    });
    writeFileSync(file.replace(/\.ts$/, '.js'), outputText);
  }
}

export async function importFrom<T>(dir: string, relative: string): Promise<T> {
  return (await import(pathToFileURL(path.join(dir, relative)).href)) as T;
}

/** Every version of `model` emitted, transpiled and imported: the v1.0 client functions and runtime; remove() deletes the files. */
export async function loadGeneratedClient<Api, Runtime>(model: Model, prefix: string): Promise<{ api: Api; rt: Runtime; remove: () => void }> {
  const tmp = tempDir(prefix);
  writeFiles(tmp.dir, [...(await emitAll(model)), { path: 'package.json', content: '{"type":"module"}\n' }]);
  transpileTree(tmp.dir);
  return { api: await importFrom<Api>(tmp.dir, 'v1.0/client/index.js'), rt: await importFrom<Runtime>(tmp.dir, 'v1.0/runtime.js'), remove: tmp.remove };
}

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (timeout tests). */
  delayMs?: number;
}

export interface TestServer {
  baseUrl: string;
  requests: Recorded[];
  close: () => Promise<void>;
}

/** A server on 127.0.0.1 (port 0) that records each request and answers with `reply(request)`. */
export async function startServer(reply: (request: Recorded) => Reply): Promise<TestServer> {
  const requests: Recorded[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      const answer = reply(recorded);
      const send = (): void => {
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? '');
      };
      if (!answer.delayMs) return send();
      const timer = setTimeout(() => {
        timers.delete(timer);
        send();
      }, answer.delayMs);
      timers.add(timer);
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1.0`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface LoopbackRun<Api, Runtime> {
  api: Api;
  rt: Runtime;
  server: TestServer;
  /** A fetch client on the server (no retries, 2 s timeout). */
  client: unknown;
}

/**
 * For one test file: `model`'s generated client loaded once, a loopback server that
 * answers `reply(request)`, a fetch client on it, and the recorded requests cleared
 * before each test. The returned object is filled in by `beforeAll`.
 */
export function loopbackRun<Api, Runtime extends { createFetchClient(options: Record<string, unknown>): unknown }>(
  model: Model,
  prefix: string,
  reply: (request: Recorded) => Reply,
): LoopbackRun<Api, Runtime> {
  const run = {} as LoopbackRun<Api, Runtime>;
  let remove: (() => void) | undefined;
  beforeAll(async () => {
    ({ api: run.api, rt: run.rt, remove } = await loadGeneratedClient<Api, Runtime>(model, prefix));
    run.server = await startServer((request) => reply(request));
    run.client = run.rt.createFetchClient({ baseUrl: run.server.baseUrl, getToken: () => 't', timeoutMs: 2000, retry: false });
  });
  afterAll(async () => {
    await run.server?.close();
    remove?.();
  });
  beforeEach(() => {
    if (run.server) run.server.requests.length = 0;
  });
  return run;
}
