/**
 * Which generated validator an example body goes through: the expected-type rule.
 *
 * A body is a parsed JSON example of a request or response. Bodies that did
 * not parse are skipped (`unparsed`); a message without a body is not a body.
 *
 * Responses (first that applies):
 * 1. The annotation's `@odata.type` (`<!-- { "@odata.type": "microsoft.graph.user" } -->`),
 *    `#` dropped; `Collection(X)` (any case) or `"isCollection": true` makes it a collection.
 * 2. Else the operation's response type (from the Response section), collection as stated.
 * 3. Else skipped (`no type`).
 * A single type whose body is `{ "value": [...] }` (instance annotations aside) and that declares no
 * `value` property is taken as a collection (`collection by body shape`): annotations often lack
 * `"isCollection": true`.
 * Requests (the annotation's `@odata.type` is not used: the body type follows from the operation):
 * 1. create / update: the operation's resource type (a partial object; missing properties are never problems).
 * 2. Else (action, function, other, or create/update with no resource): the body is a parameter
 *    object: the parameter table (actions, functions), else the request-body table, each key
 *    checked against its row's type; a key no row names is an `unknown-property` problem.
 * 3. Else skipped (`no type`).
 * Then, for a named type: an Edm primitive (or a bare primitive name like `string`, `stream`) is
 * skipped (`primitive`); a name the model lacks is skipped (`unknown type`), an unresolved one too
 * (`unresolved type`). A collection is the array under `value` (or a bare array), each item checked
 * at `$.value[i]`; any other shape is skipped (`collection without value array`). A single enum
 * value is `{ "value": "member" }` (checked at `$.value`), or the bare body if not so wrapped.
 */
import type { ModelHttpMessage, ModelOperation, ModelProperty, TypeKind, TypeRef } from '../../generator/model/ir.js';

export type Role = 'request' | 'response';

export const SKIP_REASONS = ['unparsed', 'no type', 'primitive', 'unknown type', 'unresolved type', 'collection without value array'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type Rule =
  | 'response annotation'
  | 'response section'
  | 'response annotation, collection by body shape'
  | 'response section, collection by body shape'
  | 'request resource'
  | 'request parameters'
  | 'request body table';

/** A problem as the generated validators report it. */
export interface Problem {
  path: string;
  kind: string;
  expected: string;
  actual: string;
  message: string;
}

/** One value to run through `schema.check(value, type, path)`. */
export interface BodyCheck {
  value: unknown;
  type: string;
  path: string;
}

export type Expectation =
  | { outcome: 'check'; rule: Rule; target: string; checks: BodyCheck[]; problems: Problem[] }
  | { outcome: 'skip'; reason: SkipReason };

export type OperationShape = Pick<ModelOperation, 'kind' | 'resource' | 'response' | 'parameters' | 'requestBody'>;
export type MessageShape = Pick<ModelHttpMessage, 'body' | 'rawBody' | 'bodyParsed' | 'odataType' | 'isCollection'>;

/** The model's types of the body's API version. */
export interface TypeLookup {
  /** The kind of a type full name, undefined when the model has no such type. */
  kindOf(fullName: string): TypeKind | undefined;
  /** Whether the type or one of its base types declares a property of that name. */
  declares(fullName: string, property: string): boolean;
}

/** True when the message carries a body at all (parsed or not). */
export function hasBody(message: MessageShape | null): message is MessageShape {
  return message !== null && (message.body !== undefined || message.rawBody !== undefined);
}

export function expectedType(role: Role, operation: OperationShape, message: MessageShape, types: TypeLookup): Expectation {
  if (!message.bodyParsed || message.body === undefined) return skip('unparsed');
  return role === 'response' ? responseExpectation(operation, message, types) : requestExpectation(operation, message.body, types);
}

function responseExpectation(operation: OperationShape, message: MessageShape, types: TypeLookup): Expectation {
  const annotated = message.odataType?.trim();
  let ref: TypeRef | null = operation.response.type;
  let rule: Rule = 'response section';
  if (annotated) {
    const { name, isCollection } = unwrapCollection(annotated.replace(/^#/, ''));
    ref = { name, isCollection: isCollection || message.isCollection === true };
    rule = 'response annotation';
  }
  if (!ref) return skip('no type');
  // The annotation often lacks "isCollection": a `{ "value": [...] }` body for a type without a `value` property is the OData collection shape.
  if (!ref.isCollection && !isPrimitive(ref.name) && isCollectionShape(message.body) && !types.declares(ref.name, 'value')) {
    return named({ name: ref.name, isCollection: true }, message.body, `${rule}, collection by body shape`, types);
  }
  return named(ref, message.body, rule, types);
}

function requestExpectation(operation: OperationShape, body: unknown, types: TypeLookup): Expectation {
  if ((operation.kind === 'create' || operation.kind === 'update') && operation.resource) {
    return named({ name: operation.resource, isCollection: false }, body, 'request resource', types);
  }
  const parameters = operation.parameters.flatMap((p) => (p.type ? [{ name: p.name, type: p.type }] : []));
  if ((operation.kind === 'action' || operation.kind === 'function') && parameters.length > 0) return parameterObject(parameters, body, 'request parameters');
  const rows = (operation.requestBody ?? []).map((row: ModelProperty) => ({ name: row.name, type: row.type }));
  if (rows.length > 0) return parameterObject(rows, body, 'request body table');
  return skip('no type');
}

function named(ref: TypeRef, body: unknown, rule: Rule, types: TypeLookup): Expectation {
  if (isPrimitive(ref.name)) return skip('primitive');
  const kind = types.kindOf(ref.name);
  if (kind === undefined) return skip('unknown type');
  if (kind === 'unresolved') return skip('unresolved type');
  const target = ref.isCollection ? `Collection(${ref.name})` : ref.name;
  if (!ref.isCollection) {
    const enumValue = kind === 'enum' ? wrappedValue(body) : undefined;
    const check = enumValue ? { value: enumValue.value, type: ref.name, path: '$.value' } : { value: body, type: ref.name, path: '$' };
    return { outcome: 'check', rule, target, checks: [check], problems: [] };
  }
  const items = collectionItems(body);
  if (items === undefined) return skip('collection without value array');
  return { outcome: 'check', rule, target, checks: items.values.map((value, i) => ({ value, type: ref.name, path: `${items.path}[${i}]` })), problems: [] };
}

/** Each key of a parameter object checked against its row; unknown keys and non-array collections are problems here. */
function parameterObject(rows: readonly { name: string; type: TypeRef }[], body: unknown, rule: Rule): Expectation {
  const target = `{ ${rows.map((r) => r.name).join(', ')} }`;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { outcome: 'check', rule, target, checks: [], problems: [problem('$', 'type', 'object (parameters)', jsonKind(body))] };
  }
  const checks: BodyCheck[] = [];
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(body)) {
    const path = childPath('$', key);
    const row = rows.find((r) => r.name === key);
    if (row === undefined) {
      if (!isAnnotation(key)) problems.push(problem(path, 'unknown-property', 'a parameter named in the docs', JSON.stringify(key)));
      continue;
    }
    // Parameters are optional and nullable unless the docs say otherwise; null is not checked.
    if (value === null || /^edm\.untyped$/i.test(row.type.name)) continue;
    if (!row.type.isCollection) checks.push({ value, type: row.type.name, path });
    else if (Array.isArray(value)) value.forEach((item: unknown, i) => checks.push({ value: item, type: row.type.name, path: `${path}[${i}]` }));
    else problems.push(problem(path, 'type', `array of ${row.type.name}`, jsonKind(value)));
  }
  return { outcome: 'check', rule, target, checks, problems };
}

/** `{ "value": [...] }` with nothing else but instance annotations (`@odata.context`, `@odata.nextLink`). */
function isCollectionShape(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const record = body as Record<string, unknown>;
  return Array.isArray(record['value']) && Object.keys(record).every((key) => key === 'value' || isAnnotation(key));
}

/** `{ "value": x }`: how OData sends a single enum (or primitive) value. */
function wrappedValue(body: unknown): { value: unknown } | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !Object.hasOwn(body, 'value')) return undefined;
  return { value: (body as Record<string, unknown>)['value'] };
}

function collectionItems(body: unknown): { values: unknown[]; path: string } | undefined {
  if (Array.isArray(body)) return { values: body, path: '$' };
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)['value'];
  return Array.isArray(value) ? { values: value, path: '$.value' } : undefined;
}

export function unwrapCollection(name: string): TypeRef {
  const match = /^collection\((.*)\)$/i.exec(name.trim());
  return match ? { name: match[1]!.trim(), isCollection: true } : { name: name.trim(), isCollection: false };
}

const BARE_PRIMITIVES = new Set(['string', 'boolean', 'int16', 'int32', 'int64', 'double', 'single', 'decimal', 'guid', 'datetimeoffset', 'date', 'timeofday', 'duration', 'binary', 'stream', 'byte', 'sbyte', 'untyped']);

export function isPrimitive(name: string): boolean {
  return /^edm\./i.test(name) || BARE_PRIMITIVES.has(name.toLowerCase());
}

/** Instance annotations (`@odata.type`, `members@odata.bind`) as the validator runtime allows them anywhere. */
function isAnnotation(key: string): boolean {
  return /^[^@]*@[^@.]+\.[^@]+$/.test(key);
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function problem(path: string, kind: string, expected: string, actual: string): Problem {
  return { path, kind, expected, actual, message: `Unexpected ${actual} at ${path}, expected ${expected}` };
}

function skip(reason: SkipReason): Expectation {
  return { outcome: 'skip', reason };
}
