/**
 * The results of the last few `docs2ts diff` runs, by what was compared: the
 * content of both sides' pages (a digest of each page's name and content hash,
 * or of its git blob id) and the code that compares them (link, emit and diff
 * modules). Comparing the same two trees again reads the result back instead of
 * building both models: the warm `diff` figure of `scripts/bench-diff.ts`.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiffResult } from '../diff/change.js';
import type { InputPage } from '../parse/input.js';
import { codeIds, graphId } from './incremental/code-id.js';
import { hashOf } from '../model/hash.js';
import { inputsDigest } from './incremental/run-manifest.js';
import { hashPage } from './page-includes.js';
import { writeAtomic } from './write-atomic.js';

/** Results kept; older ones are deleted when a new one is written. */
const KEEP = 8;
const FORMAT = 1;

/** The digest of a folder's pages: names and content hashes. */
export function folderDigest(pages: readonly InputPage[]): string {
  return inputsDigest(pages.map((page) => ({ file: page.file, hash: hashPage(page) ?? 'unreadable' })));
}

/** The digest of a git revision's pages: names and blob ids (git's content hashes). */
export function blobsDigest(blobs: readonly { file: string; object: string }[]): string {
  return hashOf('git blobs', ...blobs.flatMap((blob) => [blob.file, blob.object]));
}

let diffCode: Promise<string> | undefined;

/** The cache key of comparing `base` with `head` (side digests) with this generator. */
export async function diffKey(base: string, head: string): Promise<string> {
  const extension = path.extname(fileURLToPath(import.meta.url));
  diffCode ??= graphId([fileURLToPath(new URL(`../diff/compare${extension}`, import.meta.url))], []);
  return hashOf(String(FORMAT), (await codeIds()).emit, await diffCode, base, head);
}

function fileOf(cacheDir: string, key: string): string {
  return path.join(cacheDir, 'diff', `${key}.json`);
}

/** The result kept under `key`, or undefined when there is none or it is unreadable. */
export async function readDiffResult(cacheDir: string, key: string): Promise<DiffResult | undefined> {
  try {
    const result = JSON.parse(await readFile(fileOf(cacheDir, key), 'utf8')) as DiffResult;
    return Array.isArray(result?.changes) && typeof result.summary?.breaking === 'number' ? result : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `result` under `key`, and the `KEEP` newest results only. A cache that cannot be written is no error. */
export async function writeDiffResult(cacheDir: string, key: string, result: DiffResult): Promise<void> {
  try {
    await writeAtomic(fileOf(cacheDir, key), JSON.stringify(result));
    const folder = path.join(cacheDir, 'diff');
    const names = (await readdir(folder)).filter((name) => name.endsWith('.json'));
    if (names.length <= KEEP) return;
    const dated = await Promise.all(names.map(async (name) => ({ name, time: (await stat(path.join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
    dated.sort((a, b) => b.time - a.time);
    await Promise.all(dated.slice(KEEP).map(({ name }) => rm(path.join(folder, name), { force: true })));
  } catch {
    // The result was printed; keeping it only saves the next identical run.
  }
}
