/**
 * The render step with prettier in a pool (here a stand-in that formats in this
 * thread, one batch at a time, answering in its own order) gives the same files
 * as formatting each file in this thread; files kept from the last run, or
 * written as prettier would (`PlannedFile.formatted`), are not formatted; a file whose last output reads back as recorded
 * has only its changed parts formatted; a renderer (a render thread) prints and
 * formats few files (the jobs cloned, as a thread gets them). Under vitest there is
 * no worker pool (see `pool.ts`); `cli.test.ts` runs the real one and the render
 * thread (after an edit) through the compiled CLI.
 */
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../generator/model/hash.js';
import type { OutputRecord } from '../../../generator/pipeline/incremental/run-manifest.js';
import type { EmittedFile } from '../../../generator/emit/emitter.js';
import { EMITTERS } from '../../../generator/emit/emitters.js';
import { formatByParts, formatFile } from '../../../generator/emit/format.js';
import { joinParts, splitParts, statementParts } from '../../../generator/emit/format-parts.js';
import { planOutput } from '../../../generator/emit/index.js';
import type { FormatPool } from '../../../generator/pipeline/format-feed.js';
import { renderChanged, type Renderer } from '../../../generator/pipeline/incremental/render.js';
import { printJob } from '../../../generator/emit/ts-print.js';
import { fixtureModel } from '../../emit/client-fixtures.js';

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
      expect(pooled.source(plan.path)).toEqual(alone.source(plan.path));
    }
    // Files their emitter writes as prettier would are given as rendered, not formatted.
    const marked = plans.filter((plan) => plan.formatted);
    expect(marked.length).toBeGreaterThan(0);
    for (const plan of marked) expect(alone.content(plan.path)).toBe(plan.render());
    expect(pooled.formatted).toBe(plans.length - marked.length);
    expect(progress).toEqual(plans.map((_, i) => i + 1));
    expect(pool.batches).toBeGreaterThan(1);
    expect(pool.batches).toBeLessThan(plans.length);
  });

  it('prints and formats through a renderer (a render thread) what it gives, the same files as in this thread', async () => {
    const alone = await renderChanged(plans, () => undefined);
    const calls = { print: 0, format: 0 };
    const renderer: Renderer = {
      print: async (job) => (calls.print++, printJob(structuredClone(job))),
      formatByParts: (file, split, last) => formatByParts(file, split, last),
      format: (files) => (calls.format++, Promise.all(files.map(async (file) => (await formatFile(file)).content))),
    };
    // Few files: the renderer is used (with many, this thread prints while the pool formats).
    const few = plans.slice(0, 20);
    const rendered = await renderChanged(few, () => undefined, { renderer });
    for (const plan of few) expect(rendered.content(plan.path), plan.path).toBe(alone.content(plan.path));
    expect(calls.print).toBe(few.filter((plan) => plan.print).length);
    expect(calls.print).toBeGreaterThan(5);
    expect(calls.format).toBe(few.filter((plan) => !plan.formatted).length);
  });

  it('neither renders nor formats what the last run kept', async () => {
    const first = await renderChanged(plans, () => undefined);
    const record = (path: string): OutputRecord => ({ path, size: 0, mtimeMs: 0, ctimeMs: 0, ino: 0, hash: '', fingerprint: 'old', unformatted: first.source(path)!.unformatted });
    const [same, textSame, ...rest] = plans;
    const kept = new Map([
      [same!.path, { ...record(same!.path), fingerprint: same!.fingerprint }],
      [textSame!.path, record(textSame!.path)],
    ]);
    const pool = inThreadPool();
    const again = await renderChanged(plans, (file) => kept.get(file), { pool: () => pool });
    expect(again.rendered).toBe(plans.length - 1);
    expect(again.formatted).toBe(rest.filter((plan) => !plan.formatted).length);
    expect(again.content(same!.path)).toBeNull();
    expect(again.content(textSame!.path)).toBeNull();
    for (const plan of rest) expect(again.content(plan.path)).toBe(first.content(plan.path));
  });

  it('records the part hashes of every file whose output splits into as many parts', async () => {
    const first = await renderChanged(plans, () => undefined);
    for (const plan of plans) {
      const parts = first.source(plan.path)!.parts;
      // Runtime files are one part; files not formatted have no part to format again.
      if (/runtime\.ts$/.test(plan.path) || plan.formatted) expect(parts, plan.path).toBeUndefined();
      else expect(parts, plan.path).toHaveLength(splitParts(first.content(plan.path)!).length);
    }
  });

  describe('a file whose last output is kept, after an edit of one part', () => {
    const plan = plans.find((p) => p.path === 'copy-1/v1.0/client/device-management-partner.ts')!;
    const parts = statementParts(plan.render())!;
    // Rendered from text, not printed (no `print`): the edit is made to the text.
    const { print: _print, ...printed } = plan;
    const edited = { ...printed, render: () => joinParts(parts.map((part, i) => (i === 4 ? `// Edited.\n${part}` : part))) };
    const lastRun = () => renderChanged([plan], () => undefined);
    const record = (last: Awaited<ReturnType<typeof lastRun>>): OutputRecord => ({
      path: plan.path,
      size: 0,
      mtimeMs: 0,
      ctimeMs: 0,
      ino: 0,
      hash: hashOf(last.content(plan.path)!),
      fingerprint: 'old',
      ...last.source(plan.path)!,
    });

    it('formats only the edited part, taking the others from the last output, and gives what formatting whole gives', async () => {
      expect(parts.length).toBeGreaterThan(10);
      const last = await lastRun();
      const again = await renderChanged([edited], () => record(last), { lastOutput: () => last.content(plan.path)! });
      expect(again).toMatchObject({ formatted: 1, formattedParts: 1, reusedParts: parts.length - 1 });
      expect(again.content(plan.path)).toBe((await formatFile({ path: plan.path, content: edited.render() })).content);
      expect(again.source(plan.path)!.parts).toHaveLength(parts.length);
    });

    it.each([
      ['the last output reads back with another hash', (content: string) => `${content}\n`],
      ['the last output cannot be read', () => undefined],
    ])('formats the file whole when %s', async (_, read) => {
      const last = await lastRun();
      const again = await renderChanged([edited], () => record(last), { lastOutput: () => read(last.content(plan.path)!) });
      expect(again).toMatchObject({ formatted: 1, formattedParts: 0, reusedParts: 0 });
      expect(again.content(plan.path)).toBe((await formatFile({ path: plan.path, content: edited.render() })).content);
    });
  });
});
