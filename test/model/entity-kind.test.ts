/**
 * Entity or complex, on today's pages (test/fixtures/today): a type with an `id` that
 * another type's Relationships table navigates to is an entity (`message.mentions` →
 * `mention`), though no page operates on it; without that navigation it stays complex.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';

const TODAY = path.join(repoRoot, 'test/fixtures/today');

describe('entity kind', async () => {
  const kindIn = (types: { fullName: string; kind: string }[], name: string) => types.find((t) => t.fullName === `microsoft.graph.${name}`)?.kind;
  const { model } = await buildModel(TODAY, { workers: 1 });
  const copy = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-entity-kind-'));
  afterAll(() => rm(copy, { recursive: true, force: true }));
  await cp(TODAY, copy, { recursive: true });
  await rm(path.join(copy, 'api-reference/v1.0/resources/message.md'));
  const without = await buildModel(copy, { workers: 1 });

  it('makes a type with an id that a navigation property targets an entity', () => {
    expect(kindIn(model.types, 'mention')).toBe('entity');
  });

  it('keeps the same type complex when nothing navigates to it', () => {
    expect(kindIn(without.model.types, 'mention')).toBe('complex');
  });
});
