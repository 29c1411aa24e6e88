/**
 * A type cell naming several types (`[a](a.md) or [b](b.md)`), on today's pages
 * (test/fixtures/today): the property's type is their nearest common documented
 * base type (info), else the first with a warning.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';

describe('type cells naming several types', async () => {
  const { model } = await buildModel(path.join(repoRoot, 'test/fixtures/today'), { workers: 1 });
  const call = model.types.find((t) => t.fullName === 'microsoft.graph.call')!;
  const property = (name: string) => call.properties.find((p) => p.name === name)!;
  const diagnostics = model.diagnostics.filter((d) => d.code === 'type-alternatives' && d.file.endsWith('/resources/call.md')).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`);

  it('reads call.mediaConfig as mediaConfig, the base both alternatives derive from', () => {
    expect(property('mediaConfig').type).toEqual({ name: 'microsoft.graph.mediaConfig', isCollection: false });
  });

  it('keeps the first of unrelated types, with a warning; an info where a base was found', () => {
    expect(property('owner').type).toEqual({ name: 'microsoft.graph.user', isCollection: false });
    expect(diagnostics).toEqual([
      'api-reference/v1.0/resources/call.md:18:17 info Unexpected several types (`microsoft.graph.appHostedMediaConfig`, `microsoft.graph.serviceHostedMediaConfig`) in one type cell, expected one type (read as their common base type `microsoft.graph.mediaConfig`)',
      'api-reference/v1.0/resources/call.md:19:11 warning Unexpected several unrelated types (`microsoft.graph.user`, `microsoft.graph.group`) in one type cell, expected one type or types with a common documented base type (read as the first, `microsoft.graph.user`)',
    ]);
  });

  it('adds no type for the alternatives: each is its own documented type', () => {
    expect(model.types.filter((t) => /mediaconfig/i.test(t.fullName)).map((t) => `${t.fullName} ${t.origin}`)).toEqual([
      'microsoft.graph.appHostedMediaConfig documented',
      'microsoft.graph.mediaConfig documented',
      'microsoft.graph.serviceHostedMediaConfig documented',
    ]);
  });
});

describe('parameter cells naming several types', async () => {
  const { model } = await buildModel(path.join(repoRoot, 'test/fixtures/today'), { workers: 1 });
  const answer = model.operations.find((o) => o.id === 'v1.0:call-answer')!;
  const parameter = (name: string) => answer.parameters.find((p) => p.name === name)!;
  const file = 'api-reference/v1.0/api/call-answer.md';

  it('reads an action parameter as the common base type, else the first', () => {
    expect(parameter('mediaConfig').type).toEqual({ name: 'microsoft.graph.mediaConfig', isCollection: false });
    expect(parameter('callOptions').type).toEqual({ name: 'microsoft.graph.user', isCollection: false });
  });

  it('reports them at the parameter rows, as for properties', () => {
    expect(model.diagnostics.filter((d) => d.code === 'type-alternatives' && d.file === file).map((d) => `${d.line}:${d.column} ${d.severity}`)).toEqual([
      '35:1 info',
      '36:1 warning',
    ]);
  });
});
