/**
 * One run at a time on an output folder and a cache folder: a run takes their
 * locks (proper-lockfile: a lock folder, its time renewed while the run lasts)
 * before it reads or writes either, and a second run waits for them, saying so,
 * up to a bounded time, then ends with a usage error naming the lock. A lock
 * left by a process that died is taken over: at once when its owner file (beside
 * it) names a process of this machine that is gone, else when its time goes stale.
 */
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError } from '../parse/input.js';
import { DEFAULT_LOCK_WAIT_SECONDS } from './options.js';

// Required rather than imported, as commander (`main.ts`): imported, Node scans the CommonJS source for export names first (90 ms here).
const lockfile = createRequire(import.meta.url)('proper-lockfile') as typeof import('proper-lockfile');

export interface LockRequest {
  /** The output folder, or undefined when the run writes none. */
  out?: string;
  /** The cache folder, or null without one. */
  cacheDir: string | null;
  /** How long to wait for another run, in milliseconds. */
  waitMs: number;
  /** Where "waiting" lines go (nothing under --quiet). */
  say?: (line: string) => void;
}

/** A lock's time is renewed this often, and one not renewed for `STALE_MS` belongs to a run that is gone. */
const STALE_MS = 30_000;
const UPDATE_MS = 5_000;
const POLL_MS = 150;

/** The cache lock alone, for the commands that write no output folder (`model`, `check`); `quiet` keeps the waiting line off stderr. */
export function lockCache(cacheDir: string | null, quiet: boolean | undefined, waitMs = DEFAULT_LOCK_WAIT_SECONDS * 1000): Promise<() => Promise<void>> {
  return lockRun({ cacheDir, waitMs, ...(quiet ? {} : { say: (line: string) => void process.stderr.write(line) }) });
}

/** Takes the locks (output first, then cache); resolves to the function that releases them. */
export async function lockRun(request: LockRequest): Promise<() => Promise<void>> {
  const releases: (() => Promise<void>)[] = [];
  const release = async () => {
    for (const done of releases.reverse()) await done().catch(() => undefined);
  };
  const deadline = Date.now() + request.waitMs;
  try {
    if (request.out !== undefined) {
      const out = path.resolve(request.out);
      mkdirSync(path.dirname(out), { recursive: true });
      releases.push(await take(out, path.join(path.dirname(out), `.${path.basename(out)}.lock`), `the output folder ${request.out}`, deadline, request));
    }
    if (request.cacheDir !== null) {
      const cache = path.resolve(request.cacheDir);
      // A cache that cannot be made is not locked: the run goes on without it (and says so).
      const made = (() => {
        try {
          mkdirSync(cache, { recursive: true });
          return true;
        } catch {
          return false;
        }
      })();
      if (made) releases.push(await take(cache, path.join(cache, 'lock'), `the cache folder ${request.cacheDir}`, deadline, request));
    }
  } catch (error) {
    await release();
    throw error;
  }
  return release;
}

async function take(target: string, lockPath: string, what: string, deadline: number, request: LockRequest): Promise<() => Promise<void>> {
  const options = { realpath: false, lockfilePath: lockPath, stale: STALE_MS, update: UPDATE_MS, retries: 0 };
  let told = false;
  for (;;) {
    try {
      const release = await lockfile.lock(target, {
        ...options,
        // Another process took the lock over (this one was stalled past STALE_MS): there is nothing safe to undo now.
        onCompromised: () => request.say?.(`docs2ts: warning: the lock on ${what} was taken over by another run\n`),
      });
      // Beside the lock folder, which proper-lockfile removes with rmdir (an empty folder only).
      writeFileSync(`${lockPath}.owner`, `${process.pid} ${os.hostname()}\n`);
      return async () => {
        rmSync(`${lockPath}.owner`, { force: true });
        await release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code !== 'ELOCKED') throw error;
    }
    if (ownerGone(lockPath)) continue;
    if (Date.now() >= deadline) {
      throw new UsageError(
        `another docs2ts run holds ${what} (lock ${lockPath}): wait for it to end and run again; ` +
          `a lock left by a run that died is taken over after ${STALE_MS / 1000} s`,
      );
    }
    if (!told) request.say?.(`docs2ts: waiting for another docs2ts run on ${what}...\n`);
    told = true;
    await sleep(POLL_MS);
  }
}

/**
 * True when the lock's owner is a process of this machine that no longer runs:
 * its lock is then dated back, so that the next attempt takes it over as stale.
 */
function ownerGone(lockPath: string): boolean {
  try {
    const [pid, host] = readFileSync(`${lockPath}.owner`, 'utf8').trim().split(' ');
    if (host !== os.hostname() || !/^\d+$/.test(pid ?? '') || alive(Number(pid))) return false;
    utimesSync(lockPath, 0, 0);
    return true;
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
