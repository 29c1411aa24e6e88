/**
 * An action's parameters from its request body. Usually each table row is a
 * parameter. When the body is one object whose properties the table lists
 * (`application: addPassword`: "provide an optional `passwordCredential` object
 * with the following properties", example `{ "passwordCredential": { ... } }`),
 * that object is the one parameter, named as the prose or the example names it
 * (`from` says which). Top-level keys of the example request bodies that the
 * table lacks become parameters too, typed from their JSON value (`from:
 * 'example'`), each reported once as `parameter-row-missing` (only when the
 * action has a table; a key one or two edits from a row's name is that row
 * misspelt: `parameter-name-mismatch`, no parameter). An action with no table
 * whose Request body section shows a JSON object (`team: archive`) has that
 * object's keys as its parameters, typed likewise.
 */
import type { SourceRef } from '../model/diagnostic.js';
import type { BodyFacts, ExampleFacts, ParameterFacts, PropertyFacts, TypeRefFacts } from './facts.js';
import { report, type PageContext } from './context.js';
import { bodyKeys, type BodyKey } from './body-keys.js';
import { toParameter } from './property-table.js';
import { distance } from 'fastest-levenshtein';
import { readTypeText } from './type-cell.js';
import type { NamedObject } from './request-body.js';

export function bodyParameters(
  ctx: PageContext,
  rows: PropertyFacts[],
  named: NamedObject | null,
  examples: readonly ExampleFacts[],
  sectionParameters: readonly ParameterFacts[] = [],
  shown: BodyFacts | null = null,
): ParameterFacts[] {
  // No table, but the Request body section shows the JSON object: its keys are the parameters.
  if (rows.length + sectionParameters.length === 0 && shown) {
    return bodyKeys(ctx, shown)
      .filter((key) => !key.name.includes('@'))
      .map((key) => ({ name: key.name, type: jsonType(key.value), description: '', from: 'example' as const, source: key.source }));
  }
  const keys = exampleKeys(ctx, examples);
  const wrapper = wrapperOf(rows, named, keys);
  const parameters = wrapper ? [wrapper] : rows.map(toParameter);
  // Only an action with a parameter table: without one, the body may be a resource the kind was not told of.
  if (parameters.length + sectionParameters.length === 0) return parameters;
  const names = [...parameters, ...sectionParameters].map((parameter) => parameter.name);
  const listed = new Set(names.map((name) => name.toLowerCase()));
  for (const key of keys.values()) {
    // `x@odata.bind` and other annotations bind or describe a parameter; they are none.
    if (listed.has(key.name.toLowerCase()) || key.name.includes('@')) continue;
    const near = nearMiss(key.name, names);
    if (near !== undefined) {
      report(ctx, 'parameter-name-mismatch', 'info', `Unexpected parameter \`${key.name}\` in the example request body, expected \`${near}\` as the parameter table names it`, key.source);
      continue;
    }
    report(ctx, 'parameter-row-missing', 'info', `Unexpected parameter \`${key.name}\` in the example request body only, expected a row for it in the parameter table (read as a parameter typed from the example)`, key.source);
    parameters.push({ name: key.name, type: jsonType(key.value), description: '', from: 'example', source: key.source });
  }
  return parameters;
}

/** A listed name one or two edits from `name` (a misspelling), else undefined. */
function nearMiss(name: string, listed: readonly string[]): string | undefined {
  const limit = Math.min(2, Math.floor(name.length / 4));
  return listed.find((candidate) => distance(name.toLowerCase(), candidate.toLowerCase()) <= limit);
}

/** The top-level keys of the example request bodies, each name once (first example first). */
function exampleKeys(ctx: PageContext, examples: readonly ExampleFacts[]): Map<string, BodyKey> {
  const out = new Map<string, BodyKey>();
  for (const example of examples) {
    const body = example.request?.body;
    if (!body?.parsed) continue;
    for (const key of bodyKeys(ctx, body)) if (!out.has(key.name)) out.set(key.name, key);
  }
  return out;
}

/**
 * The one object parameter the rows describe, or null: the prose names an object
 * that is no row, or every example body has one key, no row, whose object value
 * holds a row's name.
 */
function wrapperOf(rows: PropertyFacts[], named: NamedObject | null, keys: Map<string, BodyKey>): ParameterFacts | null {
  if (rows.length === 0) return null;
  const rowNames = new Set(rows.map((row) => row.name.toLowerCase()));
  const [only, ...others] = [...keys.values()].filter((key) => !key.name.startsWith('@'));
  const value = Array.isArray(only?.value) ? only.value[0] : only?.value;
  const fromExample =
    only && others.length === 0 && !rowNames.has(only.name.toLowerCase()) && isObject(value) && Object.keys(value).some((key) => rowNames.has(key.toLowerCase()))
      ? only
      : undefined;
  const fromProse = named && !rowNames.has(named.name.toLowerCase()) && (!only || only.name.toLowerCase() === named.name.toLowerCase() || rowNames.has(only.name.toLowerCase())) ? named : undefined;
  if (!fromExample && !fromProse) return null;
  const name = fromExample?.name ?? fromProse!.name;
  const odataType = isObject(value) && typeof value['@odata.type'] === 'string' ? value['@odata.type'].replace(/^#/, '') : undefined;
  const typeName = fromProse?.type ?? odataType ?? name;
  const type: TypeRefFacts = { ...readTypeText(typeName).type, isCollection: Array.isArray(fromExample?.value) || (fromProse?.isCollection ?? false) };
  if (fromProse?.href && !type.isPrimitive) type.href = fromProse.href;
  const source: SourceRef = fromProse?.source ?? fromExample!.source;
  const required = fromProse?.optional ? { required: false } : rows.some((row) => row.required === true) ? { required: true } : {};
  return { name, type, description: fromProse?.sentence ?? '', ...required, from: fromProse ? 'prose' : 'example', source };
}

/** A parameter type read from a JSON value; null, empty arrays and plain objects say none. */
function jsonType(value: unknown): TypeRefFacts | null {
  if (Array.isArray(value)) {
    const item = value.length > 0 ? jsonType(value[0]) : null;
    return item ? { ...item, raw: `${item.raw} collection`, isCollection: true } : null;
  }
  if (typeof value === 'string') return readTypeText('String').type;
  if (typeof value === 'boolean') return readTypeText('Boolean').type;
  if (typeof value === 'number') return readTypeText(Number.isInteger(value) ? 'Int32' : 'Double').type;
  if (isObject(value) && typeof value['@odata.type'] === 'string') return readTypeText(value['@odata.type'].replace(/^#/, '')).type;
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
