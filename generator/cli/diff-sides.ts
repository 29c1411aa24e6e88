/**
 * The two sides of `docs2ts diff` as the command line names them: a folder as
 * it is, or a git revision of the repository holding `--input`, whose pages are
 * written into a temporary folder only when its model must be built. Each side
 * has a digest of its pages' content, for the diff results cache.
 */
import { stat } from 'node:fs/promises';
import { discoverPages, UsageError } from '../parse/input.js';
import type { Model } from '../model/ir.js';
import { lastRunModel } from '../pipeline/last-run.js';
import type { SideInfo } from '../diff/formats/format.js';
import { blobsDigest, folderDigest } from '../pipeline/diff-results.js';
import { listRevision, writeRevision } from './git-tree.js';

export interface DiffSide {
  info: SideInfo;
  /** Names and content of the side's pages, digested. */
  digest: string;
  /** The folder to build the side's model from (a revision is written into `scratch` on first call)... */
  folder?: () => Promise<string>;
  /** ...or the model itself (the last run's). */
  model?: Model;
}

/** `--base last-run`: the model the last `generate` of `input` into `out` left in `cacheDir`. */
export async function lastRunSide(input: string, out: string, cacheDir: string | false): Promise<DiffSide> {
  if (cacheDir === false) throw new UsageError('--base last-run reads the last run from the cache: drop --no-cache');
  const last = await lastRunModel(cacheDir, input, out);
  if (!last) throw new UsageError(`--base last-run: ${cacheDir} holds no run of docs2ts generate of ${input} into ${out} by this version of docs2ts: run docs2ts generate first, or pass --out with the folder it wrote`);
  return { info: { label: 'last-run', root: input }, digest: last.digest, model: last.model };
}

/** `spec` as a folder when one exists by that name, else as a revision; `option` (`--base`) names it in messages. */
export async function resolveSide(spec: string, input: string, scratch: string, option: string): Promise<DiffSide> {
  if ((await stat(spec).catch(() => undefined))?.isDirectory()) return folderSide(spec);
  const tree = await listRevision(input, spec, option);
  let written: Promise<string> | undefined;
  return {
    info: { label: spec, root: input },
    digest: blobsDigest(tree.blobs),
    folder: () => (written ??= writeRevision(tree, scratch).then(() => scratch)),
  };
}

/** A folder as it is now. */
export async function folderSide(folder: string): Promise<DiffSide> {
  return { info: { label: folder, root: folder }, digest: folderDigest((await discoverPages(folder)).pages), folder: async () => folder };
}
