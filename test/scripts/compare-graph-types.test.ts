import { describe, expect, it } from 'vitest';
import type { ModelProperty, ModelType, TypeRef } from '../../generator/model/ir.js';
import type { Category } from '../../scripts/graph-types/categories.js';
import { compareModel } from '../../scripts/graph-types/compare.js';
import { graphNamespace, readPackageText } from '../../scripts/graph-types/package-types.js';
import { formatReport, spread } from '../../scripts/graph-types/report.js';

const PACKAGE = `
export as namespace microsoftgraph;
export type NullableOption<T> = T | null;
export type Importance = "low" | "normal" | "high" | "unknownFutureValue";
export interface Entity { id?: string; }
export interface Item extends Entity {
    name?: NullableOption<string>;
    size?: number;
    tags?: string[];
    importance?: Importance;
    children?: NullableOption<Item[]>;
    owner?: NullableOption<Person>;
    added?: NullableOption<string>;
    when?: NullableOption<string>;
    big?: number | string;
    blob?: NullableOption<any>;
}
export interface Person { displayName?: NullableOption<string>; }
export namespace CallRecords {
    type CallType = "unknown" | "groupCall";
    interface Session extends microsoftgraph.Entity {
        caller?: NullableOption<microsoftgraph.Person>;
        kind?: CallType;
        segments?: NullableOption<Segment[]>;
    }
    interface Segment extends microsoftgraph.Entity { }
}
export namespace SecurityNamespace { interface Alert extends microsoftgraph.Entity { title?: string; } }
export namespace Partners.Billing { interface Usage { amount?: number; } }
`;

const at = (line: number) => ({ file: 'v1.0/resources/x.md', line, column: 1 });
const ref = (name: string, isCollection = false): TypeRef => ({ name, isCollection });
const prop = (name: string, type: TypeRef, extra: Partial<ModelProperty> = {}): ModelProperty => ({ name, type, description: '', source: at(20), ...extra });

function type(fullName: string, kind: ModelType['kind'], extra: Partial<ModelType> = {}): ModelType {
  const dot = fullName.lastIndexOf('.');
  return {
    kind,
    name: fullName.slice(dot + 1),
    namespace: fullName.slice(0, dot),
    fullName,
    apiVersion: 'v1.0',
    baseType: null,
    description: '',
    source: at(10),
    properties: [],
    navigationProperties: [],
    members: [],
    origin: 'documented',
    documentedIn: ['v1.0/resources/x.md'],
    ...extra,
  };
}

const entity = type('microsoft.graph.entity', 'entity', { properties: [prop('id', ref('Edm.String'))] });
const person = type('microsoft.graph.person', 'complex', { properties: [prop('displayName', ref('Edm.String'))] });

describe('readPackageText', () => {
  const types = readPackageText(PACKAGE);

  it.each([
    ['CallRecords', 'microsoft.graph.callRecords'],
    ['SecurityNamespace', 'microsoft.graph.security'],
    ['Partners.Billing', 'microsoft.graph.partners.billing'],
    ['', 'microsoft.graph'],
  ])('maps namespace %j to %s', (given, want) => {
    expect(graphNamespace(given)).toBe(want);
  });

  it('keys every interface and string-literal union by lower-cased Graph full name, and skips other aliases', () => {
    expect([...types.keys()].sort()).toEqual([
      'microsoft.graph.callrecords.calltype',
      'microsoft.graph.callrecords.segment',
      'microsoft.graph.callrecords.session',
      'microsoft.graph.entity',
      'microsoft.graph.importance',
      'microsoft.graph.item',
      'microsoft.graph.partners.billing.usage',
      'microsoft.graph.person',
      'microsoft.graph.security.alert',
    ]);
    expect(types.get('microsoft.graph.importance')).toMatchObject({ kind: 'enum', members: ['low', 'normal', 'high', 'unknownFutureValue'] });
  });

  it.each([
    ['name', { isArray: false, nullable: true, ref: { kind: 'primitive', primitive: 'string' } }],
    ['tags', { isArray: true, nullable: false, ref: { kind: 'primitive', primitive: 'string' } }],
    ['children', { isArray: true, nullable: true, ref: { kind: 'named', fullName: 'microsoft.graph.item', resolved: true } }],
    ['importance', { isArray: false, ref: { kind: 'named', fullName: 'microsoft.graph.importance', resolved: true } }],
    ['big', { ref: { kind: 'primitive', primitive: 'number | string' } }],
    ['blob', { nullable: true, ref: { kind: 'primitive', primitive: 'any' } }],
  ])('reads property Item.%s', (name, want) => {
    expect(types.get('microsoft.graph.item')?.properties.find((p) => p.name === name)).toMatchObject(want);
  });

  it('resolves names inside a namespace: own namespace first, then the global alias', () => {
    const session = types.get('microsoft.graph.callrecords.session');
    expect(session?.baseType).toBe('microsoft.graph.entity');
    expect(session?.properties.map((p) => [p.name, p.ref])).toEqual([
      ['caller', { kind: 'named', fullName: 'microsoft.graph.person', resolved: true }],
      ['kind', { kind: 'named', fullName: 'microsoft.graph.callRecords.callType', resolved: true }],
      ['segments', { kind: 'named', fullName: 'microsoft.graph.callRecords.segment', resolved: true }],
    ]);
  });
});

describe('compareModel', () => {
  const packageTypes = readPackageText(PACKAGE);
  const item = (properties: ModelProperty[], extra: Partial<ModelType> = {}) =>
    type('microsoft.graph.item', 'entity', { baseType: 'microsoft.graph.entity', properties, ...extra });
  const run = (types: ModelType[]) => compareModel([entity, person, ...types], packageTypes, 'v1.0');
  const categoriesOf = (types: ModelType[], typeName = 'microsoft.graph.item'): [Category, string | null][] =>
    run(types)
      .mismatches.filter((m) => m.type === typeName && m.category !== 'property-only-package')
      .map((m) => [m.category, m.property ?? m.member ?? null]);

  it.each<[string, ModelProperty, [Category, string][]]>([
    ['a matching primitive', prop('name', ref('Edm.String')), []],
    ['Int32 as number', prop('size', ref('Edm.Int32')), []],
    ['Int64 as number | string', prop('big', ref('Edm.Int64')), []],
    ['Stream as any', prop('blob', ref('Edm.Stream')), []],
    ['a matching collection', prop('tags', ref('Edm.String', true)), []],
    ['DateTimeOffset as string', prop('added', ref('Edm.DateTimeOffset')), []],
    ['a primitive of another kind', prop('size', ref('Edm.String')), [['type-primitive-differs', 'size']]],
    ['String with possible values vs enum', prop('importance', ref('Edm.String'), { possibleValues: ['low', 'high'] }), [['type-string-possible-values-vs-enum', 'importance']]],
    ['a bare String vs enum', prop('importance', ref('Edm.String')), [['type-primitive-vs-enum', 'importance']]],
    ['a complex type vs string', prop('name', ref('microsoft.graph.person')), [['type-structured-vs-primitive', 'name']]],
    ['a primitive vs complex type', prop('owner', ref('Edm.String')), [['type-primitive-vs-structured', 'owner']]],
    ['another type name', prop('owner', ref('microsoft.graph.item')), [['type-name-differs', 'owner']]],
    ['a case-only type name difference', prop('owner', ref('microsoft.graph.Person')), [['type-ref-name-case', 'owner']]],
    ['a namespace-only type name difference', prop('owner', ref('microsoft.graph.callRecords.person')), [['type-ref-namespace-differs', 'owner']]],
    ['the Json complex type vs any', prop('blob', ref('microsoft.graph.Json')), [['type-json-as-any', 'blob']]],
    ['docs collection vs single', prop('name', ref('Edm.String', true)), [['collection-docs-only', 'name']]],
    ['docs single vs array', prop('children', ref('microsoft.graph.item')), [['collection-package-only', 'children']]],
    ['a property the package lacks', prop('gone', ref('Edm.String')), [['property-only-docs', 'gone']]],
    ['a property name differing in case', prop('Name', ref('Edm.String')), [['property-name-case', 'Name']]],
    ['an inherited property the page repeats', prop('id', ref('Edm.String')), []],
  ])('%s', (_name, property, want) => {
    expect(categoriesOf([item([property])])).toEqual(want);
  });

  it('counts properties on the type, on a package ancestor, and the ones only the package declares', () => {
    const { figures, mismatches } = run([item([prop('name', ref('Edm.String')), prop('id', ref('Edm.String'))], { baseType: null })]);
    expect(figures.properties).toMatchObject({ docs: 4, onType: 3, onAncestor: 1, onlyDocs: 0, packageDeclared: 12, onlyPackage: 9 });
    expect(mismatches.filter((m) => m.category === 'property-only-package').map((m) => m.property)).toContain('children');
  });

  it.each<[string, string | null, [Category, string | null][]]>([
    ['the same base type', 'microsoft.graph.entity', []],
    ['no documented base type', null, [['base-docs-missing', null]]],
    ['another base type', 'microsoft.graph.person', [['base-differs', null]]],
    ['a case-only base type difference', 'microsoft.graph.Entity', [['base-name-case', null]]],
  ])('base types: %s', (_name, baseType, want) => {
    const docs = item([prop('name', ref('Edm.String'))], { baseType });
    expect(categoriesOf([docs])).toEqual(want);
  });

  it.each<[string, ModelType, [Category, string | null][]]>([
    ['an entity deriving from entity', item([]), []],
    ['a complex type the package derives from entity', item([], { kind: 'complex' }), [['kind-complex-vs-entity', null]]],
    ['an entity the package roots nowhere', type('microsoft.graph.person', 'entity'), [['kind-entity-vs-complex', null]]],
  ])('entity kinds: %s', (_name, docs, want) => {
    expect(categoriesOf([docs], docs.fullName).filter(([category]) => category.startsWith('kind-'))).toEqual(want);
  });

  it('compares enum members as sets, noting case and the unknownFutureValue sentinel', () => {
    const importance = type('microsoft.graph.importance', 'enum', {
      members: ['Low', 'normal', 'urgent'].map((name) => ({ name, value: null, description: '' })),
    });
    expect(categoriesOf([importance], 'microsoft.graph.importance')).toEqual([
      ['enum-member-case', 'Low'],
      ['enum-member-only-docs', 'urgent'],
      ['enum-member-only-package', 'high'],
      ['enum-member-only-package-sentinel', 'unknownFutureValue'],
    ]);
    expect(run([importance]).figures.enums).toEqual({ shared: 1, identical: 0, docsMembers: 3, docsMembersInPackage: 1, packageMembers: 4, packageOnlyMembers: 2 });
  });

  it('pairs types across namespaces and case, and lists types only one side has', () => {
    const { figures, mismatches } = run([
      type('microsoft.graph.alert', 'entity'),
      type('microsoft.graph.callRecords.Session', 'entity', { baseType: 'microsoft.graph.entity' }),
      type('microsoft.graph.gone', 'complex'),
      type('microsoft.graph.importance', 'complex'),
      type('microsoft.graph.synth', 'enum', { origin: 'possible-values' }),
    ]);
    const byCategory = (category: Category) => mismatches.filter((m) => m.category === category).map((m) => m.type);
    expect(byCategory('type-namespace-differs')).toEqual(['microsoft.graph.alert']);
    expect(byCategory('type-name-case')).toEqual(['microsoft.graph.callRecords.Session']);
    expect(byCategory('type-only-docs')).toEqual(['microsoft.graph.gone']);
    expect(byCategory('type-kind-differs')).toEqual(['microsoft.graph.importance']);
    expect(byCategory('type-only-package').sort()).toEqual([
      'microsoft.graph.callRecords.callType',
      'microsoft.graph.callRecords.segment',
      'microsoft.graph.item',
      'microsoft.graph.partners.billing.usage',
    ]);
    expect(figures.types).toMatchObject({ docs: 6, both: 5, onlyDocs: 1, onlyPackage: 4, nameCase: 1, namespaceDiffers: 1, kindDiffers: 1, notDocumented: 1 });
  });

  it('leaves other API versions out', () => {
    const beta = { ...item([prop('gone', ref('Edm.String'))]), apiVersion: 'beta' };
    expect(compareModel([beta], packageTypes, 'v1.0').figures.types.docs).toBe(0);
  });
});

describe('report', () => {
  it('spreads samples evenly over a list', () => {
    expect(spread([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5)).toEqual([0, 2, 4, 6, 8]);
    expect(spread([1, 2], 5)).toEqual([1, 2]);
  });

  it('prints figures and the top categories with file:line samples', () => {
    const comparison = compareModel([entity, type('microsoft.graph.item', 'entity', { properties: [prop('size', ref('Edm.String'))] })], readPackageText(PACKAGE), 'v1.0');
    const text = formatReport(comparison, { title: 'title', categories: 30, samples: 1 });
    expect(text).toContain('prop types   agree 1/2 (50.0%), differ 1');
    expect(text).toContain('v1.0/resources/x.md:20  microsoft.graph.item.size  docs: Edm.String  package: number');
  });
});
