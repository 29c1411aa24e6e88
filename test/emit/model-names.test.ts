/** Identifiers beside each type name: unions, enum member arrays, validators and guards, never colliding. */
import { describe, expect, it } from 'vitest';
import { modelPlan } from '../../generator/emit/model-plan.js';
import { complex, contextFor, enumType, GRAPH, operation, prop, unresolved } from './fixtures.js';

const g = (name: string) => `${GRAPH}.${name}`;

describe('ModelNames', () => {
  const ctx = contextFor(
    [
      complex('foo', [prop('a', 'Edm.String')]),
      complex('fooUnion', [], { baseType: g('foo') }),
      complex('leaf', []),
      enumType('level', ['x']),
      complex('levelValues', []),
      unresolved(g('ghost')),
    ],
    [operation('validate-leaf', 'Validate leaf'), operation('is-leaf', 'Is leaf')],
  );
  const { names } = modelPlan(ctx);

  it.each<[string, string, Record<string, string | undefined>]>([
    ['a base type whose union name is taken by a type', 'foo', { type: 'Foo', union: 'FooUnion2', reference: 'FooUnion2', validator: 'validateFoo', guard: 'isFoo' }],
    ['the type that took it, which has no derived types', 'fooUnion', { type: 'FooUnion', union: undefined, reference: 'FooUnion', validator: 'validateFooUnion', guard: 'isFooUnion' }],
    ['validator and guard names taken by operations', 'leaf', { type: 'Leaf', union: undefined, reference: 'Leaf', validator: 'validateLeaf2', guard: 'isLeaf2' }],
    ['an enum whose member-array name is taken by a type', 'level', { type: 'Level', enumValues: 'LevelValues2', validator: 'validateLevel' }],
    ['an unresolved type: no validator', 'ghost', { type: 'Ghost', validator: undefined, guard: undefined }],
  ])('%s', (_name, name, expected) => {
    const full = g(name);
    const actual: Record<string, string | undefined> = {
      type: names.type(full),
      union: names.union(full),
      reference: names.reference(full),
      enumValues: names.enumValues(full),
      validator: names.validator(full),
      guard: names.guard(full),
    };
    expect(Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k]]))).toEqual(expected);
  });

  it('computes the plan once per context', () => {
    expect(modelPlan(ctx)).toBe(modelPlan(ctx));
  });
});
