/**
 * The render step with prettier in a pool (here a stand-in that formats in this
 * thread, one batch at a time, answering in its own order) gives the same files
 * as formatting each file in this thread; files kept from the last run are
 * neither rendered nor formatted. Under vitest there is no worker pool (see
 * `pool.ts`); `cli.test.ts` runs the real one through the compiled CLI.
 */
import { describe, expect, it } from 'vitest';
import type { OutputRecord } from '../../generator/cache/run-manifest.js';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { formatFile } from '../../generator/emit/format.js';
import { planOutput } from '../../generator/emit/index.js';
import type { FormatPool } from '../../generator/pipeline/format-feed.js';
import { renderChanged } from '../../generator/pipeline/render.js';
import { fixtureModel } from '../emit/client-fixtures.js';

/** The fixture model's files, three times over (under `copy-N/`), to be more than the pool's threshold. */
const plans = [1, 2, 3].flatMap((n) => planOutput(fixtureModel, { inputLabel: 'test-fixtures', emitters: EMITTERS }).map((plan) => ({ ...plan, path: `copy-${n}/${plan.path}` })));

/** Formats in this thread; answers the batches out of order (the later first). */
function inThreadPool(): FormatPool & { batches: number } {
  const pool = {
    threads: 2,
    batches: 0,
    format(files: EmittedFile[]): Promise<string[]> {
      pool.batches++;
      const delay = new Promise((resolve) => setTimeout(resolve, pool.batches % 2 === 0 ? 0 : 5));
      return delay.then(() => Promise.all(files.map(async (file) => (await formatFile(file)).content)));
    },
  };
  return pool;
}

describe('renderChanged', () => {
  it('has enough files for the pool', () => {
    expect(plans.length).toBeGreaterThan(64);
  });

  it('gives the same files with the pool as in this thread, in fewer tasks than files', async () => {
    const alone = await renderChanged(plans, () => undefined);
    const pool = inThreadPool();
    const progress: number[] = [];
    const pooled = await renderChanged(plans, () => undefined, { pool: () => pool, onProgress: (done) => progress.push(done) });
    for (const plan of plans) {
      expect(pooled.content(plan.path), plan.path).toBe(alone.content(plan.path));
      expect(pooled.unformatted(plan.path)).toBe(alone.unformatted(plan.path));
    }
    expect(pooled.formatted).toBe(plans.length);
    expect(progress).toEqual(plans.map((_, i) => i + 1));
    expect(pool.batches).toBeGreaterThan(1);
    expect(pool.batches).toBeLessThan(plans.length);
  });

  it('neither renders nor formats what the last run kept', async () => {
    const first = await renderChanged(plans, () => undefined);
    const record = (path: string): OutputRecord => ({ path, size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0, hash: '', fingerprint: 'old', unformatted: first.unformatted(path)! });
    const [same, textSame, ...rest] = plans;
    const kept = new Map([
      [same!.path, { ...record(same!.path), fingerprint: same!.fingerprint }],
      [textSame!.path, record(textSame!.path)],
    ]);
    const pool = inThreadPool();
    const again = await renderChanged(plans, (file) => kept.get(file), { pool: () => pool });
    expect(again.rendered).toBe(plans.length - 1);
    expect(again.formatted).toBe(plans.length - 2);
    expect(again.content(same!.path)).toBeNull();
    expect(again.content(textSame!.path)).toBeNull();
    for (const plan of rest) expect(again.content(plan.path)).toBe(first.content(plan.path));
  });
});
