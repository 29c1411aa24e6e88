/**
 * The feed that hands rendered files to the pool's prettier: every file comes
 * back once, under its own path; no more tasks are out than the pool has
 * threads; the largest waiting files go first; batches shrink towards the end;
 * a failed task fails the whole feed. A fake pool stands in for the workers,
 * answering when the test says so.
 */
import { describe, expect, it } from 'vitest';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import { batchBytes, FormatFeed, MAX_BATCH_BYTES, MIN_BATCH_BYTES, type FormatPool } from '../../generator/pipeline/format-feed.js';

interface Task {
  files: EmittedFile[];
  answer: () => void;
  fail: (error: Error) => void;
}

/** A pool whose tasks wait in `tasks` until answered (formatting = upper-casing). */
function fakePool(threads: number): FormatPool & { tasks: Task[]; open: () => Task[]; maxOut: number } {
  const tasks: Task[] = [];
  let out = 0;
  const pool = {
    threads,
    tasks,
    maxOut: 0,
    open: () => tasks.filter((task) => !(task as Task & { settled?: boolean }).settled),
    format(files: EmittedFile[]): Promise<string[]> {
      pool.maxOut = Math.max(pool.maxOut, ++out);
      return new Promise((resolve, reject) => {
        const task: Task & { settled?: boolean } = {
          files,
          answer: () => ((task.settled = true), out--, resolve(files.map((f) => f.content.toUpperCase()))),
          fail: (error) => ((task.settled = true), out--, reject(error)),
        };
        tasks.push(task);
      });
    },
  };
  return pool;
}

const file = (name: string, bytes: number): EmittedFile => ({ path: `v1.0/${name}.ts`, content: name.padEnd(bytes, 'x') });
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Answers open tasks, oldest first, until the feed settles. */
async function answerAll(pool: ReturnType<typeof fakePool>, settled: () => boolean): Promise<void> {
  while (!settled()) {
    pool.open()[0]?.answer();
    await tick();
  }
}

describe('batchBytes', () => {
  it.each([
    ['little waiting', 1_000, 2, MIN_BATCH_BYTES],
    ['a share of what waits', 400_000, 2, 100_000],
    ['a lot waiting', 50_000_000, 2, MAX_BATCH_BYTES],
    ['more threads, smaller shares', 400_000, 4, 50_000],
  ])('%s', (_, waiting, threads, want) => {
    expect(batchBytes(waiting, threads)).toBe(want);
  });
});

describe('FormatFeed', () => {
  it('formats every file once, under its own path, with at most one task per thread', async () => {
    const pool = fakePool(2);
    const got = new Map<string, string>();
    const feed = new FormatFeed(pool, (path, content) => {
      expect(got.has(path)).toBe(false);
      got.set(path, content);
    });
    const files = Array.from({ length: 200 }, (_, i) => file(`f${i}`, 1_000 + ((i * 7919) % 90_000)));
    for (const [i, f] of files.entries()) {
      feed.add(f);
      if (i % 3 === 0) pool.open()[0]?.answer();
      await tick();
    }
    let settled = false;
    const closing = feed.close().then(() => (settled = true));
    await answerAll(pool, () => settled);
    await closing;
    expect(new Map(files.map((f) => [f.path, f.content.toUpperCase()]))).toEqual(got);
    expect(pool.maxOut).toBe(2);
    expect(pool.tasks.length).toBeLessThan(files.length / 2);
  });

  it('sends the largest waiting files first, in batches that shrink at the end', async () => {
    const pool = fakePool(2);
    const feed = new FormatFeed(pool, () => {});
    const sizes = Array.from({ length: 300 }, (_, i) => 2_000 + ((i * 104_729) % 60_000));
    sizes.forEach((bytes, i) => feed.add(file(`f${i}`, bytes)));
    let settled = false;
    const closing = feed.close().then(() => (settled = true));
    await answerAll(pool, () => settled);
    await closing;
    const sent = pool.tasks.map((task) => task.files.map((f) => f.content.length));
    // The first two tasks went out as the first two files arrived; after them, sizes only go down.
    const after = sent.slice(2).flat();
    expect(after).toEqual([...after].sort((a, b) => b - a));
    const batchSizes = sent.slice(2).map((batch) => batch.reduce((a, b) => a + b, 0));
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    expect(batchSizes.at(-1)!).toBeLessThan(batchSizes[0]!);
    expect(sent.flat().length).toBe(sizes.length);
  });

  it('sends a file larger than a batch alone', async () => {
    const pool = fakePool(1);
    const feed = new FormatFeed(pool, () => {});
    feed.add(file('small', 10));
    feed.add(file('huge', MAX_BATCH_BYTES * 2));
    feed.add(file('other', 10));
    let settled = false;
    const closing = feed.close().then(() => (settled = true));
    await answerAll(pool, () => settled);
    await closing;
    expect(pool.tasks.map((task) => task.files.map((f) => f.path))).toEqual([['v1.0/small.ts'], ['v1.0/huge.ts'], ['v1.0/other.ts']]);
  });

  it('fails with the first failed task, once the tasks out are back', async () => {
    const pool = fakePool(2);
    const feed = new FormatFeed(pool, () => {});
    for (let i = 0; i < 10; i++) feed.add(file(`f${i}`, 100_000));
    const closing = feed.close();
    let settled = false;
    closing.catch(() => {}).finally(() => (settled = true));
    const [first, second] = pool.open();
    first!.fail(new Error('prettier broke'));
    await tick();
    expect(settled).toBe(false);
    expect(pool.open()).toEqual([second]);
    second!.answer();
    await expect(closing).rejects.toThrow('prettier broke');
    expect(pool.tasks).toHaveLength(2);
  });

  it('settles at once with nothing to format', async () => {
    const pool = fakePool(2);
    await new FormatFeed(pool, () => {}).close();
    expect(pool.tasks).toHaveLength(0);
  });
});
