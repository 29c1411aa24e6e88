/**
 * Model type references → TypeScript type text for the client: Edm primitives
 * by the models emitter's table, documented types through the models barrel by
 * the names the models emitter exports, anything unresolved as `unknown`.
 */
import type { ModelType, TypeRef } from '../model/ir.js';
import { primitiveMapping } from './type-map.js';

export interface TypeScope {
  typeIndex: ReadonlyMap<string, ModelType>;
  /**
   * The models barrel's name for a value of a type: its `XUnion` when types
   * derive from it, else its interface (`ModelNames.reference`).
   */
  reference: (fullName: string) => string | undefined;
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

/** One element's type text (collection-ness ignored); primitives as the models emitter maps them. */
export function elementType(name: string, scope: TypeScope): string {
  if (isPrimitive({ name })) return primitiveMapping(name).ts;
  const type = modelTypeOf(name, scope);
  const identifier = type && scope.reference(type.fullName);
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
