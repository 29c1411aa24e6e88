/** `docs2ts model`: the linked intermediate model as JSON. */
import path from 'node:path';
import { UsageError } from '../parse/input.js';
import { buildModel } from '../pipeline/build-model.js';
import { formatSummary } from '../pipeline/summary.js';
import { writeAtomic } from '../pipeline/write-atomic.js';
import { createProgress } from './progress.js';
import { DEFAULT_CACHE_DIR, type CommonOptions } from './options.js';
import { lockCache } from './run-lock.js';
import { readHead } from '../pipeline/output-owner.js';
import { modelToEmit, type OutputOptions } from '../pipeline/output-options.js';

export interface ModelOptions extends CommonOptions {
  out: string;
  compact?: boolean;
  /** Cache folder for page facts; false with --no-cache. */
  cache?: string | false;
  /** The slice (config and flags: `output-flags.ts`): the model holds only what it keeps. */
  output?: OutputOptions;
}

export async function runModel(options: ModelOptions): Promise<number> {
  const started = performance.now();
  const progress = createProgress({ quiet: options.quiet });
  // Absolute, as generate's (`generateRequest`); locked, since the run writes the facts cache.
  if (options.out !== '-') refuseForeignFile(options.out);
  const cacheDir = options.cache === false ? null : path.resolve(options.cache ?? DEFAULT_CACHE_DIR);
  const release = await lockCache(cacheDir, options.quiet);
  const { model: whole, skipped } = await buildModel(options.input, {
    ...(options.workers ? { workers: options.workers } : {}),
    ...(cacheDir === null ? {} : { cacheDir }),
    onProgress: (done, total) => progress.update('parse', done, total),
  }).finally(() => {
    progress.end();
    return release();
  });
  const { model } = modelToEmit(whole, options.output);
  const json = JSON.stringify(model, null, options.compact ? undefined : 2) + '\n';
  if (options.out === '-') process.stdout.write(json);
  else await writeAtomic(options.out, json);
  if (!options.quiet) process.stderr.write(formatSummary(model, skipped, (performance.now() - started) / 1000) + '\n');
  return 0;
}

/** `--out FILE` replaces a model file docs2ts wrote, never another file (its head names docs2ts as the generator). */
function refuseForeignFile(file: string): void {
  let head: string;
  try {
    head = readHead(file, 256);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`--out ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): choose another file`);
  }
  if (!MODEL_HEAD.test(head)) throw new UsageError(`--out ${file} exists and is not a model file docs2ts wrote: remove it or choose another file`);
}

const MODEL_HEAD = /^\{\s*"schemaVersion":\s*\d+,\s*"generator":\s*\{\s*"name":\s*"docs2ts"/;
