/**
 * The worker pool (piscina): one thread per core by default, each with its own
 * markdown processor and prettier. Tasks are named after `worker.ts` exports.
 * Run from `.ts` sources (tests), the threads load `worker.ts` through tsx.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import type { InputPage } from '../parse/input.js';
import type { EmittedFile } from '../emit/emitter.js';
import type { ExtractedPage } from './extract-page-file.js';

export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism());
}

export class WorkerPool {
  private readonly piscina: Piscina;

  constructor(readonly threads: number) {
    const fromSource = import.meta.url.endsWith('.ts');
    // Loaded here rather than imported: runs that need no pool never load it.
    const { Piscina: Pool } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
    this.piscina = new Pool({
      filename: new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 1000,
      ...(fromSource ? { execArgv: [...process.execArgv, '--import', tsxLoader()] } : {}),
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

function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}
