/**
 * Extracts every page: in this thread for small inputs or `workers: 1`, else in
 * a worker-thread pool. Results come back in input order whatever the pool does.
 */
import os from 'node:os';
import { Piscina } from 'piscina';
import type { InputPage } from '../parse/input.js';
import type { PageFacts } from '../extract/facts.js';
import { extractPageFile } from './extract-worker.js';

export interface ExtractOptions {
  /** Worker threads; 1 runs in this thread. Default: available cores. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

const BATCH = 64;
/** Below this many pages a pool costs more than it saves. */
const POOL_THRESHOLD = 200;

export async function extractAll(pages: readonly InputPage[], options: ExtractOptions = {}): Promise<PageFacts[]> {
  const workers = Math.max(1, options.workers ?? os.availableParallelism());
  if (workers === 1 || pages.length < POOL_THRESHOLD) {
    const out: PageFacts[] = [];
    for (const page of pages) {
      out.push(await extractPageFile(page));
      options.onProgress?.(out.length, pages.length);
    }
    return out;
  }
  const pool = new Piscina({
    filename: new URL('./extract-worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  });
  try {
    let done = 0;
    const batches: InputPage[][] = [];
    for (let i = 0; i < pages.length; i += BATCH) batches.push(pages.slice(i, i + BATCH));
    const results = await Promise.all(
      batches.map(async (batch) => {
        const facts = (await pool.run(batch)) as PageFacts[];
        done += batch.length;
        options.onProgress?.(done, pages.length);
        return facts;
      }),
    );
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
