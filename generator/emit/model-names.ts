/**
 * Identifiers the models and validators emitters add beside each type's own
 * name (from `NameTable`): the union of a type and its derived types, an enum's
 * member array, and a type's validator and guard. They are claimed in sorted
 * order against every type and operation identifier of the API version, so
 * they never collide with one another, and other emitters (the client) can
 * name them too.
 */
import { compareStrings } from '../model/diagnostic.js';
import type { ModelType } from '../model/ir.js';
import type { EmitContext } from './emitter.js';
import { NameTable } from './naming.js';
import { alignedStrings, type ShapeCodec } from './shape-memo.js';
import { TypeHierarchy } from './type-hierarchy.js';
import { isStructured } from './type-map.js';

/** The identifier maps of `ModelNames`, in the order `MODEL_NAMES` saves them. */
const KINDS = ['types', 'unions', 'values', 'validators', 'guards'] as const;
type AlignedNames = Record<(typeof KINDS)[number], readonly (string | null)[]>;

export class ModelNames {
  private readonly used = new Set<string>();
  private readonly types = new Map<string, string>();
  private readonly unions = new Map<string, string>();
  private readonly values = new Map<string, string>();
  private readonly validators = new Map<string, string>();
  private readonly guards = new Map<string, string>();

  constructor(ctx: Pick<EmitContext, 'types' | 'operations' | 'names'>, hierarchy: TypeHierarchy) {
    const sorted = [...ctx.types].sort((a, b) => compareStrings(a.fullName, b.fullName));
    for (const type of sorted) {
      const name = ctx.names.typeName(type.fullName);
      if (name === undefined) continue;
      this.types.set(type.fullName, name);
      this.used.add(name);
    }
    for (const operation of ctx.operations) {
      const name = ctx.names.operationName(operation.id);
      if (name !== undefined) this.used.add(name);
    }
    for (const type of sorted) {
      const name = this.types.get(type.fullName);
      if (name === undefined) continue;
      if (type.kind === 'enum') this.values.set(type.fullName, this.claim(`${name}Values`));
      if (isStructured(type) && hierarchy.descendantsOf(type).length > 0) this.unions.set(type.fullName, this.claim(`${name}Union`));
      if (type.kind !== 'unresolved') {
        this.validators.set(type.fullName, this.claim(`validate${name}`));
        this.guards.set(type.fullName, this.claim(`is${name}`));
      }
    }
  }

  /** Names already assigned: for each of `KINDS`, one name (or null) per type of `types`. */
  static assigned(types: readonly ModelType[], names: AlignedNames): ModelNames {
    const assigned = new ModelNames({ types: [], operations: [], names: new NameTable([]) }, new TypeHierarchy(new Map()));
    for (const kind of KINDS) types.forEach((type, i) => names[kind][i] !== null && assigned[kind].set(type.fullName, names[kind][i]!));
    return assigned;
  }

  /** The names of `types` for each of `KINDS` (null: none). */
  aligned(types: readonly ModelType[]): AlignedNames {
    const of = (names: ReadonlyMap<string, string>) => types.map((type) => names.get(type.fullName) ?? null);
    return { types: of(this.types), unions: of(this.unions), values: of(this.values), validators: of(this.validators), guards: of(this.guards) };
  }

  /** The interface / type alias of a type (its `NameTable` name). */
  type(fullName: string): string | undefined {
    return this.types.get(fullName);
  }

  /** `XUnion`: the type and every type derived from it; only for types that have derived types. */
  union(fullName: string): string | undefined {
    return this.unions.get(fullName);
  }

  /** The name to use where a value of the type is expected: its union when it has derived types. */
  reference(fullName: string): string | undefined {
    return this.unions.get(fullName) ?? this.types.get(fullName);
  }

  /** `XValues`: an enum's members `as const`. */
  enumValues(fullName: string): string | undefined {
    return this.values.get(fullName);
  }

  /** `validateX(value: unknown): ValidationProblem[]`. */
  validator(fullName: string): string | undefined {
    return this.validators.get(fullName);
  }

  /** `isX(value: unknown): value is X`. */
  guard(fullName: string): string | undefined {
    return this.guards.get(fullName);
  }

  private claim(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}${n}`;
    this.used.add(name);
    return name;
  }
}

/** A version's `ModelNames` in its shape memo (`shape-memo.ts`). */
export const MODEL_NAMES: ShapeCodec<ModelNames> = {
  name: 'model-names',
  save: (names, { types }) => names.aligned(types),
  restore: (saved, { types }) => {
    const record = saved as Partial<Record<keyof AlignedNames, unknown>> | null;
    const names: Partial<Record<keyof AlignedNames, (string | null)[]>> = {};
    for (const kind of KINDS) {
      const list = alignedStrings(record?.[kind], types.length, true);
      if (!list) return undefined;
      names[kind] = list;
    }
    return ModelNames.assigned(types, names as AlignedNames);
  },
};
