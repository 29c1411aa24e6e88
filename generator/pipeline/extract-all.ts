/**
 * Extracts pages: in the worker pool when given one (however few the pages: only a thread can be
 * stopped by the page budget, `page-budget.ts`), else (from sources) in this
 * thread. In the pool, pages go in batches of about the same size in bytes (so
 * no thread waits on one with all the large pages), in the order of their file
 * names, so a beta page and its v1.0 twin meet in one thread's parse memo.
 * Results come back in input order whatever the pool does.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { InputPage } from '../parse/input.js';
import { compareStrings } from '../model/diagnostic.js';
import { extractPageFile, type ExtractedPage } from './extract-page-file.js';
import type { WorkerPool } from './pool.js';

export interface ExtractOptions {
  /** The pool, created on first need; absent means this thread. */
  pool?: () => WorkerPool;
  /** Bytes per page where known, for batching. */
  sizes?: readonly number[];
  onProgress?: (done: number, total: number) => void;
}

/** From this many pages, extraction starts in the pool as soon as it can (`startLoad`). */
export const POOL_THRESHOLD = 64;
const BATCH_BYTES = 256 * 1024;
const BATCH_PAGES = 64;
/**
 * Pages extracted in this thread give the event loop a turn this often (ms), so the
 * caller's timers and I/O still run during a long extraction (a test runner's RPC
 * answers, a watcher's events) rather than waiting for the last page.
 */
const TURN_MS = 50;

export async function extractAll(pages: readonly InputPage[], options: ExtractOptions = {}): Promise<ExtractedPage[]> {
  const out: ExtractedPage[] = [];
  if (!options.pool || pages.length === 0) {
    let turn = performance.now();
    for (const page of pages) {
      out.push(await extractPageFile(page));
      options.onProgress?.(out.length, pages.length);
      if (performance.now() - turn >= TURN_MS) {
        await nextTurn();
        turn = performance.now();
      }
    }
    return out;
  }
  const pool = options.pool();
  const order = twinsTogether(pages);
  const sizes = options.sizes && order.map((i) => options.sizes![i]!);
  let done = 0;
  await Promise.all(
    batches(pages.length, sizes).map(async ([start, end]) => {
      const indexes = order.slice(start, end);
      const results = await pool.extract(indexes.map((i) => pages[i]!));
      indexes.forEach((index, n) => (out[index] = results[n]!));
      done += end - start;
      options.onProgress?.(done, pages.length);
    }),
  );
  return out;
}

/** Page indexes ordered by file name, then path: `beta/api/x.md` beside `v1.0/api/x.md`. */
export function twinsTogether(pages: readonly InputPage[]): number[] {
  const names = pages.map((page) => page.file.slice(page.file.lastIndexOf('/') + 1));
  return pages.map((_, i) => i).sort((a, b) => compareStrings(names[a]!, names[b]!) || compareStrings(pages[a]!.file, pages[b]!.file));
}

/** [start, end) ranges of consecutive pages. */
function batches(count: number, sizes: readonly number[] | undefined): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    bytes += sizes?.[i] ?? 4096;
    if (bytes >= BATCH_BYTES || i + 1 - start >= BATCH_PAGES || i === count - 1) {
      ranges.push([start, i + 1]);
      start = i + 1;
      bytes = 0;
    }
  }
  return ranges;
}
