/**
 * Named Model fixtures for the emitter tests: each case is one concern
 * (seed types, inheritance, primitives, enums, hostile names, chunking,
 * identifier collisions). Goldens, type-checks and behaviour tests share them.
 */
import type { EmitContext } from '../../generator/emit/emitter.js';
import type { ModelPlanOptions } from '../../generator/emit/model-plan.js';
import type { ModelType } from '../../generator/model/ir.js';
import { complex, contextFor, entity, enumType, GRAPH, operation, prop, unresolved } from './fixtures.js';
import { seedTypes } from './seed-fixtures.js';

export interface EmitCase {
  ctx: () => EmitContext;
  options?: ModelPlanOptions;
}

const g = (name: string) => `${GRAPH}.${name}`;

export function inheritanceTypes(): ModelType[] {
  return [
    entity('entity', [prop('id', 'Edm.String')], { keyProperty: 'id' }),
    entity('directoryObject', [prop('deletedDateTime', 'Edm.DateTimeOffset')], { baseType: g('entity'), isAbstract: true, description: 'An abstract directory object.' }),
    entity('user', [prop('displayName', 'Edm.String'), prop('accountEnabled', 'Edm.Boolean', false, { nullable: false })], {
      baseType: g('directoryObject'),
      navigation: [
        prop('manager', g('directoryObject'), false, { description: 'The manager. Read-only.' }),
        prop('memberOf', g('directoryObject'), true, { description: 'Groups. Read-only. Nullable.', nullable: true }),
      ],
    }),
    entity('group', [prop('mail', 'Edm.String'), prop('members', g('directoryObject'), true), prop('deletedDateTime', 'Edm.DateTimeOffset', false, { description: 'Redeclared as inherited: not repeated.' })], {
      baseType: g('directoryObject'),
    }),
    complex('openThing', [prop('name', 'Edm.String')], { openType: true, description: 'An open complex type.' }),
    complex('cycleA', [prop('a', 'Edm.String')], { baseType: g('cycleB') }),
    complex('cycleB', [prop('b', 'Edm.String')], { baseType: g('cycleA') }),
    complex('orphan', [prop('x', 'Edm.String')], { baseType: g('missingBase') }),
    complex('baseWithCode', [prop('code', 'Edm.String'), prop('label', 'Edm.String')]),
    complex('narrowedCode', [prop('code', 'Edm.Int32'), prop('label', 'Edm.String')], { baseType: g('baseWithCode'), description: 'Redeclares `code` with another type.' }),
  ];
}

export function primitiveTypes(): ModelType[] {
  const edm = ['String', 'Guid', 'Date', 'TimeOfDay', 'Duration', 'DateTimeOffset', 'Binary', 'Decimal', 'Int16', 'Int32', 'Int64', 'Byte', 'SByte', 'Single', 'Double', 'Boolean', 'Stream', 'Untyped', 'GeographyPoint'];
  return [
    complex('allPrimitives', [
      ...edm.map((e) => prop(`p${e}`, `Edm.${e}`)),
      prop('strings', 'Edm.String', true),
      prop('ints', 'Edm.Int32', true),
      prop('nullableList', 'Edm.String', true, { nullable: true }),
      prop('required', 'Edm.String', false, { nullable: false }),
    ]),
  ];
}

export function enumTypes(): ModelType[] {
  const described = enumType('riskLevel', ['low', 'medium', 'high', 'unknownFutureValue'], { description: 'Risk level.' });
  described.members[0]!.description = 'Low risk.';
  described.members[2]!.description = 'High risk.';
  return [
    described,
    enumType('emptyEnum', [], { description: 'No members documented.' }),
    enumType('synthesized', ['a', 'b'], { origin: 'possible-values' }),
    unresolved(g('mysteryType')),
    complex('usesEnums', [
      prop('level', g('riskLevel')),
      prop('levels', g('riskLevel'), true),
      prop('free', g('emptyEnum')),
      prop('mystery', g('mysteryType')),
      prop('mysteries', g('mysteryType'), true),
      prop('dangling', g('notInModel')),
    ]),
  ];
}

/** Names and text from untrusted docs: comment terminators, template syntax, quotes, newlines, reserved words, digits, non-ASCII. */
export const HOSTILE_PROPERTY_NAMES = [
  '*/',
  '`tick`',
  '${process.exit(1)}',
  '"quoted"',
  "it's",
  'new\nline',
  'class',
  'default',
  '123abc',
  'kebab-name',
  'dotted.name',
  '__proto__',
  'constructor',
  'toString',
  'naïve',
  '名前',
  '$dollar',
  '',
];

export const HOSTILE_TEXT = 'Ends */ early; `${globalThis.boom}` "quotes" \'single\'\nsecond line\r\nthird */ /* @internal';

export function hostileTypes(): ModelType[] {
  const text = HOSTILE_TEXT;
  const members = enumType('hostile*/Enum', ['*/', '`', '${a}', '"', 'new\nline', 'ünïcode', 'default', ''], { description: text });
  members.members[0]!.description = text;
  return [
    entity('class', [prop('id', 'Edm.String', false, { description: text })], { keyProperty: 'id', description: text }),
    entity(
      'hostile*/Type`${x}`',
      [
        ...HOSTILE_PROPERTY_NAMES.map((name) => prop(name, 'Edm.String', false, { description: text })),
        prop('@odata.type', 'Edm.String', false, { description: 'Docs that list @odata.type as a property.' }),
        prop('123', g('123start'), true, { description: text }),
        prop('enumValue', g('hostile*/Enum'), false, { description: text }),
      ],
      { baseType: g('class'), description: text },
    ),
    complex('123start', [prop('ok', 'Edm.Boolean')], { description: text }),
    complex('with-dash', [], { baseType: g('123start') }),
    complex('interface', [prop('über', 'Edm.String')]),
    complex('Interface', [prop('x', 'Edm.String')], { description: 'Differs from `interface` only by case.' }),
    members,
    complex('odd', [prop('t', `weird ns*/.x${'`'}y`)], { namespace: 'weird ns*/', description: text }),
    complex('cased', [prop('a', 'Edm.String')], { namespace: `${GRAPH}.termStore` }),
    complex('cased2', [prop('b', 'Edm.String')], { namespace: `${GRAPH}.termstore` }),
    complex('index', [prop('a', 'Edm.String')], { namespace: 'index' }),
    complex('decl', [prop('a', 'Edm.String')], { namespace: 'types.d' }),
    unresolved(`weird ns*/.x${'`'}y`),
  ];
}

/** Two namespaces, a namespace split into folders, inheritance and references across files. */
export function chunkedTypes(): ModelType[] {
  const cr = `${GRAPH}.callRecords`;
  return [
    entity('entity', [prop('id', 'Edm.String')], { keyProperty: 'id' }),
    entity('alpha', [prop('beta', g('beta'))], { baseType: g('entity') }),
    entity('alpine', [prop('session', `${cr}.session`, true)], { baseType: g('alpha') }),
    complex('beta', [prop('level', g('bravoLevel'))]),
    enumType('bravoLevel', ['one', 'two']),
    complex('charlie', [prop('alpha', g('alpha'))], { baseType: g('beta') }),
    complex('delta', []),
    entity('session', [prop('caller', g('charlie')), prop('modalities', `${cr}.modality`, true)], { namespace: cr, baseType: g('entity') }),
    enumType('modality', ['audio', 'video'], { namespace: cr }),
  ];
}

/** Types whose derived identifiers would collide (`fooUnion` exists, `fooValues` exists, an operation named `validateFoo`). */
export function collisionTypes(): ModelType[] {
  return [
    complex('foo', [prop('a', 'Edm.String')]),
    complex('fooUnion', [prop('b', 'Edm.String')], { baseType: g('foo') }),
    enumType('level', ['x']),
    complex('levelValues', [prop('c', 'Edm.String')]),
    complex('problem', [prop('d', g('foo'))]),
  ];
}

export const CASES: Record<string, EmitCase> = {
  seed: { ctx: () => contextFor(seedTypes()) },
  inheritance: { ctx: () => contextFor(inheritanceTypes()) },
  primitives: { ctx: () => contextFor(primitiveTypes()) },
  enums: { ctx: () => contextFor(enumTypes()) },
  hostile: { ctx: () => contextFor(hostileTypes()) },
  chunked: { ctx: () => contextFor(chunkedTypes()), options: { chunkSize: 1 } },
  collisions: { ctx: () => contextFor(collisionTypes(), [operation('foo-validate', 'Validate foo'), operation('foo-is', 'Is foo')]) },
};
