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
import { TypeHierarchy } from './type-hierarchy.js';
import { isStructured } from './type-map.js';

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
