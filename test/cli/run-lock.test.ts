/**
 * One run at a time on an output folder and its cache, through the compiled
 * command line: a run waits for the lock another holds (saying so), ends with a
 * clear usage error after a bounded wait (the output untouched), takes over the
 * lock of a process that died, `--check` is bounded too, and `--watch` holds
 * the lock only while one of its runs lasts. Two runs at once,
 * many times over, always leave what a --no-cache run writes
 * (`concurrent-generate.test.ts`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockRun } from '../../generator/cli/run-lock.js';
import { built, cli, cliStarted, filesOf, SEEDS } from '../helpers/cli.js';

const SLOW = { timeout: 120_000 };

describe.skipIf(!built)('run locks (compiled CLI)', () => {
  let work: string;
  const out = () => path.join(work, 'out');

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'docs2ts-lock-'));
    cpSync(SEEDS, path.join(work, 'docs'), { recursive: true });
    expect(cli(work, 'generate', '-i', 'docs', '-o', 'out').status).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('a run that cannot get the lock in its wait ends with exit 2 naming the lock; the output is untouched', SLOW, async () => {
    const release = await lockRun({ out: out(), cacheDir: null, waitMs: 0 });
    try {
      const before = filesOf(out());
      writeFileSync(path.join(work, 'docs/v1.0/resources/edited.md'), '# edited\n');
      const run = cli(work, 'generate', '-i', 'docs', '-o', 'out', '--lock-wait', '1');
      expect(run.stderr).toContain('docs2ts: waiting for another docs2ts run on the output folder out...');
      expect(run.stderr).toMatch(/docs2ts: another docs2ts run holds the output folder out \(lock .*\.out\.lock\): wait for it to end and run again/);
      expect(run.status).toBe(2);
      expect(filesOf(out())).toEqual(before);
      const check = cli(work, 'generate', '-i', 'docs', '-o', 'out', '--check', '--lock-wait', '1', '--quiet');
      expect(check.stderr).not.toContain('waiting');
      expect(check.stderr).toMatch(/another docs2ts run holds the output folder out/);
      expect(check.status).toBe(2);
    } finally {
      rmSync(path.join(work, 'docs/v1.0/resources/edited.md'), { force: true });
      await release();
    }
  });

  it('a run waits for the lock and goes on once it is released', SLOW, async () => {
    const release = await lockRun({ out: out(), cacheDir: path.join(work, '.docs2ts-cache'), waitMs: 0 });
    const waiting = cliStarted(work, 'generate', '-i', 'docs', '-o', 'out');
    // Released once the run says it waits, however long the machine takes to get it there.
    await waiting.saw('waiting for another docs2ts run');
    await release();
    const run = await waiting.done;
    expect(run.stderr).toContain('waiting for another docs2ts run');
    expect(run.status).toBe(0);
  });

  it.each(['model', 'check'])('%s waits for the cache lock as generate does, and goes on once it is released', SLOW, async (command) => {
    const release = await lockRun({ cacheDir: path.join(work, '.docs2ts-cache'), waitMs: 0 });
    const waiting = cliStarted(work, command, '-i', 'docs', ...(command === 'model' ? ['-o', 'model.json'] : []));
    await waiting.saw('docs2ts: waiting for another docs2ts run on the cache folder');
    await release();
    const run = await waiting.done;
    expect(run.stderr).toContain('docs2ts: waiting for another docs2ts run on the cache folder');
    expect(run.status).not.toBe(2);
  });

  it('the lock of a process that died is taken over at once', SLOW, () => {
    const lock = path.join(work, '.out.lock');
    mkdirSync(lock);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${lock}.owner`, `${dead.stdout} ${os.hostname()}\n`);
    const started = Date.now();
    const run = cli(work, 'generate', '-i', 'docs', '-o', 'out', '--lock-wait', '20');
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('waiting');
    // Far sooner than the 30 s after which a lock nobody renews is stale.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(lock)).toBe(false);
  });

  it('--watch holds the lock only while it runs: a one-off run goes between two of its runs', SLOW, async () => {
    const watch = cliStarted(work, 'generate', '-i', 'docs', '-o', 'out', '--watch');
    try {
      await watch.saw('watching docs');
      const run = cli(work, 'generate', '-i', 'docs', '-o', 'out', '--lock-wait', '10');
      expect(run.stderr).not.toContain('another docs2ts run holds');
      expect(run.status).toBe(0);
    } finally {
      watch.child.kill('SIGINT');
    }
    expect((await watch.done).status).toBe(0);
  });
});
