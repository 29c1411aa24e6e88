/**
 * The one validator runtime file emitted per API version
 * (`<version>/validators/runtime.ts`): walks a JSON value against the emitted
 * schema table and returns every problem as data. No dependencies; written to
 * compile under the strictest tsconfig a consumer may use (strict,
 * exactOptionalPropertyTypes, noUncheckedIndexedAccess, erasableSyntaxOnly,
 * ES2015 lib). Kept as text because it is output, not generator code; the
 * behaviour tests run it. Part 2 (the primitive checks) is in
 * `validator-runtime-checks.ts`.
 */
import { validatorRuntimeChecks } from './validator-runtime-checks.js';

export function validatorRuntimeSource(): string {
  return [TYPES, validatorRuntimeChecks(), WALK].join('\n');
}

/** Part 1: the problem and schema types. */
const TYPES = String.raw`/**
 * Validator runtime: checks a JSON value against the schema table of the
 * types the docs describe. Every problem is returned as data, with a JSON path.
 */

export type ProblemKind = 'type' | 'enum' | 'format' | 'range' | 'null' | 'odata-type' | 'unknown-property' | 'unreadable' | 'limit';

export interface ValidationProblem {
  /** JSON path of the offending value: $.groups[0].target.collectionId, $["odd-name"]. */
  path: string;
  /**
   * type: wrong JSON kind (a non-integer where an integer is expected, a Map, Date or class
   * instance where a plain object is expected); enum: not a member;
   * format: a string that is not a valid Guid / Date / TimeOfDay / DateTimeOffset / Duration / base64;
   * range: an integer outside its Edm type; null: null where the docs do not allow it;
   * odata-type: an '@odata.type' that is not the expected type or one derived from it;
   * unknown-property: a property the docs do not define (filter these out to be lenient);
   * unreadable: reading the value threw (a getter or a Proxy);
   * limit: nesting deeper than MAX_DEPTH objects, or more than MAX_VALUES values: the walk stops there
   * (a payload no JSON service sends), keeping the problems found before.
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
`;

/** Part 3: the schema index and its walk. */
const WALK = String.raw`/** Keys that are instance annotations ('@odata.context', '@odata.nextLink', 'x@odata.type', '@microsoft.graph.tips'): allowed anywhere. */
const ANNOTATION = /^[^@]*@[^@.]+\.[^@]+$/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ODATA_TYPE = '@odata.type';

/** Objects nested deeper than this are reported (kind limit), not walked: Graph payloads nest a few dozen levels at most. */
export const MAX_DEPTH = 1000;
/** Values one check walks at most, so that getters or a Proxy making new objects without end finish within seconds. */
export const MAX_VALUES = 1000000;

interface Structured {
  readonly name: string;
  readonly properties: Map<string, PropertySchema>;
  readonly ancestors: Set<string>;
  readonly open: boolean;
}

/** A validator: every problem of a value, each with a JSON path; empty when it conforms. Never throws. */
export type Validator = (value: unknown) => ValidationProblem[];

/** A type guard: no problem other than unknown-property (TypeScript allows extra properties). Never throws. */
export type Guard<T> = (value: unknown) => value is T;

/**
 * One value to check, as a type (full name or Edm primitive). The value is
 * owner[key], read when the step runs, so a getter that throws is reported at
 * its own path. flags is set for a property value (undefined is then allowed).
 */
interface Step {
  readonly owner: object;
  readonly key: string | number;
  readonly type: string;
  readonly path: string;
  /** Objects entered above this value. */
  readonly depth: number;
  readonly flags?: string;
}

/** The walk's to-do list, last first: a value to check, a problem to report in order, or an object to leave. */
type Work = { readonly step: Step } | { readonly problem: ValidationProblem } | { readonly leave: object };

interface Walk {
  readonly problems: ValidationProblem[];
  readonly todo: Work[];
  /** The objects being checked (each one's properties are still in todo): a value met again inside itself is a cycle. */
  readonly inside: Set<object>;
  left: number;
}

/**
 * The schema table of one API version, indexed; validators call check and conforms.
 * The walk keeps its own to-do list instead of recursing, so no payload overflows the stack.
 */
export class SchemaIndex {
  private readonly types = new Map<string, TypeSchema>();
  private readonly structured = new Map<string, Structured>();

  constructor(types: readonly TypeSchema[]) {
    for (const type of types) this.types.set(type.name, type);
  }

  /** Every problem of value as a typeName (a type full name or an Edm primitive); empty when it conforms. Never throws. */
  check(value: unknown, typeName: string, path = '$'): ValidationProblem[] {
    const walk: Walk = { problems: [], todo: [{ step: { owner: [value], key: 0, type: typeName, path, depth: 0 } }], inside: new Set(), left: MAX_VALUES };
    for (let work = walk.todo.pop(); work !== undefined; work = walk.todo.pop()) {
      if ('problem' in work) walk.problems.push(work.problem);
      else if ('leave' in work) walk.inside.delete(work.leave);
      else if (walk.left-- <= 0) stop(walk, problem(work.step.path, 'limit', 'at most ' + MAX_VALUES + ' values', 'more values'));
      else {
        try {
          this.step(work.step, walk);
        } catch {
          walk.problems.push(problem(work.step.path, 'unreadable', 'a readable value', 'exception on read'));
        }
      }
    }
    return walk.problems;
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

  /** Checks one value; reads (which may throw) come before anything is added to the walk. */
  private step(step: Step, walk: Walk): void {
    const { type, path, flags } = step;
    const value = (step.owner as { readonly [key: string]: unknown })[step.key];
    // An optional property set to undefined: not JSON, but what TypeScript allows for "x?: T".
    if (value === undefined && flags !== undefined) return;
    const collection = flags !== undefined && flags.indexOf('c') >= 0;
    if (value === null) {
      if (flags === undefined || flags.indexOf('n') < 0) walk.problems.push(problem(path, 'null', collection ? 'array of ' + type : type, 'null'));
      return;
    }
    if (collection) {
      this.stepItems(value, step, walk);
      return;
    }
    if (type.indexOf('Edm.') === 0) {
      checkPrimitive(value, type, path, walk.problems);
      return;
    }
    const schema = this.types.get(type);
    if (schema === undefined || schema.kind === 'unresolved') return;
    const kind = jsonKind(value);
    if (schema.kind === 'enum') {
      if (typeof value !== 'string') walk.problems.push(problem(path, 'type', 'string (' + type + ')', kind));
      else if (schema.members.length > 0 && schema.members.indexOf(value) < 0) walk.problems.push(problem(path, 'enum', oneOf(schema.members), literal(value)));
      return;
    }
    if (kind !== 'object') walk.problems.push(problem(path, 'type', 'object (' + type + ')', kind));
    else if (walk.inside.has(value as object)) return;
    else if (step.depth >= MAX_DEPTH) stop(walk, problem(path, 'limit', 'at most ' + MAX_DEPTH + ' nested objects', 'deeper nesting'));
    else this.stepObject(value as { readonly [key: string]: unknown }, step, walk);
  }

  /** A collection property: each item is a value of the property's type. */
  private stepItems(value: unknown, step: Step, walk: Walk): void {
    const kind = jsonKind(value);
    if (kind !== 'array') {
      walk.problems.push(problem(step.path, 'type', 'array of ' + step.type, kind));
      return;
    }
    const items = value as readonly unknown[];
    const length = items.length;
    if (length > walk.left) {
      stop(walk, problem(step.path, 'limit', 'at most ' + MAX_VALUES + ' values', length + ' items'));
      return;
    }
    for (let i = length - 1; i >= 0; i--) walk.todo.push({ step: { owner: items, key: i, type: step.type, path: step.path + '[' + i + ']', depth: step.depth } });
  }

  /** A plain object: its '@odata.type' picks the type (the declared one or one derived from it), then each property in order. */
  private stepObject(value: { readonly [key: string]: unknown }, step: Step, walk: Walk): void {
    const declared = step.type;
    let actual = this.resolve(declared);
    if (actual === undefined) return;
    const keys = Object.keys(value);
    if (hasOwn(value, ODATA_TYPE)) {
      const odataType = value[ODATA_TYPE];
      const at = childPath(step.path, ODATA_TYPE);
      if (typeof odataType !== 'string') {
        walk.problems.push(problem(at, 'odata-type', 'string', jsonKind(odataType)));
      } else {
        const name = odataType.charAt(0) === '#' ? odataType.slice(1) : odataType;
        const named = name === declared ? actual : this.resolve(name);
        if (named !== undefined && (named === actual || named.ancestors.has(declared))) actual = named;
        else walk.problems.push(problem(at, 'odata-type', declared + ' or a type derived from it', literal(odataType)));
      }
    }
    const next: Work[] = [];
    for (const key of keys) {
      if (key === ODATA_TYPE) continue;
      const property = actual.properties.get(key);
      const at = childPath(step.path, key);
      if (property !== undefined) next.push({ step: { owner: value, key, type: property[1], path: at, depth: step.depth + 1, flags: property[2] === undefined ? '' : property[2] } });
      else if (!actual.open && !ANNOTATION.test(key)) next.push({ problem: problem(at, 'unknown-property', 'a property of ' + actual.name, literal(key)) });
    }
    walk.inside.add(value);
    walk.todo.push({ leave: value });
    for (let i = next.length - 1; i >= 0; i--) walk.todo.push(next[i]!);
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

/** Ends the walk with a limit problem. */
function stop(walk: Walk, limit: ValidationProblem): void {
  walk.problems.push(limit);
  walk.todo.length = 0;
}

function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? path + '.' + key : path + '[' + JSON.stringify(key) + ']';
}

function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}
`;
