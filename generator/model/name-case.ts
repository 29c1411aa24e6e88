/**
 * Type names that differ only in case (`onenote` / `Onenote`) are one type: OData
 * names are case-sensitive, but the docs spell one type several ways in links and
 * titles, and two spellings would become `Onenote` and `Onenote2` in the output.
 * One spelling is kept (see `preferredSpelling`) and each other spelling is a
 * `type-name-case` diagnostic where it is written.
 */
import { compareStrings, diagnostic, type Diagnostic, type SourceRef } from './diagnostic.js';
import type { ModelOperation, ModelType, TypeRef } from './ir.js';

export interface Spelling {
  /** A full name as written (`microsoft.graph.Onenote`). */
  fullName: string;
  /** Whether the type's own page writes it so (its JSON representation's `@odata.type`). */
  own: boolean;
  /** How many times it is written. */
  uses: number;
}

/**
 * The spelling to keep, and why: the one the type's own page uses (`@odata.type`),
 * else the most used, else the one whose name starts in lower case (as Graph's type
 * names do), else the first in code-point order.
 */
export function preferredSpelling(spellings: readonly Spelling[]): { fullName: string; why: string } {
  const lowerStart = (s: Spelling) => Number(/^[a-z]/.test(s.fullName.slice(s.fullName.lastIndexOf('.') + 1)));
  const reasons: [string, (a: Spelling, b: Spelling) => number][] = [
    ["the spelling of its page's @odata.type", (a, b) => Number(b.own) - Number(a.own)],
    ['the most used spelling', (a, b) => b.uses - a.uses],
    ["the spelling that starts in lower case, as Graph's type names do", (a, b) => lowerStart(b) - lowerStart(a)],
    ['the first in code-point order', (a, b) => compareStrings(a.fullName, b.fullName)],
  ];
  const sorted = [...spellings].sort((a, b) => reasons.reduce((order, [, compare]) => order || compare(a, b), 0));
  const [first, second] = sorted as [Spelling, Spelling];
  return { fullName: first.fullName, why: reasons.find(([, compare]) => compare(first, second) !== 0)![0] };
}

/** Groups of full names that differ only in case (two or more each), by their lower-case form. */
export function caseGroups<T>(items: Iterable<T>, fullNameOf: (item: T) => string): Map<string, Map<string, T[]>> {
  const groups = new Map<string, Map<string, T[]>>();
  for (const item of items) {
    const fullName = fullNameOf(item);
    const group = groups.get(fullName.toLowerCase()) ?? new Map<string, T[]>();
    group.set(fullName, [...(group.get(fullName) ?? []), item]);
    groups.set(fullName.toLowerCase(), group);
  }
  for (const [key, group] of groups) if (group.size < 2) groups.delete(key);
  return groups;
}

export function caseDiagnostic(written: string, kept: string, why: string, source: SourceRef): Diagnostic {
  return diagnostic(
    'type-name-case',
    'warning',
    `Unexpected type name \`${written}\`, a spelling of \`${kept}\` that differs only in case, expected one spelling (read as \`${kept}\`, ${why})`,
    source,
  );
}

/**
 * Unresolved references to one name in several spellings: each reference is renamed to
 * the preferred spelling, with a diagnostic at the first reference of every other
 * spelling. Returns the renames (written → kept).
 */
export function unifyReferenceCase<T extends { fullName: string; source: SourceRef }>(references: T[], isKnown: (fullName: string) => boolean, diagnostics: Diagnostic[]): Map<string, string> {
  const renames = new Map<string, string>();
  const open = references.filter((reference) => !isKnown(reference.fullName));
  for (const group of caseGroups(open, (reference) => reference.fullName).values()) {
    const { fullName: kept, why } = preferredSpelling([...group].map(([fullName, refs]) => ({ fullName, own: false, uses: refs.length })));
    for (const [fullName, refs] of group) {
      if (fullName === kept) continue;
      renames.set(fullName, kept);
      diagnostics.push(caseDiagnostic(fullName, kept, why, refs[0]!.source));
      for (const reference of refs) reference.fullName = kept;
    }
  }
  return renames;
}

/** Renames the type references of linked types and operations (`renames`: written → kept). */
export function renameTypeRefs(types: Iterable<ModelType>, operations: readonly ModelOperation[], renames: ReadonlyMap<string, string>): void {
  if (renames.size === 0) return;
  const rename = (ref: TypeRef | null) => {
    const kept = ref && renames.get(ref.name);
    if (ref && kept) ref.name = kept;
  };
  for (const type of types) {
    for (const property of [...type.properties, ...type.navigationProperties]) rename(property.type);
    if (type.baseType) type.baseType = renames.get(type.baseType) ?? type.baseType;
  }
  for (const operation of operations) {
    for (const parameter of operation.parameters) rename(parameter.type);
    for (const property of operation.requestBody ?? []) rename(property.type);
    rename(operation.response.type);
    if (operation.resource) operation.resource = renames.get(operation.resource) ?? operation.resource;
  }
}
