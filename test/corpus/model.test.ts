/**
 * The whole real corpus (../shared/graph-docs) through the model stage, and the
 * files marked formatted checked against prettier. Skips, saying so, when the corpus
 * is absent.
 */
import { describe, expect, it } from 'vitest';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { planOutput } from '../../generator/emit/index.js';
import { buildModel, type BuildResult } from '../../generator/pipeline/build-model.js';
import { unformattedMarked } from '../emit/formatted-check.js';
import { corpusRoot, hasCorpus } from '../helpers/corpus.js';

describe.skipIf(!hasCorpus)('model of ../shared/graph-docs', () => {
  let result: BuildResult;
  const model = () => result.model;

  it('reads every page without an internal error', { timeout: 600_000 }, async () => {
    result = await buildModel(corpusRoot);
    expect(model().pages.total).toBe(11_290);
    expect(model().diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
  });

  it('accounts for every page in the summary', () => {
    const { byKind, total, empty } = model().pages;
    expect(Object.values(byKind).reduce((a, b) => a + b, 0)).toBe(total);
    expect(empty).toBeLessThan(total);
  });

  it.each([
    ['v1.0', 'microsoft.graph.user', 'entity', 'microsoft.graph.directoryObject'],
    ['v1.0', 'microsoft.graph.message', 'entity', 'microsoft.graph.outlookItem'],
    ['v1.0', 'microsoft.graph.recipient', 'complex', null],
    ['beta', 'microsoft.graph.deviceManagementPartner', 'entity', 'microsoft.graph.entity'],
    ['v1.0', 'microsoft.graph.callRecords.callRecord', 'entity', 'microsoft.graph.entity'],
  ])('links %s %s as %s with base type %s', (apiVersion, fullName, kind, baseType) => {
    const type = model().types.find((t) => t.apiVersion === apiVersion && t.fullName === fullName);
    expect(type).toMatchObject({ kind, baseType });
  });

  it('resolves the property types of message', () => {
    const message = model().types.find((t) => t.apiVersion === 'v1.0' && t.fullName === 'microsoft.graph.message');
    const typeOf = (name: string) => message?.properties.find((p) => p.name === name)?.type;
    expect(typeOf('toRecipients')).toEqual({ name: 'microsoft.graph.recipient', isCollection: true });
    expect(typeOf('body')).toEqual({ name: 'microsoft.graph.itemBody', isCollection: false });
    expect(typeOf('importance')).toEqual({ name: 'microsoft.graph.importance', isCollection: false });
    expect(typeOf('isRead')).toEqual({ name: 'Edm.Boolean', isCollection: false });
    expect(typeOf('receivedDateTime')).toEqual({ name: 'Edm.DateTimeOffset', isCollection: false });
  });

  it('gives every operation a method and a path, except on pages that say why not', () => {
    const operations = model().operations;
    const withoutPath = operations.filter((o) => o.paths.length === 0);
    expect(withoutPath.length / operations.length).toBeLessThan(0.01);
  });

  it('writes every file marked formatted (the schema chunks) as prettier does', { timeout: 300_000 }, async () => {
    const plans = planOutput(model(), { inputLabel: 'graph-docs', emitters: EMITTERS });
    const { checked, differ } = await unformattedMarked(plans);
    expect(differ).toEqual([]);
    expect(checked).toBe(plans.filter((plan) => /\/validators\/schema\/(?!index\.ts$)/.test(plan.path)).length);
    expect(checked).toBeGreaterThan(50);
  });
});
