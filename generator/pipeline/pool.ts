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
import type { EmittedFile } from '../emit/emitter.js';
import type { ExtractedPage } from './extract-page-file.js';

const POOL_AVAILABLE = !import.meta.url.endsWith('.ts');

/** Whether a run with this many workers uses threads (the pool, the side thread): from compiled code, with two or more. */
export function usesThreads(workers: number): boolean {
  return workers > 1 && POOL_AVAILABLE;
}

/** Worker threads get a larger young generation than their default: parsing allocates short-lived objects fast, and scavenges dominated. */
export const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 64 };

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
