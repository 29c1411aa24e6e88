/**
 * The worker pool (piscina): one thread per core by default, each with its own
 * markdown processor and prettier. Tasks are named after `worker.ts` exports.
 * Only the compiled generator has one: run from `.ts` sources (under vitest),
 * worker threads could not load the worker module (loader hooks such as tsx's do
 * not hold in Node 20 worker threads), so everything runs in the calling thread.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import type { Piscina } from 'piscina';
import type { InputPage } from '../parse/input.js';
import type { EmittedFile, PrintJob } from '../emit/emitter.js';
import type { FormattedByParts, LastOutput, SplitText } from '../emit/format.js';
import type { ExtractedPage } from './extract-page-file.js';
import { extractWithin, pageBudget, type PageBudget } from './page-budget.js';

const POOL_AVAILABLE = !import.meta.url.endsWith('.ts');

/** Whether a run with this many workers uses threads (the pool): from compiled code, with two or more. */
export function usesThreads(workers: number): boolean {
  return workers > 1 && POOL_AVAILABLE;
}

/** Whether extraction can go to a thread, which the per-page budget needs (only a thread can be stopped): from compiled code. */
export function threadsAvailable(): boolean {
  return POOL_AVAILABLE;
}

/**
 * Worker threads get a larger young generation than their default: parsing allocates short-lived objects fast, and
 * scavenges dominated. Their old generation is the page budget's memory: a thread past it ends, out of memory.
 */
export function resourceLimits(budget: PageBudget): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number } {
  return { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: budget.mb };
}

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

export class WorkerPool {
  private readonly piscina: Piscina;
  private readonly budget = pageBudget();

  constructor(readonly threads: number) {
    // Loaded here rather than imported: runs that need no pool never load it.
    const { Piscina: Pool } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
    this.piscina = new Pool({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1000,
      resourceLimits: resourceLimits(this.budget),
    });
  }

  /** The pages' facts in order, within the page budget: a page past it is `page-too-complex`, the others are extracted. */
  extract(pages: InputPage[]): Promise<ExtractedPage[]> {
    return extractWithin(pages, this.budget, (batch, clock, signal) => this.piscina.run({ pages: batch, clock }, { name: 'extract', signal }) as Promise<ExtractedPage[]>);
  }

  format(files: EmittedFile[]): Promise<string[]> {
    return this.piscina.run(files, { name: 'format' }) as Promise<string[]>;
  }

  print(job: PrintJob): Promise<string> {
    return this.piscina.run(job, { name: 'print' }) as Promise<string>;
  }

  formatByParts(file: EmittedFile, split: SplitText, last: LastOutput): Promise<FormattedByParts | undefined> {
    return this.piscina.run({ file, split, last }, { name: 'formatByParts' }) as Promise<FormattedByParts | undefined>;
  }

  /** Has a thread load ts-morph and prettier now (in a one-thread pool, the tasks that follow find them warm). */
  warm(): Promise<void> {
    return this.piscina.run(null, { name: 'warm' }) as Promise<void>;
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}

/**
 * A render thread, for a run that re-renders a few files (an edit) in a fresh
 * process: a one-thread pool that extracts the changed pages, then loads ts-morph
 * and prettier (`warm`) while this thread links and plans, then prints and formats
 * the files (`incremental/render.ts`). Loading the two here would be a third of a
 * second of such a run. Undefined without threads (`usesThreads`).
 */
export function renderThread(workers = defaultWorkers()): WorkerPool | undefined {
  return usesThreads(workers) ? new WorkerPool(1) : undefined;
}

/**
 * A pool made on first use (never from sources), ended by `destroy`. `get` gives
 * the pool for any work (never, for one worker); `extract`, the pool for
 * extraction, one thread for one worker (the page budget holds only in a thread:
 * `page-budget.ts`).
 */
export function lazyPool(workers = defaultWorkers()): {
  get: (() => WorkerPool) | undefined;
  extract: (() => WorkerPool) | undefined;
  destroy: () => Promise<void>;
} {
  let pool: WorkerPool | undefined;
  const threads = usesThreads(workers);
  const make = () => (pool ??= new WorkerPool(workers));
  return {
    get: threads ? make : undefined,
    extract: threadsAvailable() ? make : undefined,
    destroy: async () => {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
