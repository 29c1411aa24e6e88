/**
 * `docs2ts diff`: the API changes between two versions of the docs, each a
 * folder or a git revision of the repository holding `--input` (head: the
 * working tree by default). Both sides go through the same pipeline and facts
 * cache (the second side reads only the pages the first did not have), and are
 * compared model to model.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildModel } from '../pipeline/build-model.js';
import { UsageError } from '../parse/input.js';
import type { Model } from '../model/ir.js';
import { diffModels } from '../diff/compare.js';
import type { DiffResult } from '../diff/change.js';
import { DIFF_FORMATS, type DiffFormatName } from '../diff/formats/index.js';
import { summaryText, type SideInfo } from '../diff/formats/format.js';
import { writeRevisionTree } from './git-tree.js';
import { DEFAULT_CACHE_DIR, type CommonOptions } from './options.js';

export type FailOn = 'breaking' | 'any';

export interface DiffOptions extends CommonOptions {
  base: string;
  head?: string;
  format: DiffFormatName;
  failOn?: FailOn;
  /** Cache folder for page facts; false with --no-cache (a temporary one then serves both sides). */
  cache?: string | false;
}

export async function runDiff(options: DiffOptions): Promise<number> {
  const started = performance.now();
  if (!(await stat(options.input).catch(() => undefined))?.isDirectory()) throw new UsageError(`input folder ${options.input} does not exist: pass --input with a docs folder`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-diff-'));
  try {
    const cacheDir = options.cache === false ? path.join(scratch, 'cache') : (options.cache ?? DEFAULT_CACHE_DIR);
    const build = async (folder: string): Promise<Model> => (await buildModel(folder, { ...(options.workers ? { workers: options.workers } : {}), cacheDir })).model;
    const base = await sideFolder(options.base, options, path.join(scratch, 'base'), '--base');
    const head = options.head === undefined ? { folder: options.input, info: { label: options.input, root: options.input } } : await sideFolder(options.head, options, path.join(scratch, 'head'), '--head');
    const result = diffModels(await build(base.folder), await build(head.folder));
    process.stdout.write(DIFF_FORMATS[options.format]({ result, base: base.info, head: head.info }));
    if (!options.quiet) process.stderr.write(`docs2ts diff: ${base.info.label} → ${head.info.label}: ${summaryText(result.summary)} in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
    return exitCode(result, options.failOn);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** 1 when `--fail-on` finds what it names, else 0. */
export function exitCode(result: DiffResult, failOn: FailOn | undefined): number {
  if (failOn === 'breaking') return result.summary.breaking > 0 ? 1 : 0;
  if (failOn === 'any') return result.changes.length > 0 ? 1 : 0;
  return 0;
}

/** A side named on the command line: an existing folder as it is, else a git revision written into `dest`. */
async function sideFolder(spec: string, options: DiffOptions, dest: string, option: string): Promise<{ folder: string; info: SideInfo }> {
  if ((await stat(spec).catch(() => undefined))?.isDirectory()) return { folder: spec, info: { label: spec, root: spec } };
  await writeRevisionTree(options.input, spec, dest, option);
  return { folder: dest, info: { label: spec, root: options.input } };
}
