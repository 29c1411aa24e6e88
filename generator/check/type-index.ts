/**
 * One API version's model types, looked up the ways example bodies and
 * annotations name them (`#microsoft.graph.user`, `user`, `Collection(x)`),
 * with inheritance walked: properties of base types, open types, subtypes.
 */
import type { Model, ModelProperty, ModelType } from '../model/ir.js';

/** "This is a subclass of [x](x.md)": a base type the description states in words only. */
const SUBCLASS = /\b(?:subclass of|inherits from|derived from|derives from)\s+(?:the\s+)?\[?\**`?([A-Za-z][\w.]*\w)/i;

export interface Lookup {
  type: ModelType;
  /** False when only a case-insensitive or bare-name match was found. */
  exact: boolean;
}

export class TypeIndex {
  private readonly byFullName = new Map<string, ModelType>();
  private readonly byLower = new Map<string, ModelType>();
  private readonly byBare = new Map<string, ModelType[]>();
  /** By type object, not name: synthesized parameter types of different pages share names (`(parameters of assign action)`). */
  private propertyCache = new WeakMap<ModelType, Map<string, ModelProperty>>();
  /** Properties and base types that second definitions of a type (other pages) add. */
  private readonly extra = new Map<string, { properties: ModelProperty[]; baseType: string | null }>();

  constructor(readonly apiVersion: string, types: readonly ModelType[]) {
    for (const type of types) {
      this.byFullName.set(type.fullName, type);
      if (!this.byLower.has(type.fullName.toLowerCase())) this.byLower.set(type.fullName.toLowerCase(), type);
      const list = this.byBare.get(type.name.toLowerCase());
      if (list) list.push(type);
      else this.byBare.set(type.name.toLowerCase(), [type]);
    }
  }

  static forVersions(model: Model): Map<string, TypeIndex> {
    const out = new Map<string, TypeIndex>();
    for (const version of model.apiVersions) {
      out.set(version, new TypeIndex(version, model.types.filter((t) => t.apiVersion === version)));
    }
    return out;
  }

  /**
   * Adds what another page documenting the same type says: the model keeps the
   * first definition only (a partial Intune page can shadow the full one).
   */
  augment(fullName: string, properties: ModelProperty[], baseType: string | null): void {
    const entry = this.extra.get(fullName) ?? { properties: [], baseType: null };
    entry.properties.push(...properties);
    entry.baseType ??= baseType;
    this.extra.set(fullName, entry);
    this.propertyCache = new WeakMap();
  }

  get(fullName: string): ModelType | undefined {
    return this.byFullName.get(fullName);
  }

  /** Every type of the version, for "did you mean". */
  all(): IterableIterator<ModelType> {
    return this.byFullName.values();
  }

  /**
   * A type as an annotation or `@odata.type` writes it: `#` and `Collection()`
   * removed; exact full name, then `microsoft.graph.` + name, then ignoring case,
   * then a bare name documented once.
   */
  lookup(written: string): Lookup | undefined {
    const name = unwrapCollection(written.trim().replace(/^#/, '')).name;
    const exact = this.byFullName.get(name) ?? this.byFullName.get(`microsoft.graph.${name}`);
    if (exact) return { type: exact, exact: true };
    const lower = this.byLower.get(name.toLowerCase()) ?? this.byLower.get(`microsoft.graph.${name}`.toLowerCase());
    if (lower) return { type: lower, exact: false };
    const bare = this.byBare.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
    if (bare?.length === 1 && !name.includes('.')) return { type: bare[0]!, exact: false };
    return undefined;
  }

  /** The type and its base types, nearest first (stops at cycles and unknown bases). */
  chain(type: ModelType): ModelType[] {
    const out = [type];
    const seen = new Set([type.fullName]);
    for (let base = this.baseOf(type); base && !seen.has(base.fullName); base = this.baseOf(base)) {
      seen.add(base.fullName);
      out.push(base);
    }
    return out;
  }

  /** True when the chain reaches a base type no page documents (so properties may be missing). */
  hasUnknownBase(type: ModelType): boolean {
    const chain = this.chain(type);
    const last = chain[chain.length - 1]!;
    const base = last.baseType ?? this.extra.get(last.fullName)?.baseType ?? null;
    return (base !== null && !this.byFullName.has(base)) || chain.some((t) => t.origin !== 'documented');
  }

  /** Own, inherited and navigation properties by name. */
  properties(type: ModelType): Map<string, ModelProperty> {
    let cached = this.propertyCache.get(type);
    if (!cached) {
      cached = new Map();
      for (const t of this.chain(type)) {
        for (const property of [...t.properties, ...t.navigationProperties, ...(this.extra.get(t.fullName)?.properties ?? [])]) {
          if (!cached.has(property.name)) cached.set(property.name, property);
        }
      }
      this.propertyCache.set(type, cached);
    }
    return cached;
  }

  /**
   * Open when an annotation says `openType`, when a description calls the type
   * an open type, or when nothing in the chain documents any property (a
   * placeholder page cannot say what is unknown).
   */
  isOpen(type: ModelType): boolean {
    const chain = this.chain(type);
    return chain.some((t) => t.openType === true || /\bopen[\s_*-]+type\b/i.test(t.description)) || this.properties(type).size === 0;
  }

  /** True when `type` is `ancestor` or derives from it. */
  isA(type: ModelType, ancestor: ModelType): boolean {
    return this.chain(type).some((t) => t.fullName === ancestor.fullName);
  }

  /** Every type deriving from `type`, transitively. */
  descendants(type: ModelType): ModelType[] {
    const out: ModelType[] = [];
    const queue = [...(type.derivedTypes ?? [])];
    const seen = new Set<string>();
    while (queue.length) {
      const name = queue.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const derived = this.byFullName.get(name);
      if (!derived) continue;
      out.push(derived);
      queue.push(...(derived.derivedTypes ?? []));
    }
    return out;
  }

  private baseOf(type: ModelType): ModelType | undefined {
    const base = type.baseType ?? this.extra.get(type.fullName)?.baseType;
    if (base) return this.byFullName.get(base);
    const said = SUBCLASS.exec(type.description)?.[1];
    const found = said ? this.lookup(said) : undefined;
    return found && found.type.fullName !== type.fullName && found.type.kind !== 'enum' ? found.type : undefined;
  }
}

/** `Collection(microsoft.graph.user)` → `{ name: 'microsoft.graph.user', isCollection: true }`. */
export function unwrapCollection(written: string): { name: string; isCollection: boolean } {
  const match = /^collection\((.*)\)$/i.exec(written.trim());
  return match ? { name: match[1]!.trim().replace(/^#/, ''), isCollection: true } : { name: written.trim(), isCollection: false };
}
