/**
 * `docs2ts diff --base last-run` through the compiled command line's `main`, in
 * this process (`cliInProcess`): the model the last `generate` left in the cache
 * against the docs as they are now.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../helpers/cli.js';
import { repoRoot } from '../helpers/corpus.js';

const built = existsSync(path.join(repoRoot, 'dist/generator/pipeline/last-run.js'));
if (!built) console.warn('diff --base last-run tests skipped: dist/ is absent or stale (run npm run build)');
const SLOW = { timeout: 120_000 };

const cli = (cwd: string, ...args: string[]) => cliInProcess(cwd, ...args, '--workers', '1');

describe.skipIf(!built)('docs2ts diff --base last-run (compiled CLI)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-last-run-'));
    await cp(path.join(repoRoot, 'docs-input'), path.join(dir, 'docs'), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses when no generate run is recorded, naming the fix', SLOW, async () => {
    const none = await cli(dir, 'diff', '--base', 'last-run', '-i', 'docs', '-o', 'out');
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('docs2ts: --base last-run: .docs2ts-cache holds no run of docs2ts generate of docs into out by this version of docs2ts: run docs2ts generate first, or pass --out with the folder it wrote\n');
    expect((await cli(dir, 'diff', '--base', 'last-run', '-i', 'docs', '-o', 'out', '--no-cache')).stderr).toBe('docs2ts: --base last-run reads the last run from the cache: drop --no-cache\n');
  });

  it('finds no change right after generate, then the edit made since', SLOW, async () => {
    expect((await cli(dir, 'generate', '-i', 'docs', '-o', 'out', '-q')).status).toBe(0);
    const same = await cli(dir, 'diff', '--base', 'last-run', '-i', 'docs', '-o', 'out', '--fail-on', 'any');
    expect(same.status).toBe(0);
    expect(same.stdout).toBe('last-run → docs: no API changes\n');

    const page = path.join(dir, 'docs/v1.0/resources/intune-onboarding-devicemanagementpartner.md');
    const text = await readFile(page, 'utf8');
    await writeFile(page, text.replace('|isConfigured|Boolean|', '|isConfigured|Int32|').replace(/^\|singleTenantAppId\|.*\n/m, ''));
    const edited = await cli(dir, 'diff', '--base', 'last-run', '-i', 'docs', '-o', 'out', '--fail-on', 'breaking', '--format', 'json');
    expect(edited.status).toBe(1);
    const changes = JSON.parse(edited.stdout).changes.map((c: { kind: string; subject: string; side: string }) => [c.kind, c.subject, c.side]);
    expect(changes).toEqual([
      ['property-type-changed', 'microsoft.graph.deviceManagementPartner.isConfigured', 'head'],
      ['property-removed', 'microsoft.graph.deviceManagementPartner.singleTenantAppId', 'base'],
    ]);
  });
});
