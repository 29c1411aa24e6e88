/**
 * Fingerprints are sound: whatever one field of one type or operation becomes, a
 * file whose fingerprint stays the same renders the same text. Every leaf of the
 * emitter test models (inheritance, redeclared properties, open types, cycles,
 * hostile names, ...) and of the docs-input model is changed in turn (strings,
 * numbers, booleans, and absent flags set), then a seeded sample of leaves of a
 * larger model when the corpus is here. Quick mode (`npm run test:quick`) changes a seeded quarter of the leaves of
 * each model. Model files hold two types each, so a type and its base are in different
 * files. A file listed too little in an emitter's `inputs` fails here, naming the
 * field and the file.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../generator/model/ir.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { planOutput } from '../../generator/emit/index.js';
import { clientEmitter } from '../../generator/emit/client.js';
import { createModelsEmitter } from '../../generator/emit/models-emitter.js';
import { createValidatorsEmitter } from '../../generator/emit/validators-emitter.js';
import { repoRoot } from '../helpers/corpus.js';
import { allOrSample, quickNote } from '../helpers/quick.js';
import { sample } from '../helpers/sample.js';
import { CASES, inheritanceTypes } from '../emit/cases.js';
import { complex, GRAPH, modelOf, prop } from '../emit/fixtures.js';
import { makeFixture } from './fixture.js';

type Mutation = { where: string; trail: (string | number)[]; apply: (model: Model) => void };

/** One mutation per leaf below `model.types` and `model.operations`, plus absent flags set. */
function mutations(model: Model): Mutation[] {
  const out: Mutation[] = [];
  const walk = (value: unknown, trail: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...trail, i]));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) walk(child, [...trail, key]);
      const flags = trail.at(-2) === 'properties' || trail.at(-2) === 'navigationProperties' || trail.at(-2) === 'requestBody' ? ['nullable', 'readOnly', 'required'] : trail.length === 2 && trail[0] === 'types' ? ['openType', 'isAbstract'] : [];
      for (const flag of flags) if (!(flag in value)) out.push(at([...trail, flag], () => true));
      if (trail.length === 2 && trail[0] === 'types' && !('keyProperty' in value)) out.push(at([...trail, 'keyProperty'], () => 'id'));
    } else if (typeof value === 'string') out.push(at(trail, (v) => `${v as string} x`));
    else if (typeof value === 'number') out.push(at(trail, (v) => (v as number) + 1));
    else if (typeof value === 'boolean') out.push(at(trail, (v) => !(v as boolean)));
  };
  walk(model.types, ['types']);
  walk(model.operations, ['operations']);
  return out;
}

function at(trail: (string | number)[], change: (value: unknown) => unknown): Mutation {
  return {
    where: trail.join('.'),
    trail,
    apply(model) {
      let target: Record<string | number, unknown> = model as unknown as Record<string, unknown>;
      for (const key of trail.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
      const key = trail.at(-1)!;
      target[key] = change(target[key]);
    },
  };
}

/** Tiny model chunks, so base types and derived types land in different files. */
const EMITTERS = [createModelsEmitter({ chunkSize: 2 }), createValidatorsEmitter({ chunkSize: 2 }), clientEmitter];

function rendered(model: Model): Map<string, { fingerprint: string; render: () => string }> {
  return new Map(planOutput(model, { inputLabel: 'docs', emitters: EMITTERS }).map((plan) => [plan.path, plan]));
}

type Baseline = Map<string, { fingerprint: string; text: string }>;

/** Problems: files whose text changed while their fingerprint did not. */
function unsound(model: Model, base: Baseline, mutation: Mutation): string[] {
  // A JSON copy shares no objects (a placeholder type's source is its first reference's), so one type or operation changes.
  const changed = JSON.parse(JSON.stringify(model)) as Model;
  mutation.apply(changed);
  const problems: string[] = [];
  for (const [file, plan] of rendered(changed)) {
    const before = base.get(file);
    if (!before) continue;
    if (before.fingerprint === plan.fingerprint && before.text !== plan.render()) problems.push(`${mutation.where} changed ${file} but not its fingerprint`);
  }
  return problems;
}

function baseline(model: Model): Baseline {
  return new Map([...rendered(model)].map(([file, plan]) => [file, { fingerprint: plan.fingerprint, text: plan.render() }]));
}

/** Quick mode's share of the leaves, and its seed. */
const QUARTER = 0.25;
const SEED = 20_261_205;
const QUICK = quickNote('a seeded quarter of the fields');

describe('fingerprints', () => {
  const openPair = () => [
    complex('openBase', [prop('name', 'Edm.String')], { openType: true }),
    complex('zOpenDerived', [prop('size', 'Edm.Int32')], { baseType: `${GRAPH}.openBase`, openType: true }),
  ];
  it.each([
    ...Object.entries(CASES).map(([name, c]): [string, () => Model] => [name, () => c.ctx().model]),
    ['inheritance with open base and derived types', () => modelOf([...inheritanceTypes(), ...openPair()])],
  ])(`emitter case %s: every field of every type and operation${QUICK}`, { timeout: 600_000 }, (_, model) => {
    const m = model();
    const base = baseline(m);
    expect(allOrSample(mutations(m), QUARTER, SEED).flatMap((mutation) => unsound(m, base, mutation))).toEqual([]);
  });

  it(`docs-input: every field of every type and operation${QUICK}`, { timeout: 600_000 }, async () => {
    const { model } = await buildModel(path.join(repoRoot, 'docs-input'), { workers: 1 });
    const base = baseline(model);
    const all = mutations(model);
    expect(all.length).toBeGreaterThan(100);
    expect(allOrSample(all, QUARTER, SEED).flatMap((mutation) => unsound(model, base, mutation))).toEqual([]);
  });

  describe('a larger model', () => {
    let model: Model | undefined;
    beforeAll(async () => {
      const fx = await makeFixture();
      if (fx.withCorpus) model = (await buildModel(fx.input, { workers: 1 })).model;
      await fx.cleanup();
    }, 600_000);

    it('a seeded sample of fields (corpus pages; skipped without the corpus)', { timeout: 900_000 }, (ctx) => {
      if (!model) return ctx.skip();
      const base = baseline(model);
      expect(sample(mutations(model), 120, 20_251_122).flatMap((mutation) => unsound(model!, base, mutation))).toEqual([]);
    });
  });
});
