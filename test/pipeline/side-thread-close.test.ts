/**
 * `SideThread.close` ends the thread and settles, even when a reply of the thread
 * comes after close began. Such a reply once left the thread unreferenced while it
 * was still stopping: the process could then end with `await close()` unsettled
 * (exit code 13, seen on warm runs). Threads exist only in the compiled generator,
 * so the case runs in a child process on dist/ (npm test builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const DIST = path.join(repoRoot, 'dist/generator');
const built = existsSync(path.join(DIST, 'pipeline/side-thread-worker.js'));
if (!built) console.warn('side thread close tests skipped: dist/ is absent (npm test builds it; or run npm run build)');

describe.runIf(built)('SideThread.close', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-side-close-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('settles when a reply comes after it began, and the process ends normally', { timeout: 120_000 }, () => {
    // Each round has the thread's reply wait in this thread's queue when close is called: this thread blocks
    // (no reply can be taken) until the folder is gone, however long a busy machine takes to start the thread.
    const script = `
      const { SideThread } = await import(${JSON.stringify(pathToFileURL(path.join(DIST, 'pipeline/side-thread.js')).href)});
      const { existsSync, mkdirSync } = await import('node:fs');
      const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      const rounds = [];
      for (let i = 0; i < 10; i++) {
        const thread = new SideThread();
        const folder = ${JSON.stringify(dir)} + '/f' + i;
        mkdirSync(folder);
        const late = thread.removeFolder(folder).then(() => 'removed', () => 'not removed');
        for (let waited = 0; existsSync(folder) && waited < 30000; waited += 10) sleep(10);
        sleep(200);
        await thread.close();
        rounds.push([await late, existsSync(folder)]);
      }
      console.log(JSON.stringify(rounds));
    `;
    const file = path.join(dir, 'close.mjs');
    writeFileSync(file, script);
    const child = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 120_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual(Array.from({ length: 10 }, () => ['removed', false]));
  });
});
