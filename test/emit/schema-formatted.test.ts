/**
 * Files an emitter marks `formatted` (the validators' schema chunks) are not
 * formatted by runs, so their text must be what prettier gives: checked on every
 * emitter case and on docs-input (the corpus's are in `test/corpus/model.test.ts`).
 * A chunk whose runtime import prettier would rewrite is not marked.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { planOutput } from '../../generator/emit/index.js';
import { createValidatorsEmitter } from '../../generator/emit/validators-emitter.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';
import { CASES } from './cases.js';
import { unformattedMarked } from './formatted-check.js';

describe('files marked formatted', () => {
  it.each(Object.keys(CASES))('are what prettier gives, in the %s case', async (name) => {
    const c = CASES[name]!;
    const plans = createValidatorsEmitter(c.options)
      .plan!(c.ctx())
      .map((plan) => ({ ...plan, emitter: 'validators', fingerprint: '' }));
    const { checked, differ } = await unformattedMarked(plans);
    expect(checked).toBeGreaterThan(0);
    expect(differ).toEqual([]);
  });

  it('are what prettier gives, on docs-input, and are the schema chunks', async () => {
    const { model } = await buildModel(path.join(repoRoot, 'docs-input'), { workers: 1 });
    const plans = planOutput(model, { inputLabel: 'docs-input', emitters: EMITTERS });
    const { checked, differ } = await unformattedMarked(plans);
    expect(differ).toEqual([]);
    expect(checked).toBe(plans.filter((plan) => /\/validators\/schema\/(?!index\.ts$)/.test(plan.path)).length);
    expect(checked).toBeGreaterThan(0);
  });
});
