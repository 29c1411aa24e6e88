/**
 * The worker pool (piscina): one thread per core by default, each with its own
 * markdown processor and prettier. Tasks are named after `worker.ts` exports.
 * Only the compiled generator has one: run from `.ts` sources (under vitest),
 * worker threads could not load the worker module (loader hooks such as tsx's do
 * not hold in Node 20 worker threads), so everything runs in the calling thread.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import type { InputPage } from '../parse/input.js';
import type { EmittedFile } from '../emit/emitter.js';
import type { ExtractedPage } from './extract-page-file.js';

export const POOL_AVAILABLE = !import.meta.url.endsWith('.ts');

/** Worker threads get a larger young generation than their default: parsing allocates short-lived objects fast, and scavenges dominated. */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 64 };

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

export class WorkerPool {
  private readonly piscina: Piscina;

  constructor(readonly threads: number) {
    // Loaded here rather than imported: runs that need no pool never load it.
    const { Piscina: Pool } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
    this.piscina = new Pool({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1000,
      resourceLimits: RESOURCE_LIMITS,
    });
  }

  extract(pages: InputPage[]): Promise<ExtractedPage[]> {
    return this.piscina.run(pages, { name: 'extract' }) as Promise<ExtractedPage[]>;
  }

  format(files: EmittedFile[]): Promise<string[]> {
    return this.piscina.run(files, { name: 'format' }) as Promise<string[]>;
  }

  async destroy(): Promise<void> {
    await this.piscina.destroy();
  }
}

/**
 * One thread of its own (`extract-thread.ts`) for the page or two an edit
 * changed, while this thread reads the cached facts of the others or plans from
 * a snapshot. Starting it costs this thread a few milliseconds (no piscina, no
 * second thread). It loads the extractor as soon as it starts, so a caller that
 * expects an edit starts it before knowing which pages changed (`generate`
 * does, before stamping the input). It extracts once, then ends; unused, it is
 * terminated by `close`.
 */
export class ExtractThread {
  private readonly worker: Worker | undefined;
  /** Undefined once the thread failed or ended. */
  private failed: Promise<undefined>;
  private used = false;

  constructor() {
    let worker: Worker | undefined;
    try {
      worker = new Worker(new URL('./extract-thread.js', import.meta.url), { resourceLimits: RESOURCE_LIMITS });
    } catch {
      worker = undefined;
    }
    // Idle, it must not hold the process (`extract` holds it while the pages are out).
    worker?.unref();
    this.worker = worker;
    this.failed = new Promise((resolve) => {
      if (!worker) return resolve(undefined);
      // Listened to from the start: an error in an idle thread must not be thrown here.
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    });
  }

  /** The pages' results in order, or undefined when the thread failed in any way (the caller extracts here then). */
  extract(pages: readonly InputPage[]): Promise<ExtractedPage[] | undefined> {
    const worker = this.worker;
    if (!worker || this.used) return Promise.resolve(undefined);
    this.used = true;
    const done = new Promise<ExtractedPage[] | undefined>((resolve) => {
      worker.once('message', (results: ExtractedPage[]) => {
        // The thread ends by itself; it must not hold the process meanwhile.
        worker.unref();
        resolve(Array.isArray(results) && results.length === pages.length ? results : undefined);
      });
    });
    worker.ref();
    worker.postMessage(pages);
    return Promise.race([done, this.failed]);
  }

  /** Ends the thread if it was never given pages. */
  async close(): Promise<void> {
    if (this.worker && !this.used) await this.worker.terminate().catch(() => undefined);
  }
}
