/**
 * The compiled command line end to end (`node bin/docs2ts.js`, built by `npm test`):
 * a parallel cold run equals the plain output and a `--no-cache --workers 1` run;
 * `--check` after an edit exits 1 naming exactly the changed files and writes
 * nothing; a run after an edit links the edited version again and writes what a
 * whole run writes; `--watch` regenerates exactly those files after an edit and
 * stops cleanly on SIGINT.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';
import { changedPaths, editPage, makeFixture, readTree, referenceOutput, type Fixture } from './fixture.js';

const BIN = path.join(repoRoot, 'bin/docs2ts.js');
const built = existsSync(path.join(repoRoot, 'dist/generator/cli/main.js'));
if (!built) console.warn('CLI pipeline tests skipped: dist/ is absent (npm test builds it; or run npm run build)');
const SLOW = { timeout: 600_000 };

function cli(cwd: string, ...args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, CI: '1' } });
  return { status: run.status, stderr: run.stderr };
}

describe.skipIf(!built)('docs2ts generate (compiled CLI)', () => {
  let fx: Fixture;
  let edited: string;
  let row: RegExp;
  beforeAll(async () => {
    fx = await makeFixture();
    edited = path.join(fx.input, fx.withCorpus ? 'v1.0/resources/user.md' : 'v1.0/resources/intune-onboarding-devicemanagementpartner.md');
    row = fx.withCorpus ? /^\|aboutMe\|/ : /^\|lastHeartbeatDateTime\|/;
  });
  afterAll(() => fx?.cleanup());

  it('cold in parallel and warm equal the plain output and a --no-cache single-thread run', SLOW, async () => {
    const reference = await referenceOutput(fx.input);
    const cold = cli(fx.dir, 'generate', '-i', 'docs', '-o', 'out', '--workers', '2');
    expect(cold.stderr).toMatch(/generated \d+ files in out/);
    expect(cold.status).toBe(0);
    expect(await readTree(path.join(fx.dir, 'out'))).toEqual(reference);
    expect(existsSync(path.join(fx.dir, '.docs2ts-cache'))).toBe(true);

    const warm = cli(fx.dir, 'generate', '-i', 'docs', '-o', 'out');
    expect(warm.stderr).toMatch(/out is up to date: \d+ files .* nothing changed since the last run/);

    const plain = cli(fx.dir, 'generate', '-i', 'docs', '-o', 'plain', '--no-cache', '--workers', '1');
    expect(plain.status).toBe(0);
    expect(await readTree(path.join(fx.dir, 'plain'))).toEqual(reference);
  });

  it('--check after an edit exits 1, names exactly the changed files and writes nothing', SLOW, async () => {
    const out = path.join(fx.dir, 'out');
    const before = await readTree(out);
    await editPage(edited, row, (line) => line.replace(/\|([^|]*)\|$/, '|Checked by a test. $1|'));
    const expected = changedPaths(before, await referenceOutput(fx.input));
    expect(expected.length).toBeGreaterThan(0);
    const check = cli(fx.dir, 'generate', '-i', 'docs', '-o', 'out', '--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`out is stale: ${expected.length} file(s) differ`);
    const named = check.stderr.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim());
    expect(named).toEqual(expected.map((file) => `changed: ${file}`));
    expect(await readTree(out)).toEqual(before);
  });

  it('after an edit, generate links the edited version again and writes what a whole run writes', SLOW, async () => {
    await editPage(edited, row, (line) => line.replace(/\|([^|]*)\|$/, '|Relinked by a test. $1|'));
    const run = spawnSync(process.execPath, [BIN, 'generate', '-i', 'docs', '-o', 'out'], { cwd: fx.dir, encoding: 'utf8', timeout: 600_000, env: { ...process.env, CI: '1', DOCS2TS_TIMINGS: '1' } });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('linked: {"v1.0":"whole"}');
    expect(await readTree(path.join(fx.dir, 'out'))).toEqual(await referenceOutput(fx.input));
  });

  it('--watch regenerates exactly the changed files after an edit and stops on SIGINT', SLOW, async () => {
    const out = path.join(fx.dir, 'out');
    const child = spawn(process.execPath, [BIN, 'generate', '-i', 'docs', '-o', 'out', '--watch'], { cwd: fx.dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
    let stderr = '';
    const waitFor = (pattern: RegExp, ms: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; stderr:\n${stderr}`)), ms);
        const check = () => pattern.test(stderr) && (clearTimeout(timer), resolve());
        child.stderr.on('data', check);
        check();
      });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // The first run catches up with the edit the --check test left.
      await waitFor(/watching docs for changes/, 300_000);
      const before = await readTree(out);
      await editPage(edited, row, (line) => line.replace(/\|([^|]*)\|$/, '|Watched by a test. $1|'));
      const reference = await referenceOutput(fx.input);
      const expected = changedPaths(before, reference);
      const started = Date.now();
      await waitFor(/\] 1 page changed \([^)]*user\.md|\] 1 page changed \([^)]*devicemanagementpartner\.md/, 120_000);
      await waitFor(/\] 1 page changed [^\n]*: (\d+) files? written[^\n]*\n/, 10_000);
      const line = stderr.split('\n').filter((l) => / 1 page changed /.test(l)).pop()!;
      expect(line).toMatch(new RegExp(`: ${expected.length} files? written, 0 removed`));
      expect(Date.now() - started).toBeLessThan(120_000);
      expect(changedPaths(before, await readTree(out))).toEqual(expected);
      expect(await readTree(out)).toEqual(reference);
    } finally {
      child.kill('SIGINT');
    }
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 30_000))]);
    expect(code).toBe(0);
    expect(stderr).toContain('stopped watching');
  });
});
