/**
 * Base and derived types as the emitters use them: only structured types that
 * exist in this API version take part, and a base-type cycle (which the linker
 * reports) is cut so that every type on it has no base. Interfaces, unions and
 * validator schemas all read inheritance from here, so they agree.
 */
import { compareStrings } from '../model/diagnostic.js';
import type { ModelType } from '../model/ir.js';
import { isStructured } from './type-map.js';

export class TypeHierarchy {
  private readonly bases = new Map<string, ModelType>();
  private readonly children = new Map<string, ModelType[]>();

  constructor(private readonly typeIndex: ReadonlyMap<string, ModelType>) {
    for (const type of typeIndex.values()) {
      const base = this.declaredBase(type);
      if (!base || this.onCycle(type)) continue;
      this.bases.set(type.fullName, base);
      const list = this.children.get(base.fullName);
      if (list) list.push(type);
      else this.children.set(base.fullName, [type]);
    }
  }

  /** The base type the emitted code extends, or undefined (none, missing, not structured, or on a cycle). */
  baseOf(type: ModelType): ModelType | undefined {
    return this.bases.get(type.fullName);
  }

  /** Nearest first. */
  ancestorsOf(type: ModelType): ModelType[] {
    const out: ModelType[] = [];
    for (let base = this.baseOf(type); base; base = this.baseOf(base)) out.push(base);
    return out;
  }

  /** Every type derived from `type`, directly or not, sorted by full name. */
  descendantsOf(type: ModelType): ModelType[] {
    const out: ModelType[] = [];
    const walk = (t: ModelType) => {
      for (const child of this.children.get(t.fullName) ?? []) {
        out.push(child);
        walk(child);
      }
    };
    walk(type);
    return out.sort((a, b) => compareStrings(a.fullName, b.fullName));
  }

  /** Why a declared base type is not extended, for a doc note; undefined when it is (or there is none). */
  baseNote(type: ModelType): string | undefined {
    if (!type.baseType || this.bases.has(type.fullName)) return undefined;
    const base = this.typeIndex.get(type.baseType);
    if (!base) return `Base type \`${type.baseType}\` is not documented; its properties are not included.`;
    if (!isStructured(base)) return `Base type \`${type.baseType}\` is not a documented entity or complex type; its properties are not included.`;
    return `Base type \`${type.baseType}\` is part of a base-type cycle, which is cut here.`;
  }

  private declaredBase(type: ModelType): ModelType | undefined {
    if (!isStructured(type) || !type.baseType) return undefined;
    const base = this.typeIndex.get(type.baseType);
    return isStructured(base) ? base : undefined;
  }

  private onCycle(type: ModelType): boolean {
    const seen = new Set<string>();
    for (let t = this.declaredBase(type); t; t = this.declaredBase(t)) {
      if (t.fullName === type.fullName) return true;
      if (seen.has(t.fullName)) return false;
      seen.add(t.fullName);
    }
    return false;
  }
}
