/**
 * docs2ts as another repository adopts it: `npm pack`, the tarball installed
 * into a fresh project (no install script may run or be asked for), a
 * `docs2ts.config.json` with include patterns, `npx docs2ts generate` with no
 * flags, the output compiled with `strict` under `nodenext`, `bundler` and
 * `commonjs`, and run against a loopback server. Once over the seeds
 * (docs-input), always; once over the corpus (`../shared/graph-docs`), which
 * is skipped, saying so, when it is absent.
 * The last `describe` runs the client's paths, retries and `$batch`.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, SEEDS } from '../helpers/cli.js';
import { corpusRoot, hasCorpus, repoRoot } from '../helpers/corpus.js';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const LONG = { timeout: 600_000 };
const MODULES = {
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
  commonjs: { module: 'commonjs', moduleResolution: 'node10' },
} as const;

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

/** A loopback Graph: answers by `reply`, records every request. */
async function loopback(reply: (request: Seen, count: number) => { status: number; body?: unknown; headers?: Record<string, string> }): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const request = { method: req.method!, url: req.url!, authorization: req.headers.authorization, body };
      seen.push(request);
      const answer = reply(request, seen.length);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`, seen, server };
}

/** `tsc -p` of a tsconfig written for the module setting; returns the diagnostics' lines. */
async function compile(project: string, setting: keyof typeof MODULES, files: string[], outDir?: string): Promise<string[]> {
  const config = {
    compilerOptions: { strict: true, target: 'es2022', ...MODULES[setting], types: [], skipLibCheck: false, ...(outDir ? { outDir } : { noEmit: true }) },
    files,
  };
  writeFileSync(path.join(project, `tsconfig.${setting}.json`), JSON.stringify(config));
  const result = await run(project, process.execPath, [TSC, '-p', `tsconfig.${setting}.json`, '--pretty', 'false']);
  return result.output.split('\n').filter(Boolean);
}

/** Runs compiled consumer code without blocking this process, where the loopback server answers. */
async function runNode(file: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [file, ...args], { encoding: 'utf8', timeout: 60_000 }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? String(error) }));
}

/** A process run without blocking this one (vitest's worker must keep answering), its output gathered. */
function run(cwd: string, command: string, args: string[]): Promise<{ status: number | null; output: string }> {
  const child = spawn(command, args, { cwd, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}

/** A fresh project with the packed docs2ts installed. */
async function consumerProject(tarball: string): Promise<{ project: string; install: string }> {
  const project = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-consumer-'));
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', scripts: { graph: 'docs2ts generate', 'graph:check': 'docs2ts generate --check' } }));
  const install = await run(project, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball]);
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.output}`);
  return { project, install: install.output };
}

describe.skipIf(!built)('a consumer project installs the packed docs2ts', () => {
  let packDir: string;
  let tarball: string;
  const projects: string[] = [];

  beforeAll(() => {
    // dist/ is built (the suite is skipped otherwise); `npm pack` would build it again through `prepack`.
    packDir = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-pack-'));
    const name = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').pop()!;
    tarball = path.join(packDir, name);
  }, LONG.timeout);
  afterAll(() => {
    for (const dir of [packDir, ...projects]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('over the seeds (docs-input)', () => {
    let project: string;
    let server: Awaited<ReturnType<typeof loopback>>;

    beforeAll(async () => {
      const made = await consumerProject(tarball);
      project = made.project;
      projects.push(project);
      // No install script runs, and npm asks for none to be approved.
      expect(made.install).not.toMatch(/install-scripts|docs2ts@.*(prepare|postinstall)/);
      cpSync(SEEDS, path.join(project, 'docs'), { recursive: true });
      writeFileSync(path.join(project, 'docs2ts.config.json'), JSON.stringify({ input: 'docs', output: 'src/graph', include: ['/deviceManagement/deviceManagementPartners/{id}#PATCH'], versions: ['v1.0'] }));
      server = await loopback((request) => ({ status: 200, body: { id: 'p/1', displayName: JSON.parse(request.body || '{}').displayName } }));
    }, LONG.timeout);
    afterAll(() => server?.server.close());

    it('npm run graph (docs2ts generate, no flags) writes the slice; graph:check finds it up to date', LONG, async () => {
      const generate = await run(project, 'npm', ['run', '--silent', 'graph']);
      expect(generate.output).toMatch(/generated \d+ files in src\/graph/);
      expect(generate.status).toBe(0);
      expect(readdirSync(path.join(project, 'src/graph/v1.0/client')).sort()).toEqual(['device-management-partner.ts', 'index.ts']);
      expect((await run(project, 'npm', ['run', '--silent', 'graph:check'])).status).toBe(0);
    });

    const main = [
      "import { createFetchClient } from './graph/v1.0/runtime.js';",
      "import { updateDeviceManagementPartner } from './graph/v1.0/client/index.js';",
      'async function main(): Promise<void> {',
      "  const client = createFetchClient({ baseUrl: process.argv[2]!, getToken: () => 'token-1' });",
      "  const partner = await updateDeviceManagementPartner(client, { deviceManagementPartnerId: 'p/1' }, { displayName: 'Contoso' });",
      '  console.log(JSON.stringify(partner));',
      '}',
      'void main();',
      'declare const process: { argv: string[] };',
      '',
    ].join('\n');

    it.each(Object.keys(MODULES) as (keyof typeof MODULES)[])('compiles with strict under %s', LONG, async (setting) => {
      writeFileSync(path.join(project, 'src/main.ts'), main);
      expect(await compile(project, setting, ['src/main.ts'])).toEqual([]);
    });

    it('runs against a loopback server: the path parameter encoded, the token sent, the body back', LONG, async () => {
      writeFileSync(path.join(project, 'src/main.ts'), main);
      expect(await compile(project, 'nodenext', ['src/main.ts'], 'out')).toEqual([]);
      const result = await runNode(path.join(project, 'out/main.js'), server.url);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({ id: 'p/1', displayName: 'Contoso' });
      expect(server.seen).toEqual([{ method: 'PATCH', url: '/v1.0/deviceManagement/deviceManagementPartners/p%2F1', authorization: 'Bearer token-1', body: '{"displayName":"Contoso"}' }]);
    });

    it('a typo in a body is a compile error', LONG, async () => {
      writeFileSync(
        path.join(project, 'src/typo.ts'),
        [
          "import type { GraphClient } from './graph/v1.0/runtime.js';",
          "import { updateDeviceManagementPartner } from './graph/v1.0/client/index.js';",
          "export const typo = (client: GraphClient) => updateDeviceManagementPartner(client, { deviceManagementPartnerId: 'p' }, { dispalyName: 'x' });",
          '',
        ].join('\n'),
      );
      for (const setting of Object.keys(MODULES) as (keyof typeof MODULES)[]) {
        expect(await compile(project, setting, ['src/typo.ts'])).toEqual([
          expect.stringMatching(/^src\/typo\.ts\(3,\d+\): error TS2561: Object literal may only specify known properties, but 'dispalyName' does not exist in type .*Did you mean to write 'displayName'\?$/),
        ]);
      }
    });
  });

  describe.skipIf(!hasCorpus)('over the corpus (../shared/graph-docs): the issue example slice', () => {
    let project: string;

    beforeAll(async () => {
      project = (await consumerProject(tarball)).project;
      projects.push(project);
      writeFileSync(
        path.join(project, 'docs2ts.config.json'),
        JSON.stringify({ input: corpusRoot, output: 'src/graph', versions: ['v1.0'], include: ['/users/{id}/messages/**', '/me/sendMail#POST', '/users/{id}#GET,PATCH'] }),
      );
    }, LONG.timeout);

    it('generate with no flags, then the slice compiles under the three settings, and a typo on User does not', LONG, async () => {
      const generate = await run(project, 'npx', ['docs2ts', 'generate']);
      expect(generate.status, generate.output).toBe(0);
      mkdirSync(path.join(project, 'src'), { recursive: true });
      writeFileSync(
        path.join(project, 'src/use.ts'),
        [
          "import type { User, Message } from './graph/v1.0/models/index.js';",
          "import * as client from './graph/v1.0/client/index.js';",
          "export const user: User = { displayName: 'x', accountEnabled: true };",
          "export const mail: Message = { subject: 'hi' };",
          'export const api = client;',
          '',
        ].join('\n'),
      );
      writeFileSync(path.join(project, 'src/typo.ts'), "import type { User } from './graph/v1.0/models/index.js';\nexport const user: User = { dispalyName: 'x' };\n");
      for (const setting of Object.keys(MODULES) as (keyof typeof MODULES)[]) {
        expect(await compile(project, setting, ['src/use.ts'])).toEqual([]);
        expect(await compile(project, setting, ['src/typo.ts'])).toEqual([expect.stringMatching(/^src\/typo\.ts\(2,\d+\): error TS2561: .*'dispalyName' does not exist in type 'User'/)]);
      }
    });
  });
});

/**
 * The client in a consumer project: both documented paths of one operation
 * (a copy of the seeds whose update page documents a second path), a 429 then
 * a 200 retried, and a batch of three as one `$batch` request.
 */
describe.skipIf(!built)('the client in a consumer project: paths, retries and $batch', () => {
  it('calls both paths of one operation, retries a 429 then a 200, sends a batch of three as one request', LONG, async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-consumer-client-'));
    try {
      const docs = path.join(project, 'docs');
      cpSync(SEEDS, docs, { recursive: true });
      const update = path.join(docs, 'v1.0/api/intune-onboarding-devicemanagementpartner-update.md');
      const page = readFileSync(update, 'utf8');
      const second = page.replace(
        'PATCH /deviceManagement/deviceManagementPartners/{deviceManagementPartnerId}\n',
        'PATCH /deviceManagement/deviceManagementPartners/{deviceManagementPartnerId}\nPATCH /deviceManagement/defaultDeviceManagementPartner\n',
      );
      expect(second).not.toBe(page);
      writeFileSync(update, second);
      execFileSync(process.execPath, [path.join(repoRoot, 'bin/docs2ts.js'), 'generate', '-i', docs, '-o', path.join(project, 'src/graph'), '--no-cache', '--quiet', '--versions', 'v1.0']);
      writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
      writeFileSync(
        path.join(project, 'src/main.ts'),
        [
          "import { batch, createFetchClient } from './graph/v1.0/runtime.js';",
          "import { updateDeviceManagementPartner } from './graph/v1.0/client/index.js';",
          "const client = createFetchClient({ baseUrl: process.argv[2]!, getToken: () => 't', retry: { maxAttempts: 3 } });",
          "const retried = await updateDeviceManagementPartner(client, { deviceManagementPartnerId: 'a' }, { displayName: 'A' });",
          "const other = await updateDeviceManagementPartner(client, {}, { displayName: 'B' });",
          "const answers = await batch(client, ['x', 'y', 'z'].map((id) => updateDeviceManagementPartner.request({ deviceManagementPartnerId: id }, { displayName: id })));",
          'console.log(JSON.stringify({ retried, other, answers: answers.map((answer) => answer.ok) }));',
          'declare const process: { argv: string[] };',
          '',
        ].join('\n'),
      );
      expect(await compile(project, 'nodenext', ['src/main.ts'], 'out')).toEqual([]);
      const server = await loopback((request, count) =>
        request.url.endsWith('/$batch')
          ? { status: 200, body: { responses: [1, 2, 3].map((i) => ({ id: String(i), status: 200, body: { id: String(i) } })) } }
          : count === 1
            ? { status: 429, headers: { 'retry-after': '0' }, body: { error: { code: 'TooManyRequests', message: 'slow down' } } }
            : { status: 200, body: { id: 'a', displayName: 'A' } },
      );
      try {
        const result = await runNode(path.join(project, 'out/main.js'), server.url);
        expect(JSON.parse(result.stdout)).toEqual({ retried: { id: 'a', displayName: 'A' }, other: { id: 'a', displayName: 'A' }, answers: [true, true, true] });
        expect(server.seen.map((r) => `${r.method} ${r.url}`)).toEqual([
          'PATCH /v1.0/deviceManagement/deviceManagementPartners/a',
          'PATCH /v1.0/deviceManagement/deviceManagementPartners/a',
          'PATCH /v1.0/deviceManagement/defaultDeviceManagementPartner',
          'POST /v1.0/$batch',
        ]);
      } finally {
        server.server.close();
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
