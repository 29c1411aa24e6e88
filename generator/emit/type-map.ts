/**
 * How model types become TypeScript and validator checks: the Edm primitive
 * table and the nullability rule. Shared by the models and validators
 * emitters so a type and its validator never disagree.
 */
import type { ModelProperty, ModelType } from '../model/ir.js';

/** What the validator runtime checks for a primitive (see `validator-runtime-source.ts`). */
export type PrimitiveCheck = 'string' | 'boolean' | 'integer' | 'number' | 'any';

export interface PrimitiveMapping {
  /** TypeScript type text. */
  ts: 'string' | 'number' | 'boolean' | 'unknown';
  check: PrimitiveCheck;
}

/**
 * Edm primitive → TypeScript. Choices, following the OData JSON format as Graph sends it:
 * - Edm.Int64 and Edm.Decimal are JSON numbers in Graph payloads (the strings of the
 *   `IEEE754Compatible=true` format are not used by Graph), so they are `number`. Int64
 *   values above 2^53 lose precision in `JSON.parse` before any validator sees them.
 * - Single/Double are `number`; the OData special strings `"NaN"`, `"INF"`, `"-INF"` are
 *   not accepted, so that `isX(value)` never claims a string is a `number`.
 * - Date/time, Guid, Duration and Binary (base64url) are strings with a checked format.
 * - Stream is a string (a media link or inline base64 in the docs' examples).
 * - Untyped, and any Edm name not listed here, is `unknown` and accepts any JSON.
 */
export const PRIMITIVES: Readonly<Record<string, PrimitiveMapping>> = {
  'Edm.String': { ts: 'string', check: 'string' },
  'Edm.Guid': { ts: 'string', check: 'string' },
  'Edm.Date': { ts: 'string', check: 'string' },
  'Edm.TimeOfDay': { ts: 'string', check: 'string' },
  'Edm.Duration': { ts: 'string', check: 'string' },
  'Edm.DateTimeOffset': { ts: 'string', check: 'string' },
  'Edm.Binary': { ts: 'string', check: 'string' },
  'Edm.Stream': { ts: 'string', check: 'string' },
  'Edm.Boolean': { ts: 'boolean', check: 'boolean' },
  'Edm.Int16': { ts: 'number', check: 'integer' },
  'Edm.Int32': { ts: 'number', check: 'integer' },
  'Edm.Int64': { ts: 'number', check: 'integer' },
  'Edm.Byte': { ts: 'number', check: 'integer' },
  'Edm.SByte': { ts: 'number', check: 'integer' },
  'Edm.Single': { ts: 'number', check: 'number' },
  'Edm.Double': { ts: 'number', check: 'number' },
  'Edm.Decimal': { ts: 'number', check: 'number' },
  'Edm.Untyped': { ts: 'unknown', check: 'any' },
};

const UNKNOWN_PRIMITIVE: PrimitiveMapping = { ts: 'unknown', check: 'any' };

/**
 * Model types that stand for any JSON value. Graph's `microsoft.graph.Json` is
 * documented as a complex type without properties ("Represents data returned in
 * JSON format"), yet the workbook APIs carry strings, numbers and arrays of
 * arrays in it (`workbookRange.formulas`, `workbookChartAxis.maximum`), as the
 * docs' examples show; the Graph SDK typings make it `any`. A reference to it is
 * typed and checked as `Edm.Untyped`; the type's own declaration is still emitted.
 */
const ANY_JSON_TYPES: ReadonlySet<string> = new Set(['microsoft.graph.Json']);

/** The type name a property, parameter or response refers to, as emitted: the model's, `Edm.Untyped` for an any-JSON type. */
export function referencedTypeName(name: string): string {
  return ANY_JSON_TYPES.has(name) ? 'Edm.Untyped' : name;
}

export function isPrimitiveName(name: string): boolean {
  return name.startsWith('Edm.');
}

export function primitiveMapping(name: string): PrimitiveMapping {
  return Object.hasOwn(PRIMITIVES, name) ? PRIMITIVES[name]! : UNKNOWN_PRIMITIVE;
}

/**
 * The nullability rule (one place, used by interfaces and validators):
 * - A single-valued property may be `null` unless the docs say it is not nullable
 *   (`nullable === false`), the OData default `Nullable="true"`. The key property of
 *   an entity (`keyProperty`, usually `id`) is never null.
 * - A collection is never `null` in OData JSON (an absent value is an empty array) and
 *   its items are never `null`; only an explicit `nullable === true` from the docs lets
 *   the collection itself be `null` (its items still may not be).
 */
export function isNullable(owner: ModelType, property: ModelProperty): boolean {
  if (property.type.isCollection) return property.nullable === true;
  if (owner.keyProperty !== undefined && owner.keyProperty === property.name) return false;
  return property.nullable !== false;
}

/** The wire name every structured type carries for its discriminant; declared by the emitters, never taken from docs. */
export const ODATA_TYPE = '@odata.type';

/** Own properties and navigation properties, first declaration of a name wins, `@odata.type` left out. */
export function ownProperties(type: ModelType): ModelProperty[] {
  const seen = new Set<string>([ODATA_TYPE]);
  const out: ModelProperty[] = [];
  for (const property of [...type.properties, ...type.navigationProperties]) {
    if (seen.has(property.name)) continue;
    seen.add(property.name);
    out.push(property);
  }
  return out;
}

export function isStructured(type: ModelType | undefined): type is ModelType & { kind: 'entity' | 'complex' } {
  return type?.kind === 'entity' || type?.kind === 'complex';
}
