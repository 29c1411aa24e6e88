/**
 * Resolves type names as pages write them (bare, qualified, linked, miscased)
 * to the full names of the types one API version documents.
 */
import path from 'node:path/posix';
import type { PageFacts, TypeRefFacts } from '../extract/facts.js';
import type { TypeRef } from './ir.js';

export interface DocumentedType {
  fullName: string;
  name: string;
  namespace: string;
  /** The base type as its page writes it, and that page (for a relative link). */
  base?: { name: string; href?: string; file: string };
}

export interface Resolution {
  ref: TypeRef;
  /** False when no page documents the type: `ref.name` is then a best-guess full name. */
  resolved: boolean;
  /** Set when the link text names one documented type and the link goes to another's page (the page wins). */
  textNames?: string;
  /**
   * Set when the cell names several types: their full names, and the nearest documented
   * type all of them are or derive from (`ref` is then that type), else null (`ref` is the first).
   */
  alternatives?: { names: string[]; base: string | null };
}

export class TypeResolver {
  private readonly byFullName = new Map<string, DocumentedType>();
  private readonly byLowerFullName = new Map<string, DocumentedType | null>();
  private readonly byBareName = new Map<string, DocumentedType[]>();
  private readonly byLowerBareName = new Map<string, DocumentedType[]>();
  /** Page file → the one type it documents (pages that document several are left out). */
  private readonly byPage = new Map<string, DocumentedType>();
  /** Folder → link → the type of the page it points at (null: none), remembered: the pages of a folder link the same few pages over and over. */
  private readonly linked = new Map<string, Map<string, DocumentedType | null>>();
  /** Page file → its folder (a page resolves many links). */
  private readonly folders = new Map<string, string>();
  /** `pages`: the pages of the version. */
  constructor(types: readonly DocumentedType[], pages: readonly PageFacts[]) {
    for (const type of types) {
      this.byFullName.set(type.fullName, type);
      const lower = type.fullName.toLowerCase();
      this.byLowerFullName.set(lower, this.byLowerFullName.has(lower) ? null : type);
      push(this.byBareName, type.name, type);
      push(this.byLowerBareName, type.name.toLowerCase(), type);
    }
    for (const [file, fullName] of this.pageTypes(pages)) {
      const type = this.byFullName.get(fullName);
      if (type) {
        this.byPage.set(file, type);
        this.byPage.set(file.toLowerCase(), type);
      }
    }
  }

  /** Page file → the documented type of each page that documents exactly one type (as written, with its namespace as written). */
  private pageTypes(pages: readonly PageFacts[]): Map<string, string> {
    const map = new Map<string, string>();
    for (const page of pages) {
      const documented = [...page.resources, ...page.enums];
      const only = documented.length === 1 ? documented[0] : undefined;
      const fullName = only && `${only.namespace}.${only.name}`;
      if (fullName && this.byFullName.has(fullName)) map.set(page.file, fullName);
    }
    return map;
  }

  has(fullName: string): boolean {
    return this.byFullName.has(fullName);
  }

  /**
   * Resolution order: the type of the page the cell links to (the link is what the
   * author pointed at; its text is sometimes another type's name); else by name:
   * exact full name, the page's namespace, microsoft.graph, a bare name documented
   * in one namespace only; then the same again ignoring case.
   */
  resolve(type: Pick<TypeRefFacts, 'name' | 'isCollection' | 'isPrimitive' | 'href' | 'alternatives'>, fromFile: string, namespace: string): Resolution {
    if (type.isPrimitive) return { ref: { name: type.name, isCollection: type.isCollection }, resolved: true };
    if (type.alternatives && type.alternatives.length > 1) {
      const { alternatives, ...first } = type;
      const each = alternatives.map((alternative) => this.resolve({ ...alternative, isCollection: false, isPrimitive: false }, fromFile, namespace));
      const names = each.map((resolution) => resolution.ref.name);
      const base = each.every((resolution) => resolution.resolved) ? this.commonBase(names) : null;
      const resolution = base ? { ref: { name: base, isCollection: type.isCollection }, resolved: true } : this.resolve(first, fromFile, namespace);
      return { ...resolution, alternatives: { names, base } };
    }
    const byName = this.find(type.name, namespace);
    const byLink = this.fromHref(type.href, fromFile);
    const found = byLink ?? byName ?? this.findIgnoringCase(type.name, namespace);
    if (found) {
      const resolution: Resolution = { ref: { name: found.fullName, isCollection: type.isCollection }, resolved: true };
      if (byLink && byName && byName !== byLink) resolution.textNames = byName.fullName;
      return resolution;
    }
    return { ref: { name: qualify(type.name, namespace), isCollection: type.isCollection }, resolved: false };
  }

  /** The nearest type that each of the types (full names of documented types) is or derives from, or null. */
  commonBase(fullNames: readonly string[]): string | null {
    const [first, ...others] = fullNames.map((fullName) => this.chainOf(fullName));
    const shared = first?.find((candidate) => others.every((chain) => chain.includes(candidate)));
    return shared ?? null;
  }

  /** The type and its base types, nearest first (the documented base types as their pages write them). */
  private chainOf(fullName: string): string[] {
    const chain: string[] = [];
    for (let type = this.byFullName.get(fullName); type && !chain.includes(type.fullName); ) {
      chain.push(type.fullName);
      const base = type.base;
      type = base && (this.fromHref(base.href, base.file) ?? this.find(base.name, type.namespace) ?? this.findIgnoringCase(base.name, type.namespace));
    }
    return chain;
  }

  /** Full name for a name, or undefined. */
  lookup(name: string, namespace: string): string | undefined {
    return (this.find(name, namespace) ?? this.findIgnoringCase(name, namespace))?.fullName;
  }

  private find(name: string, namespace: string): DocumentedType | undefined {
    const bare = name.startsWith('#') ? name.slice(1) : name;
    return (
      this.byFullName.get(bare) ??
      this.byFullName.get(`${namespace}.${bare}`) ??
      this.byFullName.get(`microsoft.graph.${bare}`) ??
      single(this.byBareName.get(bare))
    );
  }

  private findIgnoringCase(name: string, namespace: string): DocumentedType | undefined {
    const lower = (name.startsWith('#') ? name.slice(1) : name).toLowerCase();
    return (
      this.byLowerFullName.get(lower) ??
      this.byLowerFullName.get(`${namespace}.${lower}`.toLowerCase()) ??
      this.byLowerFullName.get(`microsoft.graph.${lower}`) ??
      single(this.byLowerBareName.get(lower)) ??
      undefined
    );
  }

  private fromHref(href: string | undefined, fromFile: string): DocumentedType | undefined {
    if (!href) return undefined;
    let folder = this.folders.get(fromFile);
    if (folder === undefined) this.folders.set(fromFile, (folder = path.dirname(fromFile)));
    let links = this.linked.get(folder);
    if (!links) this.linked.set(folder, (links = new Map()));
    let type = links.get(href);
    if (type === undefined) links.set(href, (type = this.pageType(folder, href) ?? null));
    return type ?? undefined;
  }

  /** The type of the page a relative link from a folder points at. */
  private pageType(folder: string, href: string): DocumentedType | undefined {
    if (/^[a-z]+:/i.test(href) || href.startsWith('/')) return undefined;
    const target = path.normalize(path.join(folder, decodeSafely(href.split('#')[0] ?? '')));
    return this.byPage.get(target) ?? this.byPage.get(target.toLowerCase());
  }
}

/** `x` in namespace `microsoft.graph` → `microsoft.graph.x`; qualified names stay as written. */
export function qualify(name: string, namespace: string): string {
  const bare = name.replace(/^#/, '');
  return bare.includes('.') ? bare : `${namespace}.${bare}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function single<T>(list: T[] | undefined): T | undefined {
  return list?.length === 1 ? list[0] : undefined;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
