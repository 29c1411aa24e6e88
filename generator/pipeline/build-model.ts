/** The model stage end to end: find pages, extract them (or take them from the cache), link them. */
import path from 'node:path';
import { discoverPages, type SkippedFile } from '../parse/input.js';
import { linkModel } from '../model/link.js';
import type { Model } from '../model/ir.js';
import type { PageFacts } from '../extract/facts.js';
import { codeIds } from './incremental/code-id.js';
import { FactsStore } from './incremental/facts-store.js';
import { loadPages, pageStates } from './incremental/load-pages.js';
import { stampFile } from './incremental/survey.js';
import { lazyPool } from './pool.js';

export interface BuildOptions {
  /** Worker threads; 1 runs in this thread. Default: available cores. */
  workers?: number;
  /** Cache folder for page facts; absent: no cache. */
  cacheDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildResult {
  model: Model;
  pages: PageFacts[];
  skipped: SkippedFile[];
}

export async function buildModel(input: string, options: BuildOptions = {}): Promise<BuildResult> {
  const set = await discoverPages(input);
  const store = options.cacheDir ? await FactsStore.open(path.join(options.cacheDir, 'facts')) : undefined;
  const pool = lazyPool(options.workers);
  try {
    const states = pageStates(set.pages, { pageStamps: set.pages.map((page) => stampFile(page.absolutePath)) }, undefined, 0, store !== undefined && !store.empty);
    const { facts } = await loadPages(states, { factsId: (await codeIds()).facts, store, pool: pool.extract, onProgress: options.onProgress });
    await store?.close().catch(() => undefined);
    const model = linkModel({ pages: facts, inputDiagnostics: set.diagnostics });
    return { model, pages: facts, skipped: set.skipped };
  } finally {
    await pool.destroy();
  }
}
