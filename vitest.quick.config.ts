/**
 * `npm run test:quick`: the suite without the corpus (`DOCS2TS_CORPUS=off`) and
 * without the stress tests that run many whole processes, for a quick answer
 * while working. `npm test` runs everything. `DOCS2TS_QUICK=1` makes the tests that
 * loop over every case of something large take a seeded sample or fewer runs
 * (`test/helpers/quick.ts`; each such test's name says what it samples).
 *
 * Test files share their worker's loaded modules (`isolate: false`): each file
 * no longer loads TypeScript, ts-morph, prettier and remark afresh, which was
 * half the run's CPU time. The files that replace a module with `vi.mock` run
 * isolated, as in `npm test`, so their stand-ins reach no other file.
 */
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** Files that mock a module (`vi.mock`): each needs a module registry of its own. */
const MOCKING = ['test/cli/write-errors.test.ts', 'test/pipeline/extract-page-failure.test.ts', 'test/pipeline/write-atomic.test.ts'];

const LEFT_OUT = [
  ...configDefaults.exclude,
  'test/corpus/**',
  // Twenty rounds of two concurrent generate processes each.
  'test/cli/concurrent-generate.test.ts',
  // Thousands of random pages and runs killed mid-write.
  'test/robustness/fuzz.test.ts',
  'test/robustness/kill.test.ts',
  // Hostile pages timed against their size, pages stopped past their time budget, a packed tarball installed.
  'test/parse/pathological.test.ts',
  'test/robustness/page-budget.test.ts',
  'test/e2e/**',
  // The bench itself (seeds only): a dozen whole docs2ts runs, each timed, and node started ten times for a median.
  'test/scripts/bench.test.ts',
];

/** A group of files with the base settings (timeouts) and no corpus; the groups are disjoint. */
const project = (name: string, include: string[], exclude: string[], pool: 'forks' | 'threads') => ({
  test: { ...base.test, name, include, exclude: [...LEFT_OUT, ...exclude], pool, env: { DOCS2TS_CORPUS: 'off', DOCS2TS_QUICK: '1' } },
});

export default defineConfig({
  test: {
    ...base.test,
    // The forks pool's processes each run many files, keeping their modules; the mocking files get the threads
    // pool, where each file still has a fresh worker (`isolate` is the pool's, not a project's).
    poolOptions: { forks: { ...base.test?.poolOptions?.forks, isolate: false } },
    projects: [project('shared', ['test/**/*.test.ts'], MOCKING, 'forks'), project('isolated', MOCKING, [], 'threads')],
  },
});
