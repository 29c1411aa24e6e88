/**
 * The bounded fuzz run of `npm test` (the long one is `npm run fuzz`): real
 * pages from docs-input, the hostile fixtures, the attack pages (issue 17) and a sample of the corpus,
 * damaged by fast-check (lines dropped, duplicated, swapped; table rows broken;
 * code blocks cut; fences and comments unbalanced; long lines; odd Unicode;
 * CR, CRLF, BOM), then extracted, linked, emitted (every 10th case formatted
 * with prettier) and checked in process. Every case must finish with no throw,
 * no internal error, emitted TypeScript that parses, and every diagnostic,
 * finding and fact position inside its page. A JSON body cut short must give a
 * json diagnostic between its fence and the cut.
 *
 * FUZZ_SEED=<n> replays another seed; a failure prints the seed and path to
 * replay (fast-check's report) and the shrunk mutations.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutJsonProperty, damagedPagesProperty, jsonTargets } from '../../scripts/fuzz/properties.js';
import { runCase } from '../../scripts/fuzz/run-case.js';
import { loadGroup, seedGroups } from '../../scripts/fuzz/seeds.js';
import { corpusRoot, hasCorpus, repoRoot } from '../helpers/corpus.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20_241_122);
const CORPUS_GROUPS = 40;
const DAMAGED_RUNS = 120;
const CUT_JSON_RUNS = 40;
/** Long lines stay under the extractor's 20,000-character cut here (the parser's cost grows fast past it); the regression tests and `npm run fuzz` go beyond. */
const MAX_LONG_LINE = 6_000;

/** The pages that once stopped or stalled a run (`scripts/fuzz/attack-pages.ts` writes them). */
const ATTACKS = path.join(repoRoot, 'test/fixtures/attacks');

const groups = [
  ...seedGroups(path.join(repoRoot, 'docs-input')),
  ...seedGroups(path.join(repoRoot, 'test/fixtures/hostile')),
  ...seedGroups(ATTACKS),
  ...(hasCorpus ? seedGroups(corpusRoot, CORPUS_GROUPS) : []),
];

describe('bounded fuzz', () => {
  it('seeds come from docs-input, the hostile fixtures, the attack pages and (when present) the corpus', () => {
    expect(groups.length).toBeGreaterThanOrEqual(hasCorpus ? 4 + CORPUS_GROUPS : 4);
  });

  it('the attack pages, undamaged, go through every stage with their limits reported', async () => {
    const [attacks] = seedGroups(ATTACKS);
    expect(attacks!.files).toHaveLength(21);
    const { failures, model } = await runCase(loadGroup(attacks!), { format: true });
    expect(failures).toEqual([]);
    const codes = new Set(model!.diagnostics.map((d) => d.code));
    for (const code of ['json-too-deep', 'nesting-too-deep', 'table-too-wide', 'emphasis-too-many', 'line-too-long']) expect(codes).toContain(code);
  }, 120_000);

  it(`${DAMAGED_RUNS} damaged page groups go through extract, link, emit and check`, async () => {
    await fc.assert(damagedPagesProperty(groups, { formatEvery: 10, maxLongLine: MAX_LONG_LINE }), { numRuns: DAMAGED_RUNS, seed: SEED });
  }, 120_000);

  it(`${CUT_JSON_RUNS} JSON bodies cut short each give a json diagnostic in the block`, async () => {
    const targets = jsonTargets(groups.slice(0, hasCorpus ? 3 + 12 : 3));
    expect(targets.length).toBeGreaterThan(3);
    await fc.assert(cutJsonProperty(targets), { numRuns: CUT_JSON_RUNS, seed: SEED });
  }, 120_000);
});
