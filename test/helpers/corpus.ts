/** Where the real Graph docs corpus is, when this machine has it. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusRoot = path.resolve(repoRoot, '../shared/graph-docs');
/** `DOCS2TS_CORPUS=off` (set by `npm run test:quick`) runs the tests as if the corpus were absent. */
const off = process.env['DOCS2TS_CORPUS'] === 'off';
export const hasCorpus = !off && existsSync(path.join(corpusRoot, 'v1.0'));

if (!hasCorpus) {
  console.warn(
    off
      ? 'corpus tests skipped: DOCS2TS_CORPUS=off (npm run test:quick); npm test runs them'
      : `corpus tests skipped: ${corpusRoot} is absent (clone with ../shared beside the repo to run them)`,
  );
}
