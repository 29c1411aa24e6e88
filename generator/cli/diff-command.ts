/**
 * `docs2ts diff`: the API changes between two versions of the docs, each a
 * folder or a git revision of the repository holding `--input` (head: the
 * working tree by default). Both sides go through the same pipeline and facts
 * cache (the second side reads only the pages the first did not have), and are
 * compared model to model. The same two trees compared again are answered from
 * the cache (`pipeline/diff-results.ts`).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildModel } from '../pipeline/build-model.js';
import { lockCache } from './run-lock.js';
import { diffKey, readDiffResult, writeDiffResult } from '../pipeline/diff-results.js';
import { UsageError } from '../parse/input.js';
import { diffModels } from '../diff/compare.js';
import { permissionRows } from '../diff/permission-rows.js';
import type { DiffResult } from '../diff/change.js';
import { DIFF_FORMATS, type DiffFormatName } from '../diff/formats/index.js';
import { summaryText } from '../diff/formats/format.js';
import { folderSide, lastRunSide, resolveSide, type DiffSide } from './diff-sides.js';
import { DEFAULT_CACHE_DIR, type CommonOptions } from './options.js';

export type FailOn = 'breaking' | 'any';

export interface DiffOptions extends CommonOptions {
  base: string;
  head?: string;
  /** The output folder of the `generate` run `--base last-run` names. */
  out?: string;
  format: DiffFormatName;
  failOn?: FailOn;
  /** Cache folder for page facts and diff results; false with --no-cache (a temporary one then serves both sides). */
  cache?: string | false;
}

export async function runDiff(options: DiffOptions): Promise<number> {
  const started = performance.now();
  if (!(await stat(options.input).catch(() => undefined))?.isDirectory()) throw new UsageError(`input folder ${options.input} does not exist: pass --input with a docs folder`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-diff-'));
  // Locked as `model` locks it: the run writes the facts cache (and reads the last run's facts from it).
  const release = await lockCache(options.cache === false ? null : path.resolve(options.cache ?? DEFAULT_CACHE_DIR), options.quiet);
  try {
    const base =
      options.base === 'last-run'
        ? await lastRunSide(options.input, options.out ?? 'generated', options.cache === false ? false : (options.cache ?? DEFAULT_CACHE_DIR))
        : await resolveSide(options.base, options.input, path.join(scratch, 'base'), '--base');
    const head = options.head === undefined ? await folderSide(options.input) : await resolveSide(options.head, options.input, path.join(scratch, 'head'), '--head');
    const result = await compareSides(base, head, options.cache === false ? { scratch: path.join(scratch, 'cache') } : { cacheDir: options.cache ?? DEFAULT_CACHE_DIR }, options.workers);
    process.stdout.write(DIFF_FORMATS[options.format]({ result, base: base.info, head: head.info }));
    if (!options.quiet) process.stderr.write(`docs2ts diff: ${base.info.label} → ${head.info.label}: ${summaryText(result.summary)} in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
    return exitCode(result, options.failOn);
  } finally {
    await release();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Both models built with one facts cache and compared; the result kept in (or read from) `cacheDir`, never with only a `scratch` cache. */
async function compareSides(base: DiffSide, head: DiffSide, cache: { cacheDir: string } | { scratch: string }, workers: number | undefined): Promise<DiffResult> {
  const cacheDir = 'cacheDir' in cache ? cache.cacheDir : cache.scratch;
  const key = 'cacheDir' in cache ? await diffKey(base.digest, head.digest) : undefined;
  const kept = key === undefined ? undefined : await readDiffResult(cacheDir, key);
  if (kept) return kept;
  const build = async (side: DiffSide) => {
    // The last run's model keeps no permission rows: its permission changes are placed on the operation.
    if (side.model) return { model: side.model, rows: undefined };
    const { model, pages } = await buildModel(await side.folder!(), { ...(workers ? { workers } : {}), cacheDir });
    return { model, rows: permissionRows(model, pages) };
  };
  const [old, now] = [await build(base), await build(head)];
  const result = diffModels(old.model, now.model, { ...(old.rows ? { base: old.rows } : {}), ...(now.rows ? { head: now.rows } : {}) });
  if (key !== undefined) await writeDiffResult(cacheDir, key, result);
  return result;
}

/** 1 when `--fail-on` finds what it names, else 0. */
export function exitCode(result: DiffResult, failOn: FailOn | undefined): number {
  if (failOn === 'breaking') return result.summary.breaking > 0 ? 1 : 0;
  if (failOn === 'any') return result.changes.length > 0 ? 1 : 0;
  return 0;
}
