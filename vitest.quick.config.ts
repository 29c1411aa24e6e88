/**
 * `npm run test:quick`: the suite without the corpus (`DOCS2TS_CORPUS=off`) and
 * without the stress tests that run many whole processes, for a quick answer
 * while working. `npm test` runs everything.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      env: { DOCS2TS_CORPUS: 'off' },
      exclude: [
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
      ],
    },
  }),
);
