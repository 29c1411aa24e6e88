/**
 * Hand-built Model fixtures for emitter tests: small builders for types,
 * properties and operations, and an EmitContext the way the orchestrator makes one.
 */
import { compareStrings } from '../../generator/model/diagnostic.js';
import type { Model, ModelOperation, ModelProperty, ModelType, TypeKind } from '../../generator/model/ir.js';
import type { EmitContext } from '../../generator/emit/emitter.js';
import { NameTable } from '../../generator/emit/naming.js';

const SOURCE = { file: 'fixture.md', line: 1, column: 1 };
export const GRAPH = 'microsoft.graph';

export type PropertyOptions = Partial<Pick<ModelProperty, 'description' | 'nullable' | 'readOnly' | 'possibleValues'>>;

/** `prop('displayName', 'Edm.String')`, `prop('items', 'microsoft.graph.item', true)`. */
export function prop(name: string, type: string, isCollection = false, options: PropertyOptions = {}): ModelProperty {
  return { name, type: { name: type, isCollection }, description: options.description ?? '', source: SOURCE, ...options };
}

export interface TypeOptions {
  namespace?: string;
  baseType?: string;
  description?: string;
  navigation?: ModelProperty[];
  keyProperty?: string;
  openType?: boolean;
  isAbstract?: boolean;
  origin?: ModelType['origin'];
  apiVersion?: string;
}

function type(kind: TypeKind, name: string, options: TypeOptions, rest: Partial<ModelType>): ModelType {
  const namespace = options.namespace ?? GRAPH;
  const t: ModelType = {
    kind,
    name,
    namespace,
    fullName: namespace ? `${namespace}.${name}` : name,
    apiVersion: options.apiVersion ?? 'v1.0',
    baseType: options.baseType ?? null,
    description: options.description ?? '',
    source: SOURCE,
    properties: [],
    navigationProperties: options.navigation ?? [],
    members: [],
    origin: options.origin ?? 'documented',
    documentedIn: ['fixture.md'],
    ...rest,
  };
  if (options.keyProperty !== undefined) t.keyProperty = options.keyProperty;
  if (options.openType !== undefined) t.openType = options.openType;
  if (options.isAbstract !== undefined) t.isAbstract = options.isAbstract;
  return t;
}

export function entity(name: string, properties: ModelProperty[], options: TypeOptions = {}): ModelType {
  return type('entity', name, options, { properties });
}

export function complex(name: string, properties: ModelProperty[], options: TypeOptions = {}): ModelType {
  return type('complex', name, options, { properties });
}

export function enumType(name: string, members: string[], options: TypeOptions = {}): ModelType {
  return type('enum', name, options, { members: members.map((m) => ({ name: m, value: null, description: '' })) });
}

export function unresolved(fullName: string): ModelType {
  const dot = fullName.lastIndexOf('.');
  return type('unresolved', fullName.slice(dot + 1), { namespace: fullName.slice(0, dot), origin: 'referenced' }, { documentedIn: [] });
}

export function operation(id: string, title: string, apiVersion = 'v1.0'): ModelOperation {
  return {
    id: `${apiVersion}:${id}`,
    apiVersion,
    kind: 'action',
    title,
    description: '',
    method: 'POST',
    paths: ['/x'],
    pathParameters: [],
    permissions: [],
    requestHeaders: [],
    queryParameters: [],
    parameters: [],
    requestBody: null,
    response: { status: 204, type: null },
    resource: null,
    examples: [],
    source: SOURCE,
  };
}

/** Sets `derivedTypes` as the linker does and sorts like a Model. */
export function modelOf(types: ModelType[], operations: ModelOperation[] = []): Model {
  const sorted = [...types].sort((a, b) => compareStrings(a.apiVersion, b.apiVersion) || compareStrings(a.fullName, b.fullName));
  for (const t of sorted) {
    const base = t.baseType ? sorted.find((b) => b.fullName === t.baseType && b.apiVersion === t.apiVersion) : undefined;
    if (base) base.derivedTypes = [...(base.derivedTypes ?? []), t.fullName].sort(compareStrings);
  }
  return {
    schemaVersion: 1,
    generator: { name: 'docs2ts', version: '0.0.0-test' },
    apiVersions: [...new Set(sorted.map((t) => t.apiVersion))].sort(compareStrings),
    pages: { total: 0, byKind: { api: 0, resource: 0, enum: 0, conceptual: 0 }, empty: 0 },
    types: sorted,
    operations: [...operations].sort((a, b) => compareStrings(a.id, b.id)),
    diagnostics: [],
  };
}

/** The EmitContext of one API version, as the orchestrator builds it. */
export function contextOf(model: Model, apiVersion = model.apiVersions[0] ?? 'v1.0'): EmitContext {
  const types = model.types.filter((t) => t.apiVersion === apiVersion);
  const operations = model.operations.filter((o) => o.apiVersion === apiVersion);
  return {
    model,
    apiVersion,
    types,
    operations,
    typeIndex: new Map(types.map((t) => [t.fullName, t])),
    names: new NameTable(types, operations),
    inputLabel: 'fixtures',
  };
}

export function contextFor(types: ModelType[], operations: ModelOperation[] = []): EmitContext {
  return contextOf(modelOf(types, operations));
}
