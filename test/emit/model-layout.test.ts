/** Which file holds which type, and import specifiers between files. */
import { describe, expect, it } from 'vitest';
import { importSpecifier, ModelLayout } from '../../generator/emit/model-layout.js';
import { complex } from './fixtures.js';

const types = (spec: string) => spec.split(' ').map((full) => {
  const dot = full.lastIndexOf('.');
  return complex(full.slice(dot + 1), [], { namespace: full.slice(0, dot) });
});

describe('ModelLayout', () => {
  it.each<[string, string, number, Record<string, string[]>]>([
    ['one file per namespace', 'a.x a.y b.z', 10, { a: ['a.x', 'a.y'], b: ['b.z'] }],
    ['a large namespace split by first letter', 'n.apple n.avocado n.banana', 2, { 'n/a': ['n.apple', 'n.avocado'], 'n/b': ['n.banana'] }],
    ['a large letter split by more letters', 'n.apple n.apricot n.avocado', 2, { 'n/ap': ['n.apple', 'n.apricot'], 'n/av': ['n.avocado'] }],
    ['letters compared without case; other characters as _', 'n.Apple n.apple n.1x n._y n.-z', 2, { 'n/_': ['n.-z', 'n._y'], 'n/1': ['n.1x'], 'n/a': ['n.Apple', 'n.apple'] }],
    ['names that cannot be split further stay together', 'n.a n.a1 n.a2', 1, { 'n/a': ['n.a'], 'n/a1': ['n.a1'], 'n/a2': ['n.a2'] }],
    ['namespaces differing only by case', 'ns.Term.x ns.term.y', 10, { 'ns.Term': ['ns.Term.x'], 'ns.term-2': ['ns.term.y'] }],
    ['namespaces that would be unsafe file names', '../etc.x index.y types.d.z con.w', 10, { '_._etc': ['../etc.x'], _con: ['con.w'], _index: ['index.y'], 'types.d_': ['types.d.z'] }],
  ])('%s', (_name, spec, chunkSize, expected) => {
    const layout = new ModelLayout(types(spec), chunkSize);
    expect(Object.fromEntries(layout.chunks.map((c) => [c.id, c.types.map((t) => t.fullName)]))).toEqual(expected);
    for (const chunk of layout.chunks) for (const type of chunk.types) expect(layout.chunkOf(type.fullName)).toBe(chunk);
  });

  it('keeps a type in its file when an unrelated type is added', () => {
    const before = new ModelLayout(types('n.apple n.avocado n.banana n.cherry'), 2);
    const after = new ModelLayout(types('n.apple n.avocado n.banana n.cherry n.date'), 2);
    expect(after.chunkOf('n.apple')?.id).toBe(before.chunkOf('n.apple')?.id);
    expect(after.chunkOf('n.cherry')?.id).toBe(before.chunkOf('n.cherry')?.id);
  });
});

describe('importSpecifier', () => {
  it.each([
    ['a', 'b', './b.js'],
    ['n/a', 'n/b', './b.js'],
    ['n/a', 'm', '../m.js'],
    ['m', 'n/a', './n/a.js'],
    ['n/a', 'm/b', '../m/b.js'],
    ['validators/n/a', 'models/index', '../../models/index.js'],
    ['schema/index', 'schema/n/a', './n/a.js'],
  ])('%s → %s is %s', (from, to, expected) => {
    expect(importSpecifier(from, to)).toBe(expected);
  });
});
