/**
 * The one validator runtime file emitted per API version
 * (`<version>/validators/runtime.ts`): walks a JSON value against the emitted
 * schema table and returns every problem as data. No dependencies; written to
 * compile under the strictest tsconfig a consumer may use (strict,
 * exactOptionalPropertyTypes, noUncheckedIndexedAccess, erasableSyntaxOnly,
 * ES2015 lib). Kept as text because it is output, not generator code; the
 * behaviour tests run it. The primitive checks come from `type-map.ts`.
 */
import { PRIMITIVES } from './type-map.js';

export function validatorRuntimeSource(): string {
  const checks = Object.fromEntries(Object.entries(PRIMITIVES).map(([name, mapping]) => [name, mapping.check]));
  return RUNTIME.replace('/*PRIMITIVE_CHECKS*/', JSON.stringify(checks, null, 2));
}

const RUNTIME = String.raw`/**
 * Validator runtime: checks a JSON value against the schema table of the
 * types the docs describe. Every problem is returned as data, with a JSON path.
 */

export type ProblemKind = 'type' | 'enum' | 'format' | 'range' | 'null' | 'odata-type' | 'unknown-property';

export interface ValidationProblem {
  /** JSON path of the offending value: $.groups[0].target.collectionId, $["odd-name"]. */
  path: string;
  /**
   * type: wrong JSON kind (or a non-integer where an integer is expected); enum: not a member;
   * format: a string that is not a valid Guid / Date / TimeOfDay / DateTimeOffset / Duration / base64;
   * range: an integer outside its Edm type; null: null where the docs do not allow it;
   * odata-type: an @odata.type that is not the expected type or one derived from it;
   * unknown-property: a property the docs do not define (filter these out to be lenient).
   */
  kind: ProblemKind;
  expected: string;
  actual: string;
  message: string;
}

/** [wire name, Edm primitive or type full name, flags]; flags: c = collection, n = nullable. */
export type PropertySchema = readonly [name: string, type: string, flags?: string];

export type TypeSchema =
  | {
      readonly name: string;
      readonly kind: 'entity' | 'complex';
      readonly base?: string;
      /** Open type: properties not listed are allowed. */
      readonly open?: boolean;
      readonly properties: readonly PropertySchema[];
    }
  | { readonly name: string; readonly kind: 'enum'; readonly members: readonly string[] }
  | { readonly name: string; readonly kind: 'unresolved' };

type PrimitiveCheck = 'string' | 'boolean' | 'integer' | 'number' | 'any';

const PRIMITIVE_CHECKS: { readonly [edm: string]: PrimitiveCheck | undefined } = /*PRIMITIVE_CHECKS*/;

const INTEGER_RANGES: { readonly [edm: string]: readonly [number, number] | undefined } = {
  'Edm.Byte': [0, 255],
  'Edm.SByte': [-128, 127],
  'Edm.Int16': [-32768, 32767],
  'Edm.Int32': [-2147483648, 2147483647],
};

const TIME = '([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?';
const DATE = '([0-9]{4})-([0-9]{2})-([0-9]{2})';

const FORMATS: { readonly [edm: string]: { readonly pattern: RegExp; readonly example: string } | undefined } = {
  'Edm.Guid': { pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, example: '00000000-0000-0000-0000-000000000000' },
  'Edm.Date': { pattern: new RegExp('^' + DATE + '$'), example: '2024-01-31' },
  'Edm.TimeOfDay': { pattern: new RegExp('^' + TIME + '$'), example: '13:45:00' },
  'Edm.DateTimeOffset': { pattern: new RegExp('^' + DATE + '[Tt]' + TIME + '([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$'), example: '2024-01-31T13:45:00Z' },
  'Edm.Duration': { pattern: /^-?P(?!$)([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$/, example: 'P1DT2H30M' },
  'Edm.Binary': { pattern: /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/, example: 'SGVsbG8=' },
};

/** Keys that are instance annotations (@odata.context, @odata.nextLink, x@odata.type, @microsoft.graph.tips): allowed anywhere. */
const ANNOTATION = /^[^@]*@[^@.]+\.[^@]+$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ODATA_TYPE = '@odata.type';

interface Structured {
  readonly name: string;
  readonly properties: Map<string, PropertySchema>;
  readonly ancestors: Set<string>;
  readonly open: boolean;
}

/** A validator: every problem of a value, each with a JSON path; empty when it conforms. */
export type Validator = (value: unknown) => ValidationProblem[];

/** A type guard: no problem other than unknown-property (TypeScript allows extra properties). */
export type Guard<T> = (value: unknown) => value is T;

/** The schema table of one API version, indexed; validators call check and conforms. */
export class SchemaIndex {
  private readonly types = new Map<string, TypeSchema>();
  private readonly structured = new Map<string, Structured>();

  constructor(types: readonly TypeSchema[]) {
    for (const type of types) this.types.set(type.name, type);
  }

  /** Every problem of value as a typeName (a type full name or an Edm primitive); empty when it conforms. */
  check(value: unknown, typeName: string, path = '$'): ValidationProblem[] {
    const problems: ValidationProblem[] = [];
    this.visit(value, typeName, path, problems, []);
    return problems;
  }

  /** True when check finds no problem other than unknown-property (TypeScript allows extra properties). */
  conforms(value: unknown, typeName: string): boolean {
    return this.check(value, typeName).every((p) => p.kind === 'unknown-property');
  }

  /** A Validator for one type. */
  validator(typeName: string): Validator {
    return (value) => this.check(value, typeName);
  }

  /** A Guard for one type; T is the TypeScript type the schema entry was emitted with. */
  guard<T>(typeName: string): Guard<T> {
    return (value): value is T => this.conforms(value, typeName);
  }

  private visit(value: unknown, typeName: string, path: string, problems: ValidationProblem[], stack: unknown[]): void {
    if (value === null) {
      problems.push(problem(path, 'null', typeName, 'null'));
      return;
    }
    if (typeName.indexOf('Edm.') === 0) {
      checkPrimitive(value, typeName, path, problems);
      return;
    }
    const schema = this.types.get(typeName);
    if (schema === undefined || schema.kind === 'unresolved') return;
    if (schema.kind === 'enum') {
      if (typeof value !== 'string') problems.push(problem(path, 'type', 'string (' + typeName + ')', jsonKind(value)));
      else if (schema.members.length > 0 && schema.members.indexOf(value) < 0) problems.push(problem(path, 'enum', oneOf(schema.members), literal(value)));
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(problem(path, 'type', 'object (' + typeName + ')', jsonKind(value)));
      return;
    }
    if (stack.indexOf(value) >= 0) return;
    stack.push(value);
    this.visitObject(value as { readonly [key: string]: unknown }, typeName, path, problems, stack);
    stack.pop();
  }

  private visitObject(value: { readonly [key: string]: unknown }, declared: string, path: string, problems: ValidationProblem[], stack: unknown[]): void {
    let actual = this.resolve(declared);
    if (actual === undefined) return;
    if (hasOwn(value, ODATA_TYPE)) {
      const odataType = value[ODATA_TYPE];
      const at = childPath(path, ODATA_TYPE);
      if (typeof odataType !== 'string') {
        problems.push(problem(at, 'odata-type', 'string', jsonKind(odataType)));
      } else {
        const name = odataType.charAt(0) === '#' ? odataType.slice(1) : odataType;
        const named = name === declared ? actual : this.resolve(name);
        if (named !== undefined && (named === actual || named.ancestors.has(declared))) actual = named;
        else problems.push(problem(at, 'odata-type', declared + ' or a type derived from it', literal(odataType)));
      }
    }
    for (const key of Object.keys(value)) {
      if (key === ODATA_TYPE) continue;
      const property = actual.properties.get(key);
      const at = childPath(path, key);
      if (property !== undefined) this.visitProperty(value[key], property, at, problems, stack);
      else if (!actual.open && !ANNOTATION.test(key)) problems.push(problem(at, 'unknown-property', 'a property of ' + actual.name, literal(key)));
    }
  }

  private visitProperty(value: unknown, property: PropertySchema, path: string, problems: ValidationProblem[], stack: unknown[]): void {
    const type = property[1];
    const flags = property[2] === undefined ? '' : property[2];
    const collection = flags.indexOf('c') >= 0;
    // An optional property set to undefined: not JSON, but what TypeScript allows for "x?: T".
    if (value === undefined) return;
    if (value === null) {
      if (flags.indexOf('n') < 0) problems.push(problem(path, 'null', collection ? 'array of ' + type : type, 'null'));
      return;
    }
    if (!collection) {
      this.visit(value, type, path, problems, stack);
      return;
    }
    if (!Array.isArray(value)) {
      problems.push(problem(path, 'type', 'array of ' + type, jsonKind(value)));
      return;
    }
    for (let i = 0; i < value.length; i++) this.visit(value[i], type, path + '[' + i + ']', problems, stack);
  }

  /** A structured type with its inherited properties (own ones win), ancestors and openness; cached. */
  private resolve(name: string): Structured | undefined {
    const cached = this.structured.get(name);
    if (cached !== undefined) return cached;
    const chain: Extract<TypeSchema, { properties: unknown }>[] = [];
    for (let t = this.types.get(name); t !== undefined && (t.kind === 'entity' || t.kind === 'complex'); t = t.base === undefined ? undefined : this.types.get(t.base)) {
      if (chain.indexOf(t) >= 0) break;
      chain.push(t);
    }
    const self = chain[0];
    if (self === undefined) return undefined;
    const properties = new Map<string, PropertySchema>();
    for (let i = chain.length - 1; i >= 0; i--) for (const p of chain[i]!.properties) properties.set(p[0], p);
    const resolved: Structured = {
      name,
      properties,
      ancestors: new Set(chain.slice(1).map((t) => t.name)),
      open: chain.some((t) => t.open === true),
    };
    this.structured.set(name, resolved);
    return resolved;
  }
}

function checkPrimitive(value: unknown, edm: string, path: string, problems: ValidationProblem[]): void {
  const check = PRIMITIVE_CHECKS[edm];
  if (check === undefined || check === 'any') return;
  if (check === 'string' || check === 'boolean') {
    if (typeof value !== check) {
      problems.push(problem(path, 'type', check + ' (' + edm + ')', jsonKind(value)));
      return;
    }
    const format = FORMATS[edm];
    if (format !== undefined && !(format.pattern.test(value as string) && validCalendar(value as string, edm))) {
      problems.push(problem(path, 'format', edm + ' (like ' + format.example + ')', literal(value)));
    }
    return;
  }
  if (typeof value !== 'number' || !isFinite(value)) {
    problems.push(problem(path, 'type', check + ' (' + edm + ')', jsonKind(value)));
    return;
  }
  if (check === 'integer') {
    if (Math.floor(value) !== value) {
      problems.push(problem(path, 'type', 'integer (' + edm + ')', 'number ' + String(value)));
      return;
    }
    const range = INTEGER_RANGES[edm];
    if (range !== undefined && (value < range[0] || value > range[1])) {
      problems.push(problem(path, 'range', edm + ' (' + range[0] + ' to ' + range[1] + ')', String(value)));
    }
  }
}

/** Day of month within the month (leap years included) for Date and DateTimeOffset. */
function validCalendar(text: string, edm: string): boolean {
  if (edm !== 'Edm.Date' && edm !== 'Edm.DateTimeOffset') return true;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day <= days;
}

function problem(path: string, kind: ProblemKind, expected: string, actual: string): ValidationProblem {
  const what = kind === 'unknown-property' ? 'property ' + actual : actual;
  return { path, kind, expected, actual, message: 'Unexpected ' + what + ' at ' + path + ', expected ' + expected };
}

function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? path + '.' + key : path + '[' + JSON.stringify(key) + ']';
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !isFinite(value)) return 'number ' + String(value);
  return typeof value;
}

function literal(value: unknown): string {
  const text = String(JSON.stringify(value));
  return text.length > 80 ? text.slice(0, 77) + '...' : text;
}

function oneOf(members: readonly string[]): string {
  const shown = members.slice(0, 12).map((m) => JSON.stringify(m));
  return 'one of ' + shown.join(', ') + (members.length > 12 ? ', ... (' + members.length + ' members)' : '');
}

function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}
`;
