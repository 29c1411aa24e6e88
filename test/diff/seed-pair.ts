/**
 * The seed pages as a pair of docs trees in a temp folder: `old/` holds their
 * 2021 versions from `../shared/graph-docs` (same file names), `new/` a copy of
 * `docs-input/` (the 2024 seeds). The corpus is needed for `old/`: tests using
 * this skip, saying so, when it is absent (`hasCorpus`).
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { corpusRoot, repoRoot } from '../helpers/corpus.js';

export const seedsRoot = path.join(repoRoot, 'docs-input');

export interface SeedPair {
  dir: string;
  old: string;
  new: string;
  /** The seed pages, relative to a docs root. */
  files: string[];
  cleanup: () => Promise<void>;
}

export async function makeSeedPair(): Promise<SeedPair> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-diff-test-'));
  const files = (await readdir(seedsRoot, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.relative(seedsRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, 'old', file)), { recursive: true });
    await cp(path.join(corpusRoot, file), path.join(dir, 'old', file));
  }
  await cp(seedsRoot, path.join(dir, 'new'), { recursive: true });
  return { dir, old: path.join(dir, 'old'), new: path.join(dir, 'new'), files, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
