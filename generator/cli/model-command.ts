/** `docs2ts model`: the linked intermediate model as JSON. */
import { buildModel } from '../pipeline/build-model.js';
import { formatSummary } from './summary.js';
import { writeFileAtomic } from './write-file.js';
import { createProgress } from './progress.js';
import { DEFAULT_CACHE_DIR, type CommonOptions } from './options.js';

export interface ModelOptions extends CommonOptions {
  out: string;
  compact?: boolean;
  /** Cache folder for page facts; false with --no-cache. */
  cache?: string | false;
}

export async function runModel(options: ModelOptions): Promise<number> {
  const started = performance.now();
  const progress = createProgress({ quiet: options.quiet });
  const { model, skipped } = await buildModel(options.input, {
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.cache === false ? {} : { cacheDir: options.cache ?? DEFAULT_CACHE_DIR }),
    onProgress: (done, total) => progress.update('parse', done, total),
  }).finally(() => progress.end());
  const json = JSON.stringify(model, null, options.compact ? undefined : 2) + '\n';
  if (options.out === '-') process.stdout.write(json);
  else await writeFileAtomic(options.out, json);
  if (!options.quiet) process.stderr.write(formatSummary(model, skipped, (performance.now() - started) / 1000) + '\n');
  return 0;
}
