/**
 * Atomic output: a real `node bin/docs2ts.js generate` child is killed with
 * SIGKILL at moments spread over its run (fractions of a measured full run)
 * and just after its staging folder appears (while it writes). After every
 * kill the output folder must be whole: byte-identical to the previous output,
 * or (killed after the swap) to the complete new one. The next run must then
 * complete, give the new output and leave no staging or backup folder behind.
 *
 * Input: a slice of the corpus copied to a temp dir, or a synthetic docs tree
 * when the corpus is absent. Needs `dist/` (`npm test` builds it first).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../generator/pipeline/output-dir.js';
import { tempDir } from '../emit/client-harness.js';
import { repoRoot } from '../helpers/corpus.js';
import { docsTree } from './docs-tree.js';

const BIN = path.join(repoRoot, 'bin/docs2ts.js');
const BUILT = existsSync(path.join(repoRoot, 'dist/generator/cli/main.js'));
const FRACTIONS = [0.1, 0.3, 0.5, 0.7, 0.85, 0.95];
const AFTER_STAGING_MS = [0, 20, 80];

type Snapshot = Map<string, string>;
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stderr: string;
  killed: boolean;
}

async function snapshot(dir: string): Promise<Snapshot> {
  return new Map(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), 'base64')]));
}

const same = (a: Snapshot, b: Snapshot) => a.size === b.size && [...a].every(([file, content]) => b.get(file) === content);

/** Staging and backup folders `writeOutputDir` leaves beside `out` when killed. */
const leftovers = (out: string) => readdirSync(path.dirname(out)).filter((name) => name.startsWith(`.${path.basename(out)}.`));

/** Runs generate; `kill` decides when to send SIGKILL (resolve to kill now). */
function generate(input: string, out: string, kill?: (started: number) => Promise<unknown>): Promise<Run> {
  // Run beside the output (cwd), as a user would: whatever the CLI keeps there (a cache) is killed mid-run too.
  const child = spawn(process.execPath, [BIN, 'generate', '-i', input, '-o', out, '-q'], { cwd: path.dirname(out), stdio: ['ignore', 'ignore', 'pipe'] });
  const started = Date.now();
  let stderr = '';
  let killed = false;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Run>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started, stderr, killed })),
  );
  if (kill) {
    void Promise.race([kill(started), exited]).then(() => {
      if (child.exitCode === null && child.signalCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
  }
  return exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once a new staging folder for `out` exists (not one a killed run left), then after `delay` ms. */
async function afterStaging(out: string, delay: number, giveUpMs: number): Promise<void> {
  const old = new Set(leftovers(out));
  const until = Date.now() + giveUpMs;
  while (Date.now() < until && !leftovers(out).some((name) => name.includes('.new-') && !old.has(name))) await sleep(1);
  await sleep(delay);
}

describe.skipIf(!BUILT)('generate killed at any moment', () => {
  let tmp: ReturnType<typeof tempDir>;
  let previousInput: string;
  let input: string;
  let out: string;
  let before: Snapshot;
  let after: Snapshot;
  let fullRunMs: number;

  beforeAll(async () => {
    tmp = tempDir('kill');
    previousInput = path.join(tmp.dir, 'docs-a');
    input = path.join(tmp.dir, 'docs-b');
    const a = docsTree(previousInput, 30);
    const b = docsTree(input, 70);
    console.log(`kill test input: ${b.source} docs, ${a.pages} pages before, ${b.pages} pages in the killed runs`);
    out = path.join(tmp.dir, 'generated');
    const first = await generate(previousInput, out);
    expect(first.code, first.stderr).toBe(0);
    before = await snapshot(out);
    const reference = path.join(tmp.dir, 'reference', 'generated'); // its own cwd, so nothing is shared with the killed runs
    mkdirSync(path.dirname(reference));
    const full = await generate(input, reference);
    expect(full.code, full.stderr).toBe(0);
    after = await snapshot(reference);
    expect(same(before, after)).toBe(false);
    // Time the killed runs' own kind of run: in out's cwd, with the cache the first runs left there
    // (a cold run in another cwd takes longer, so its fractions would land after the swap).
    const timed = await generate(input, out);
    expect(timed.code, timed.stderr).toBe(0);
    fullRunMs = timed.ms;
    expect((await generate(previousInput, out)).code).toBe(0);
  }, 300_000);
  afterAll(() => tmp?.remove());

  it('leaves the previous output whole whenever it is killed, and the next run recovers', async () => {
    const outcomes: string[] = [];
    const record = async (label: string, run: Run) => {
      const now = await snapshot(out);
      const state = same(now, before) ? 'previous' : same(now, after) ? 'new' : existsSync(out) ? 'MIXED' : 'MISSING';
      outcomes.push(`${label}: ${run.killed ? `killed at ${run.ms} ms` : `finished (${run.code}) at ${run.ms} ms`} → ${state}`);
      return state;
    };
    const states: string[] = [];
    for (const fraction of FRACTIONS) {
      // Run times vary with machine load: a run that finished before its kill re-times the next attempt.
      for (let attempt = 0; attempt < 3; attempt++) {
        const planned = Math.round(fraction * fullRunMs);
        const run = await generate(input, out, (started) => sleep(Math.max(0, started + planned - Date.now())));
        states.push(await record(`${Math.round(fraction * 100)}% of ${fullRunMs} ms`, run));
        if (states.at(-1) === 'new') await generate(previousInput, out); // back to the previous output for the next kill
        if (run.killed) break;
        fullRunMs = run.ms;
      }
    }
    for (const delay of AFTER_STAGING_MS) {
      const waiting = afterStaging(out, delay, 4 * fullRunMs);
      const run = await generate(input, out, () => waiting);
      states.push(await record(`${delay} ms after staging appeared`, run));
      if (states.at(-1) === 'new') await generate(previousInput, out);
    }
    console.log(`kill outcomes:\n  ${outcomes.join('\n  ')}`);
    expect(states.every((state) => state === 'previous' || state === 'new'), outcomes.join('\n')).toBe(true);
    // The test has power only if kills land before the swap: the early fractions always do.
    expect(states.filter((state) => state === 'previous').length, outcomes.join('\n')).toBeGreaterThanOrEqual(FRACTIONS.length / 2);

    const next = await generate(input, out);
    expect(next.code, next.stderr).toBe(0);
    expect(same(await snapshot(out), after)).toBe(true);
    expect(leftovers(out)).toEqual([]);
  }, 600_000);

  it('repairs a run killed between the two renames of the swap (output under its backup name)', async () => {
    const first = await generate(previousInput, out);
    expect(first.code).toBe(0);
    const backup = path.join(tmp.dir, '.generated.old-1-1');
    renameSync(out, backup);
    mkdirSync(path.join(tmp.dir, '.generated.new-1-1/v1.0'), { recursive: true });
    writeFileSync(path.join(tmp.dir, '.generated.new-1-1/v1.0/half-written.ts'), 'export const x =');
    const next = await generate(input, out);
    expect(next.code, next.stderr).toBe(0);
    expect(same(await snapshot(out), after)).toBe(true);
    expect(leftovers(out)).toEqual([]);
  }, 300_000);
});

if (!BUILT) console.warn('kill test skipped: dist/ is not built (run npm run build, or npm test)');
