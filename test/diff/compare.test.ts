/** `diffModels` on small hand-made model pairs: each kind of change, its severity, its side and position. */
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../generator/diff/compare.js';
import type { Model } from '../../generator/model/ir.js';
import { model, operation, property, type } from './models.js';

type Row = [kind: string, severity: string, subject: string, side: string];

function rows(base: Model, head: Model): Row[] {
  return diffModels(base, head).changes.map((c) => [c.kind, c.severity, c.subject, c.side]);
}

const thing = (properties = [property('name')], extra = {}) => type('thing', { properties, ...extra });

const typeCases: [string, { base: Model; head: Model; want: Row[] }][] = [
  ['no change', { base: model([thing()]), head: model([thing()]), want: [] }],
  ['property added', { base: model([thing()]), head: model([thing([property('name'), property('size', 'Edm.Int32')])]), want: [['property-added', 'info', 'microsoft.graph.thing.size', 'head']] }],
  ['property removed', { base: model([thing([property('name'), property('size')])]), head: model([thing()]), want: [['property-removed', 'breaking', 'microsoft.graph.thing.size', 'base']] }],
  ['property type changed', { base: model([thing()]), head: model([thing([property('name', 'Edm.Int32')])]), want: [['property-type-changed', 'breaking', 'microsoft.graph.thing.name', 'head']] }],
  [
    'property collection-ness changed',
    { base: model([thing()]), head: model([thing([property('name', 'Edm.String', { type: { name: 'Edm.String', isCollection: true } })])]), want: [['property-collection-changed', 'breaking', 'microsoft.graph.thing.name', 'head']] },
  ],
  ['nullability widened', { base: model([thing([property('name', 'Edm.String', { nullable: false })])]), head: model([thing()]), want: [['property-nullability-widened', 'warning', 'microsoft.graph.thing.name', 'head']] }],
  ['nullability narrowed', { base: model([thing()]), head: model([thing([property('name', 'Edm.String', { nullable: false })])]), want: [['property-nullability-narrowed', 'breaking', 'microsoft.graph.thing.name', 'head']] }],
  ['navigation property removed', { base: model([thing([], { navigationProperties: [property('owner', 'microsoft.graph.user')] })]), head: model([thing([])]), want: [['property-removed', 'breaking', 'microsoft.graph.thing.owner', 'base']] }],
  ['base type changed', { base: model([thing()]), head: model([thing(undefined, { baseType: 'microsoft.graph.entity' })]), want: [['base-type-changed', 'breaking', 'microsoft.graph.thing', 'head']] }],
  ['type kind changed', { base: model([thing()]), head: model([thing(undefined, { kind: 'complex' })]), want: [['type-kind-changed', 'breaking', 'microsoft.graph.thing', 'head']] }],
  ['type added', { base: model([]), head: model([thing()]), want: [['type-added', 'info', 'microsoft.graph.thing', 'head']] }],
  ['type removed', { base: model([thing()]), head: model([]), want: [['type-removed', 'breaking', 'microsoft.graph.thing', 'base']] }],
  ['a type only referenced is not part of the API', { base: model([]), head: model([type('other', { kind: 'unresolved', origin: 'referenced' })]), want: [] }],
  ['same name in another API version is another type', { base: model([thing()]), head: model([thing(undefined, { apiVersion: 'beta' })]), want: [['type-added', 'info', 'microsoft.graph.thing', 'head'], ['type-removed', 'breaking', 'microsoft.graph.thing', 'base']] }],
];

const color = (...names: string[]) => type('color', { kind: 'enum', members: names.map((name, i) => ({ name, value: i, description: '' })) });
const enumCases: [string, { base: Model; head: Model; want: Row[] }][] = [
  ['enum member added', { base: model([color('red')]), head: model([color('red', 'blue')]), want: [['enum-member-added', 'warning', 'microsoft.graph.color.blue', 'head']] }],
  ['enum member removed', { base: model([color('red', 'blue')]), head: model([color('red')]), want: [['enum-member-removed', 'breaking', 'microsoft.graph.color.blue', 'base']] }],
];

describe('diffModels: types', () => {
  it.each([...typeCases, ...enumCases])('%s', (_name, { base, head, want }) => {
    expect(rows(base, head)).toEqual(want);
  });

  it('places each change on the row of the side where it exists', () => {
    const old = property('size', 'Edm.Int32', { source: { file: 'v1.0/resources/thing.md', line: 30, column: 1 } });
    const now = property('count', 'Edm.Int32', { source: { file: 'v1.0/resources/thing.md', line: 31, column: 1 } });
    const { changes } = diffModels(model([thing([old])]), model([thing([now])]));
    expect(changes.map((c) => [c.kind, c.source.line])).toEqual([['property-removed', 30], ['property-added', 31]]);
  });

  it('says when a removed and an added name look alike, and still reports both', () => {
    const { changes } = diffModels(model([thing([property('displayName')])]), model([thing([property('displayname')])]));
    expect(changes.map((c) => [c.kind, c.renameOf])).toEqual([['property-removed', 'microsoft.graph.thing.displayname'], ['property-added', 'microsoft.graph.thing.displayName']]);
    expect(changes[0]!.message).toBe('Property `displayName` removed from `thing` (looks like a rename to `displayname`)');
    const types = diffModels(model([type('deviceSetting')]), model([type('deviceSettings')])).changes;
    expect(types.map((c) => [c.kind, c.renameOf])).toEqual([['type-removed', 'microsoft.graph.deviceSettings'], ['type-added', 'microsoft.graph.deviceSetting']]);
  });

  it('reports nothing as a rename when the names differ', () => {
    const { changes } = diffModels(model([thing([property('size')])]), model([thing([property('owner')])]));
    expect(changes.every((c) => c.renameOf === undefined)).toBe(true);
  });

  it('sorts by version, resource, breaking first, and counts by severity', () => {
    const result = diffModels(model([thing([property('a')]), color('red')]), model([thing([property('b', 'Edm.String'), property('c')]), color('red', 'blue')]));
    expect(result.changes.map((c) => [c.resource, c.severity])).toEqual([
      ['microsoft.graph.color', 'warning'],
      ['microsoft.graph.thing', 'breaking'],
      ['microsoft.graph.thing', 'info'],
      ['microsoft.graph.thing', 'info'],
    ]);
    expect(result.summary).toEqual({ breaking: 1, warning: 1, info: 2 });
  });
});
