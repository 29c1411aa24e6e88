/**
 * Values an API version's emitters derive from its shape alone (`versionShape`
 * in `index.ts`: names, namespaces, kinds and base types of its types; ids,
 * titles, resources, methods and paths of its operations): identifiers
 * (`NameTable`, `ModelNames`) and client groups. Computing them reads every type
 * and operation of the version, about a tenth of a second for beta in a fresh
 * process. A run that relinked a few pages (`pipeline/relink-version.ts`) has the
 * shape the snapshot was saved with, so it takes them from there instead.
 *
 * Each value is saved by its codec as JSON aligned with the version's types and
 * operations, and restored only for the shape it was saved for. A saved value
 * that does not fit (lengths, types) is computed again.
 */
import type { ModelOperation, ModelType } from '../model/ir.js';

/** The version's types and operations, in model order: what saved values are aligned with. */
export interface ShapeScope {
  types: readonly ModelType[];
  operations: readonly ModelOperation[];
}

export interface ShapeCodec<T> {
  /** The value's key in the saved memo. */
  name: string;
  save(value: T, scope: ShapeScope): unknown;
  /** The value again, or undefined when `saved` does not fit `scope`. */
  restore(saved: unknown, scope: ShapeScope): T | undefined;
}

export interface SavedShapeMemo {
  shape: string;
  values: Record<string, unknown>;
}

export class ShapeMemo {
  private readonly made = new Map<string, { value: unknown; codec: ShapeCodec<unknown> }>();
  private bound: { shape: string; scope: ShapeScope; saved: Record<string, unknown> | undefined } | undefined;
  /** Values taken from the saved memo rather than computed. */
  restored = 0;

  constructor(private readonly from?: SavedShapeMemo) {}

  /** Ties the memo to the one version it serves; saved values are kept only if they were saved for `shape`. */
  bind(shape: string, scope: ShapeScope): void {
    if (this.bound && this.bound.shape !== shape) throw new Error('a shape memo serves one API version shape');
    this.bound ??= { shape, scope, saved: this.from?.shape === shape ? this.from.values : undefined };
  }

  get<T>(codec: ShapeCodec<T>, make: () => T): T {
    const known = this.made.get(codec.name);
    if (known) return known.value as T;
    const saved = this.bound?.saved;
    const restored = saved && Object.hasOwn(saved, codec.name) ? codec.restore(saved[codec.name], this.bound!.scope) : undefined;
    if (restored !== undefined) this.restored++;
    const value = restored ?? make();
    this.made.set(codec.name, { value, codec: codec as ShapeCodec<unknown> });
    return value;
  }

  /** Every value got so far, saved by its codec; undefined before `bind`. */
  save(): SavedShapeMemo | undefined {
    if (!this.bound) return undefined;
    const values: Record<string, unknown> = {};
    for (const [name, { value, codec }] of this.made) values[name] = codec.save(value, this.bound.scope);
    return { shape: this.bound.shape, values };
  }
}

/** `make()`, through the context's memo when it has one. */
export function memoized<T>(ctx: { memo?: ShapeMemo | undefined }, codec: ShapeCodec<T>, make: () => T): T {
  return ctx.memo ? ctx.memo.get(codec, make) : make();
}

/** `saved` when it is an array of `length` strings (or nulls, with `nullable`). */
export function alignedStrings(saved: unknown, length: number, nullable = false): (string | null)[] | undefined {
  if (!Array.isArray(saved) || saved.length !== length) return undefined;
  return saved.every((item) => typeof item === 'string' || (nullable && item === null)) ? (saved as (string | null)[]) : undefined;
}
