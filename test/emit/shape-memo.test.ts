/**
 * The shape memo (`emit/shape-memo.ts`): values restored from a saved memo plan
 * exactly what computing them plans (paths, fingerprints, texts), and a saved
 * memo is used only for the shape it was saved for and only when it fits.
 * docs-input always; every 8th v1.0 corpus page when the corpus is here (name
 * collisions, derived types, client groups on real data).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { planOutput } from '../../generator/emit/index.js';
import { ShapeMemo, type SavedShapeMemo } from '../../generator/emit/shape-memo.js';
import type { Model } from '../../generator/model/ir.js';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { discoverPages } from '../../generator/parse/input.js';
import { linkModel } from '../../generator/model/link.js';
import { extractPage } from '../../generator/extract/page.js';
import { corpusRoot, hasCorpus, repoRoot } from '../helpers/corpus.js';

const CODECS = ['names', 'model-names', 'client-groups'];

/** Every file of the plan: path, fingerprint and text. */
function planned(model: Model, memos?: Map<string, ShapeMemo>): [string, string, string][] {
  return planOutput(model, { inputLabel: 'input', emitters: EMITTERS, ...(memos ? { memo: (version: string) => memos.get(version) } : {}) }).map((file) => [
    file.path,
    file.fingerprint,
    file.render(),
  ]);
}

/** Memos filled by planning `model`, saved and read back as JSON. */
function savedMemos(model: Model): Map<string, SavedShapeMemo> {
  const memos = new Map(model.apiVersions.map((version) => [version, new ShapeMemo()]));
  planned(model, memos);
  return new Map([...memos].map(([version, memo]) => [version, JSON.parse(JSON.stringify(memo.save())) as SavedShapeMemo]));
}

function restoring(saved: Map<string, SavedShapeMemo>): Map<string, ShapeMemo> {
  return new Map([...saved].map(([version, memo]) => [version, new ShapeMemo(memo)]));
}

async function corpusSample(): Promise<Model> {
  const { pages } = await discoverPages(corpusRoot);
  const picked = pages.filter((page) => page.apiVersion === 'v1.0').filter((_, i) => i % 8 === 0);
  const facts = await Promise.all(picked.map(async (page) => extractPage({ file: page.file, apiVersion: page.apiVersion, text: await readFile(page.absolutePath, 'utf8') })));
  return linkModel({ pages: facts });
}

/** Loaded once for all of a model's cases. */
function once(load: () => Promise<Model>): () => Promise<Model> {
  let model: Promise<Model> | undefined;
  return () => (model ??= load());
}

const models: [string, () => Promise<Model>][] = [['docs-input', once(async () => (await buildModel(path.join(repoRoot, 'docs-input'))).model)]];
if (hasCorpus) models.push(['every 8th v1.0 corpus page', once(corpusSample)]);

describe.each(models)('shape memo on %s', (_, load) => {
  it('restored values plan the same files, fingerprints and texts as computed ones', { timeout: 300_000 }, async () => {
    const model = await load();
    const memos = restoring(savedMemos(model));
    expect(planned(model, memos)).toEqual(planned(model));
    for (const memo of memos.values()) expect(memo.restored).toBe(CODECS.length);
    expect(Object.keys([...savedMemos(model).values()][0]!.values).sort()).toEqual([...CODECS].sort());
  });

  it('a memo saved for another shape is not used', { timeout: 300_000 }, async () => {
    const model = await load();
    const saved = savedMemos(model);
    // An operation retitled: names and groups may move, so nothing saved for its version's old shape may be used.
    const retitled: Model = { ...model, operations: model.operations.map((operation, i) => (i === 0 ? { ...operation, title: `${operation.title} renamed` } : operation)) };
    const memos = restoring(saved);
    expect(planned(retitled, memos)).toEqual(planned(retitled));
    // The other versions' shapes did not change: their memos serve.
    for (const [version, memo] of memos) expect(memo.restored).toBe(version === model.operations[0]!.apiVersion ? 0 : CODECS.length);
  });

  it('saved values that do not fit are computed again', { timeout: 300_000 }, async () => {
    const model = await load();
    const broken = new Map(
      [...savedMemos(model)].map(([version, memo]): [string, SavedShapeMemo] => [
        version,
        {
          shape: memo.shape,
          values: {
            names: { types: [], operations: 'x' },
            'model-names': { types: [1, 2, 3] },
            'client-groups': [['stem', [1_000_000]]],
          },
        },
      ]),
    );
    const memos = restoring(broken);
    expect(planned(model, memos)).toEqual(planned(model));
    expect([...memos.values()].reduce((n, memo) => n + memo.restored, 0)).toBe(0);
  });
});
