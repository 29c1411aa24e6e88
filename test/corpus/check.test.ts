/**
 * `docs2ts check` over the whole real corpus (../shared/graph-docs): it must
 * finish without internal errors and place every finding on a real line.
 * Skips, saying so (test/helpers/corpus.ts), when the corpus is absent.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { diskPages } from '../../generator/check/page-text.js';
import { runRules, type CheckResult } from '../../generator/check/run-check.js';
import { RULE_IDS } from '../../generator/check/types.js';
import { corpusRoot, hasCorpus } from '../helpers/corpus.js';

describe.skipIf(!hasCorpus)('check of ../shared/graph-docs', () => {
  let result: CheckResult;

  it('finishes without internal errors', { timeout: 1_800_000 }, async () => {
    // In this thread: under vitest the worker pool cannot load the TypeScript worker file.
    const build = await buildModel(corpusRoot, { workers: 1 });
    result = runRules(build, diskPages(corpusRoot));
    expect(result.internalErrors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
  });

  it('runs every rule and places every finding on a line and column', () => {
    expect(result.rules.map((r) => r.id)).toEqual(expect.arrayContaining([...RULE_IDS]));
    const misplaced = result.findings.filter((f) => !(f.line >= 1 && f.column >= 1 && f.file !== ''));
    expect(misplaced).toEqual([]);
  });

  it('gives every finding a distinct fingerprint within its rule and file', () => {
    const keys = result.findings.map((f) => `${f.ruleId} ${f.file} ${f.fingerprint}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
