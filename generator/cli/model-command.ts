/** `docs2ts model`: the linked intermediate model as JSON. */
import path from 'node:path';
import { buildModel } from '../pipeline/build-model.js';
import { formatSummary } from './summary.js';
import { writeFileAtomic } from './write-file.js';
import { createProgress } from './progress.js';
import { DEFAULT_CACHE_DIR, DEFAULT_LOCK_WAIT_SECONDS, type CommonOptions } from './options.js';
import { lockRun } from './run-lock.js';

export interface ModelOptions extends CommonOptions {
  out: string;
  compact?: boolean;
  /** Cache folder for page facts; false with --no-cache. */
  cache?: string | false;
}

export async function runModel(options: ModelOptions): Promise<number> {
  const started = performance.now();
  const progress = createProgress({ quiet: options.quiet });
  // Absolute, as generate's (`generateRequest`); locked, since the run writes the facts cache.
  const cacheDir = options.cache === false ? null : path.resolve(options.cache ?? DEFAULT_CACHE_DIR);
  const release = await lockRun({ cacheDir, waitMs: DEFAULT_LOCK_WAIT_SECONDS * 1000, ...(options.quiet ? {} : { say: (line: string) => void process.stderr.write(line) }) });
  const { model, skipped } = await buildModel(options.input, {
    ...(options.workers ? { workers: options.workers } : {}),
    ...(cacheDir === null ? {} : { cacheDir }),
    onProgress: (done, total) => progress.update('parse', done, total),
  }).finally(() => {
    progress.end();
    return release();
  });
  const json = JSON.stringify(model, null, options.compact ? undefined : 2) + '\n';
  if (options.out === '-') process.stdout.write(json);
  else await writeFileAtomic(options.out, json);
  if (!options.quiet) process.stderr.write(formatSummary(model, skipped, (performance.now() - started) / 1000) + '\n');
  return 0;
}
