/** The resource an operation acts on, when its response names none: the resource its page is named after (`group-delete` → group). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';

describe('operation resource', async () => {
  const { model } = await buildModel(path.join(repoRoot, 'test/fixtures/today'), { workers: 1 });
  const resource = (stem: string) => model.operations.find((o) => o.id === `v1.0:${stem}`)?.resource;

  it('comes from the response type when it names a documented type', () => {
    expect(resource('user-get')).toBe('microsoft.graph.user');
  });

  it('comes from the page name when the response has no type (a 204 delete)', () => {
    expect(resource('group-delete')).toBe('microsoft.graph.group');
  });
});
