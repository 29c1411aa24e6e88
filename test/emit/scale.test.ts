/**
 * A synthetic model the size of the Graph beta surface (5,500 types): the
 * emitters stay fast (bulk structures, no per-node edits), files stay small,
 * and a strict `tsc --noEmit` of the whole output stays practical. Quick mode
 * (`npm run test:quick`) type-checks the output of the first 1,100 types only.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHUNK_SIZE } from '../../generator/emit/model-layout.js';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import type { ModelType } from '../../generator/model/ir.js';
import { complex, contextFor, entity, enumType, GRAPH, prop } from './fixtures.js';
import { fullOr, quickNote } from '../helpers/quick.js';
import { emitAll, typecheck, writeFiles } from './harness.js';

const WORDS = ['device', 'management', 'partner', 'user', 'group', 'policy', 'target', 'assignment', 'report', 'setting', 'team', 'channel', 'message', 'event', 'drive', 'item'];

/** Deterministic: entities in chains of three, complex types, enums; properties of every kind referencing each other. */
function syntheticTypes(count: number): ModelType[] {
  const types: ModelType[] = [entity('entity', [prop('id', 'Edm.String')], { keyProperty: 'id' })];
  const name = (i: number) => `${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]!.replace(/^./, (c) => c.toUpperCase())}${i}`;
  const namespace = (i: number) => (i % 20 === 0 ? `${GRAPH}.ns${i % 7}` : GRAPH);
  const full = (i: number) => `${namespace(i)}.${name(i)}`;
  for (let i = 1; i < count; i++) {
    const kind = i % 4;
    if (kind === 3) {
      types.push(enumType(name(i), ['unknown', 'enabled', 'disabled', 'unknownFutureValue'], { namespace: namespace(i) }));
      continue;
    }
    const properties = [
      prop('displayName', 'Edm.String', false, { description: `Display name of ${name(i)}.` }),
      prop('createdDateTime', 'Edm.DateTimeOffset'),
      prop('count', 'Edm.Int32', false, { nullable: false }),
      prop('tags', 'Edm.String', true),
      prop('state', full(i - (i % 4) + 3 < count ? i - (i % 4) + 3 : 3)),
      prop('related', full(Math.max(1, (i * 13) % i || 1)), true),
    ];
    if (kind === 0) types.push(entity(name(i), properties, { namespace: namespace(i), baseType: `${GRAPH}.entity` }));
    else if (kind === 1) types.push(entity(name(i), properties, { namespace: namespace(i), baseType: full(i - 1) }));
    else types.push(complex(name(i), properties, { namespace: namespace(i) }));
  }
  return types;
}

const TYPES = 5500;
/** How many of them quick mode type-checks. */
const CHECKED = fullOr(TYPES, 1100);

describe('a model of 5,500 types', () => {
  const ctx = contextFor(syntheticTypes(TYPES));
  /** The output, emitted once: the first test times it, the second reads it. */
  let emitted: EmittedFile[] | undefined;

  it('emits models and validators in seconds, in files of bounded size', { timeout: 120_000 }, () => {
    const started = performance.now();
    const files = (emitted = emitAll(ctx));
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(60);
    expect(files.filter((f) => f.path.includes('/models/microsoft.graph/')).length).toBeGreaterThan(10);
    const largest = Math.max(...files.map((f) => f.content.split('\n').length));
    expect(largest).toBeLessThan(DEFAULT_CHUNK_SIZE * 40);
  });

  it(`type-checks strictly as a whole${quickNote(`the first ${CHECKED.toLocaleString('en-US')} types`)}`, { timeout: 300_000 }, () => {
    const files = CHECKED === TYPES ? (emitted ??= emitAll(ctx)) : emitAll(contextFor(syntheticTypes(CHECKED)));
    const dir = writeFiles(files);
    expect(typecheck(dir, files.map((f) => f.path))).toEqual([]);
  });
});
