/** Where the real Graph docs corpus is, when this machine has it. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusRoot = path.resolve(repoRoot, '../shared/graph-docs');
export const hasCorpus = existsSync(path.join(corpusRoot, 'v1.0'));

if (!hasCorpus) {
  console.warn(`corpus tests skipped: ${corpusRoot} is absent (clone with ../shared beside the repo to run them)`);
}
