/**
 * Response types on pages in today's format (test/fixtures/today-operations):
 * an example annotation's `Collection(...)` and `@type` spellings, an annotation
 * naming only `entity` beside a body that says more, and a 202 whose prose links
 * only what its Location header points to.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/pipeline/build-model.js';
import { repoRoot } from '../helpers/corpus.js';

const ROOT = path.join(repoRoot, 'test/fixtures/today-operations');

describe('response types from the Response section and example annotations', async () => {
  const { model } = await buildModel(ROOT, { workers: 1 });
  const response = (stem: string) => {
    const operation = model.operations.find((o) => o.id === `v1.0:${stem}`)!;
    const { status, type, typeFrom } = operation.response;
    return { status, type: type && `${type.name}${type.isCollection ? '[]' : ''}`, typeFrom };
  };

  it('reads `Collection(x)` in an annotation as a collection of x', () => {
    expect(response('notebook-getrecentnotebooks')).toEqual({ status: 200, type: 'microsoft.graph.recentNotebook[]', typeFrom: 'example' });
  });

  it('reads an annotation that writes `@type` for `@odata.type`', () => {
    expect(response('list-get')).toEqual({ status: 200, type: 'microsoft.graph.list', typeFrom: 'example' });
  });

  it('prefers the body\'s @odata.context to an annotation naming only entity', () => {
    expect(response('planneruser-list-delta')).toEqual({ status: 200, type: 'microsoft.graph.plannerDelta[]', typeFrom: 'example' });
  });

  it('reads no body type for a 202 whose prose links only where the Location header points', () => {
    expect(response('team-clone')).toEqual({ status: 202, type: null, typeFrom: undefined });
  });
});
