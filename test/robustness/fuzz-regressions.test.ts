/**
 * Inputs the fuzzer (`npm run fuzz`, `fuzz.test.ts`) found problems with, kept
 * as cases: each runs through extract, link, emit and check and must come out
 * with no failures (no throw, no internal error, every position in its page).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../generator/extract/page.js';
import { applyMutations, type Mutation } from '../../scripts/fuzz/mutate.js';
import { runCase } from '../../scripts/fuzz/run-case.js';
import { repoRoot } from '../helpers/corpus.js';

const BETA_CREATE = 'beta/api/intune-onboarding-compliancemanagementpartner-create.md';
const seedPage = (file: string) => ({ file, apiVersion: file.split('/')[0]!, text: readFileSync(path.join(repoRoot, 'docs-input', file), 'utf8') });

describe('fuzz regressions', () => {
  const cases: [string, { file: string; mutations: Mutation[] }][] = [
    [
      // A lone CR (after `---`) ends a line for mdast but not for `split('\n')`: check findings landed a line off.
      'CRLF page with a long line appended to its first line (lone CR mid-line)',
      { file: BETA_CREATE, mutations: [{ kind: 'line-endings', page: 0, style: 'crlf' }, { kind: 'long-line', page: 0, at: 0, unit: 'a', length: 59137 }] },
    ],
    ['page with lone CR line endings', { file: BETA_CREATE, mutations: [{ kind: 'line-endings', page: 0, style: 'cr' }] }],
    ['page with mixed line endings', { file: BETA_CREATE, mutations: [{ kind: 'line-endings', page: 0, style: 'mixed' }] }],
  ];
  it.each(cases)('%s', async (_, { file, mutations }) => {
    const page = seedPage(file);
    const [text] = applyMutations([page.text], mutations);
    const { failures } = await runCase([{ ...page, text: text! }]);
    expect(failures).toEqual([]);
  });

  it('reads a page with CR line endings exactly as with LF', () => {
    const page = seedPage(BETA_CREATE);
    const lf = extractPage(page);
    const cr = extractPage({ ...page, text: page.text.replace(/\n/g, '\r') });
    expect(cr).toEqual(lf);
  });
});
