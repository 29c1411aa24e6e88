/**
 * The config keys that choose what `generate` and `model` emit (`include`,
 * `exclude`, `versions`, `emit`, `openTypes`), the flags of the same names that
 * win over them, and `--config FILE`, through the compiled command line: refusals
 * as whole processes, runs that write output through its `main` in this process.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, cli, cliInProcess, filesOf, SEEDS } from '../helpers/cli.js';

const SLOW = { timeout: 120_000 };

describe.skipIf(!built)('config: the slice and what is emitted (compiled CLI)', () => {
  let work: string;
  const config = (data: unknown) => writeFileSync(path.join(work, 'docs2ts.config.json'), JSON.stringify(data));
  const files = (dir: string) => [...filesOf(path.join(work, dir)).keys()].filter((file) => !file.startsWith('.'));

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-config-output-'));
    cpSync(SEEDS, path.join(work, 'pages'), { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const bad: [string, unknown, string][] = [
    ['a pattern without a leading slash', { include: ['users/{id}'] }, '`include[0]` is "users/{id}": Unexpected "users/{id}", expected a path starting with "/"; see "Selective generation" in the README'],
    ['a method that is not one', { exclude: ['/me', '/me/sendMail#SEND'] }, '`exclude[1]` is "/me/sendMail#SEND": Unexpected method "SEND", expected GET, POST, PUT, PATCH, DELETE (comma-separated); see "Selective generation" in the README'],
    ['include not a list', { include: '/me' }, '`include` is "/me"; write ["/users/{id}/messages/**", "/me/sendMail#POST"]'],
    ['an empty version', { versions: ['v1.0', ''] }, '`versions[1]` is ""; write ["v1.0"] or ["v1.0", "beta"]'],
    ['an unknown output', { emit: ['models', 'clients'] }, '`emit[1]` is "clients"; use models, validators, client (did you mean `client`?)'],
    ['outputs without models', { emit: ['client'] }, '`emit` leaves out "models"; add "models": validators and client import the models'],
    ['an unknown open-type policy', { openTypes: 'open' }, '`openTypes` is "open"; use "closed" or "index-signature"'],
  ];
  it.each(bad)('%s: exit 2, naming the key', SLOW, (_, data, message) => {
    config({ input: 'pages', ...(data as object) });
    const run = cli(work, 'generate', '--no-cache', '-o', 'refused');
    expect(run.stderr).toBe(`docs2ts: docs2ts.config.json: ${message}\n`);
    expect(run.status).toBe(2);
    expect(existsSync(path.join(work, 'refused'))).toBe(false);
  });

  it('include and versions slice the output; a flag wins over the key; --check sees a changed slice as stale', SLOW, async () => {
    config({ input: 'pages', output: 'types', include: ['/deviceManagement/deviceManagementPartners/**'], versions: ['v1.0'] });
    expect((await cliInProcess(work, 'generate', '--quiet')).status).toBe(0);
    expect(files('types')).toEqual([
      'v1.0/client/device-management-partner.ts',
      'v1.0/client/index.ts',
      'v1.0/models/index.ts',
      'v1.0/models/microsoft.graph.ts',
      'v1.0/runtime.ts',
      'v1.0/validators/index.ts',
      'v1.0/validators/microsoft.graph.ts',
      'v1.0/validators/runtime.ts',
      'v1.0/validators/schema/index.ts',
      'v1.0/validators/schema/microsoft.graph.ts',
    ]);
    const client = readFileSync(path.join(work, 'types/v1.0/client/device-management-partner.ts'), 'utf8');
    expect(client).toMatch(/export async function createDeviceManagementPartner\(/);
    expect(client).toMatch(/export async function updateDeviceManagementPartner\(/);
    expect((await cliInProcess(work, 'generate', '--check', '--quiet')).status).toBe(0);

    const flagged = await cliInProcess(work, 'generate', '--check', '--include', '/deviceManagement/deviceManagementPartners#POST');
    expect(flagged.stderr).toMatch(/^types is stale: /);
    expect(flagged.status).toBe(1);
    expect((await cliInProcess(work, 'generate', '--quiet', '--include', '/deviceManagement/deviceManagementPartners#POST')).status).toBe(0);
    const created = readFileSync(path.join(work, 'types/v1.0/client/device-management-partner.ts'), 'utf8');
    expect(created).toMatch(/export async function createDeviceManagementPartner\(/);
    expect(created).not.toMatch(/updateDeviceManagementPartner/);
  });

  it('emit chooses the outputs; model takes the slice too', SLOW, async () => {
    config({ input: 'pages', output: 'only-models', emit: ['models'], include: ['/deviceManagement/**#PATCH'] });
    expect((await cliInProcess(work, 'generate', '--quiet', '--no-cache')).status).toBe(0);
    expect(files('only-models')).toEqual(['v1.0/models/index.ts', 'v1.0/models/microsoft.graph.ts']);
    expect((await cliInProcess(work, 'model', '--quiet', '--no-cache', '-o', 'model.json')).status).toBe(0);
    const model = JSON.parse(readFileSync(path.join(work, 'model.json'), 'utf8')) as { operations: { id: string }[] };
    expect(model.operations.map((o) => o.id)).toEqual(['v1.0:intune-onboarding-devicemanagementpartner-update']);
  });

  it('--config FILE: its paths are relative to its folder; a missing one is exit 2', SLOW, async () => {
    rmSync(path.join(work, 'docs2ts.config.json'));
    mkdirSync(path.join(work, 'conf'), { recursive: true });
    writeFileSync(path.join(work, 'conf/graph.json'), JSON.stringify({ input: '../pages', output: '../from-conf', versions: ['beta'] }));
    expect((await cliInProcess(work, 'generate', '--quiet', '--no-cache', '--config', 'conf/graph.json')).status).toBe(0);
    expect(files('from-conf').every((file) => file.startsWith('beta/'))).toBe(true);
    expect(files('from-conf').length).toBeGreaterThan(0);

    const missing = await cliInProcess(work, 'generate', '--config', 'conf/none.json');
    expect(missing.stderr).toBe('docs2ts: --config conf/none.json: cannot be read (ENOENT); name an existing JSON file\n');
    expect(missing.status).toBe(2);
  });

  it('--emit and --include flags are checked as the keys are', SLOW, () => {
    const emit = cli(work, 'generate', '-i', 'pages', '--emit', 'client');
    expect(emit.stderr).toBe('docs2ts: --emit leaves out models: add it (validators and client import the models)\n');
    expect(emit.status).toBe(2);
    const include = cli(work, 'generate', '-i', 'pages', '--include', 'me');
    expect(include.stderr).toBe('docs2ts: --include me: Unexpected "me", expected a path starting with "/"\n');
    expect(include.status).toBe(2);
  });
});
