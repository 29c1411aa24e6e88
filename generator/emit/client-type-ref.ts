/**
 * Model type references → TypeScript type text for the client: Edm primitives
 * by table, documented types through the models barrel by their NameTable name,
 * anything unresolved as `unknown`.
 */
import type { ModelType, TypeRef } from '../model/ir.js';
import type { NameTable } from './naming.js';

const EDM: Record<string, string> = {
  'Edm.String': 'string',
  'Edm.Guid': 'string',
  'Edm.Date': 'string',
  'Edm.DateTimeOffset': 'string',
  'Edm.Duration': 'string',
  'Edm.TimeOfDay': 'string',
  'Edm.Binary': 'string',
  'Edm.Boolean': 'boolean',
  'Edm.Byte': 'number',
  'Edm.SByte': 'number',
  'Edm.Int16': 'number',
  'Edm.Int32': 'number',
  'Edm.Int64': 'number',
  'Edm.Single': 'number',
  'Edm.Double': 'number',
  'Edm.Decimal': 'number',
};

export interface TypeScope {
  typeIndex: ReadonlyMap<string, ModelType>;
  names: NameTable;
  /** Local alias of the models barrel namespace import (`models`). */
  modelsAlias: string;
  /** Set when a type text refers to the models barrel. */
  usesModels: boolean;
}

export function isPrimitive(ref: Pick<TypeRef, 'name'>): boolean {
  return ref.name.startsWith('Edm.');
}

/** The model type a reference names (not unresolved), if any. */
export function modelTypeOf(name: string, scope: Pick<TypeScope, 'typeIndex'>): ModelType | undefined {
  const type = scope.typeIndex.get(name);
  return type && type.kind !== 'unresolved' ? type : undefined;
}

/** One element's type text (collection-ness ignored). */
export function elementType(name: string, scope: TypeScope): string {
  if (isPrimitive({ name })) return EDM[name] ?? 'unknown';
  const type = modelTypeOf(name, scope);
  const identifier = type && scope.names.typeName(type.fullName);
  if (!identifier) return 'unknown';
  scope.usesModels = true;
  return `${scope.modelsAlias}.${identifier}`;
}

/** A property's or parameter's type text: `T`, `T[]`, with `| null` when nullable. */
export function typeText(ref: TypeRef, scope: TypeScope, nullable = false): string {
  const element = elementType(ref.name, scope);
  const base = ref.isCollection ? `${element}[]` : element;
  return nullable && element !== 'unknown' ? `${base} | null` : base;
}
