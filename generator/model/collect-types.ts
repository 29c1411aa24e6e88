/**
 * Gathers the types one API version documents, one entry per full name. A type
 * documented on several pages (Intune pages repeat `user` with the two
 * properties they care about; enums.md repeats enum pages) is merged: the page
 * named after the type leads, the others add what it lacks, and every
 * disagreement is a diagnostic, never a silent overwrite.
 */
import path from 'node:path/posix';
import type { EnumFacts, PageFacts, PropertyFacts, ResourceFacts } from '../extract/facts.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';
import { caseDiagnostic, caseGroups, preferredSpelling } from './name-case.js';

export type DocumentedFacts =
  | { kind: 'resource'; fullName: string; facts: ResourceFacts; page: PageFacts; documentedIn: string[] }
  | { kind: 'enum'; fullName: string; facts: EnumFacts; page: PageFacts; documentedIn: string[] };

/** `namespaceOf`: the canonical spelling of each namespace (`canonicalNamespaces` of the version's pages unless given). */
export function collectTypes(pages: readonly PageFacts[], diagnostics: Diagnostic[], namespaceOf = canonicalNamespaces(pages)): Map<string, DocumentedFacts> {
  const definitions = new Map<string, DocumentedFacts[]>();
  for (const page of pages) {
    const found: DocumentedFacts[] = [
      ...page.resources.map((raw) => {
        const facts = { ...raw, namespace: namespaceOf(raw.namespace) };
        return { kind: 'resource' as const, fullName: `${facts.namespace}.${facts.name}`, facts, page, documentedIn: [page.file] };
      }),
      ...page.enums.map((raw) => {
        const facts = { ...raw, namespace: namespaceOf(raw.namespace) };
        return { kind: 'enum' as const, fullName: `${facts.namespace}.${facts.name}`, facts, page, documentedIn: [page.file] };
      }),
    ];
    for (const entry of found) {
      const list = definitions.get(entry.fullName);
      if (list) list.push(entry);
      else definitions.set(entry.fullName, [entry]);
    }
  }
  unifyCase(definitions, diagnostics);
  const types = new Map<string, DocumentedFacts>();
  for (const [fullName, list] of definitions) {
    types.set(fullName, list.length === 1 ? list[0]! : merge(list, diagnostics));
  }
  return types;
}

/**
 * One type for names that differ only in case (`onenote` / `Onenote`): the spelling
 * its resource page's `@odata.type` uses wins (`preferredSpelling`); the other
 * definitions are renamed to it, each with a `type-name-case` diagnostic, and merged.
 */
function unifyCase(definitions: Map<string, DocumentedFacts[]>, diagnostics: Diagnostic[]): void {
  const own = (entry: DocumentedFacts) => {
    const odataType = entry.kind === 'resource' ? entry.facts.json?.annotation?.value?.['@odata.type'] : undefined;
    return typeof odataType === 'string' && odataType.replace(/^#/, '') === entry.fullName;
  };
  for (const group of caseGroups([...definitions.values()].flat(), (entry) => entry.fullName).values()) {
    const spellings = [...group].map(([fullName, entries]) => ({ fullName, own: entries.some(own), uses: entries.length }));
    const { fullName: kept, why } = preferredSpelling(spellings);
    const name = kept.slice(kept.lastIndexOf('.') + 1);
    for (const [fullName, entries] of group) {
      if (fullName === kept) continue;
      for (const entry of entries) {
        diagnostics.push(caseDiagnostic(fullName, kept, why, entry.facts.source));
        const renamed = { ...entry, fullName: kept, facts: { ...entry.facts, name } } as DocumentedFacts;
        definitions.get(kept)!.push(renamed);
      }
      definitions.delete(fullName);
    }
  }
}

/**
 * One spelling per namespace: pages write `microsoft.graph.termStore` and
 * `microsoft.graph.termstore` for the same namespace; the most used spelling wins
 * (ties: the first in code-point order).
 */
function canonicalNamespaces(pages: readonly PageFacts[]): (namespace: string) => string {
  const counts = new Map<string, Map<string, number>>();
  for (const page of pages) {
    for (const facts of [...page.resources, ...page.enums]) {
      const spellings = counts.get(facts.namespace.toLowerCase()) ?? new Map<string, number>();
      spellings.set(facts.namespace, (spellings.get(facts.namespace) ?? 0) + 1);
      counts.set(facts.namespace.toLowerCase(), spellings);
    }
  }
  const canonical = new Map<string, string>();
  for (const [lower, spellings] of counts) {
    const best = [...spellings].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]![0];
    canonical.set(lower, best);
  }
  return (namespace) => canonical.get(namespace.toLowerCase()) ?? namespace;
}

/** The lead definition: the page named after the type, else the one with most facts, else the first. */
function leadOf(list: DocumentedFacts[]): DocumentedFacts {
  const named = list.find((entry) => path.basename(entry.page.file).replace(/\.md(\.txt)?$/i, '').toLowerCase() === entry.facts.name.toLowerCase());
  if (named) return named;
  const size = (entry: DocumentedFacts) =>
    entry.kind === 'enum' ? entry.facts.members.length : entry.facts.properties.length + entry.facts.navigationProperties.length;
  return list.reduce((best, entry) => (size(entry) > size(best) ? entry : best));
}

function merge(list: DocumentedFacts[], diagnostics: Diagnostic[]): DocumentedFacts {
  const lead = leadOf(list);
  const documentedIn = [lead.page.file, ...list.filter((e) => e !== lead).map((e) => e.page.file)].filter((f, i, all) => all.indexOf(f) === i);
  const where = `${lead.page.file}:${lead.facts.source.line}`;
  const report = (entry: DocumentedFacts, severity: 'warning' | 'info', what: string) =>
    diagnostics.push(diagnostic('type-conflict', severity, `Unexpected second definition of \`${entry.fullName}\` (${what}), expected it to agree with ${where}`, entry.facts.source));

  if (lead.kind === 'enum') {
    const members = [...lead.facts.members];
    for (const entry of list) {
      if (entry === lead) continue;
      if (entry.kind !== 'enum') {
        report(entry, 'warning', `a resource here, an enum there; the enum is kept`);
        continue;
      }
      const added = entry.facts.members.filter((m) => !members.some((known) => known.name === m.name));
      const missing = members.filter((m) => !entry.facts.members.some((other) => other.name === m.name));
      if (added.length || missing.length) {
        const parts = [describe('here only', added.map((m) => m.name)), describe('there only', missing.map((m) => m.name))].filter(Boolean);
        report(entry, 'warning', `members differ: ${parts.join('; ')}; merged`);
      }
      members.push(...added);
    }
    return { ...lead, facts: { ...lead.facts, members }, documentedIn };
  }

  const facts: ResourceFacts = { ...lead.facts, properties: [...lead.facts.properties], navigationProperties: [...lead.facts.navigationProperties] };
  for (const entry of list) {
    if (entry === lead) continue;
    if (entry.kind !== 'resource') {
      report(entry, 'warning', `an enum here, a resource there; the resource is kept`);
      continue;
    }
    const conflicts = [
      ...mergeProperties(facts.properties, entry.facts.properties),
      ...mergeProperties(facts.navigationProperties, entry.facts.navigationProperties),
    ];
    const base = entry.facts.baseType;
    if (base && facts.baseType && base.name.toLowerCase() !== facts.baseType.name.toLowerCase()) conflicts.push(`base type ${base.name} vs ${facts.baseType.name}`);
    if (base && !facts.baseType) facts.baseType = base;
    facts.keyProperty ??= entry.facts.keyProperty;
    if (conflicts.length) report(entry, 'warning', conflicts.join('; '));
    else report(entry, 'info', `documents ${entry.facts.properties.length + entry.facts.navigationProperties.length} properties; merged`);
  }
  if (facts.keyProperty === undefined) delete facts.keyProperty;
  return { ...lead, facts, documentedIn };
}

/** Adds properties `into` lacks; returns a line per property whose type disagrees. */
function mergeProperties(into: PropertyFacts[], from: readonly PropertyFacts[]): string[] {
  const conflicts: string[] = [];
  for (const property of from) {
    const known = into.find((p) => p.name === property.name);
    if (!known) {
      into.push(property);
      continue;
    }
    const shape = (p: PropertyFacts) => `${p.type.name}${p.type.isCollection ? ' collection' : ''}`;
    if (shape(known).toLowerCase() !== shape(property).toLowerCase()) conflicts.push(`${property.name}: ${shape(property)} here, ${shape(known)} there`);
  }
  return conflicts;
}

function describe(label: string, names: string[]): string {
  if (names.length === 0) return '';
  const sample = names.length > 4 ? `${names.slice(0, 4).join(', ')}, +${names.length - 4}` : names.join(', ');
  return `${label}: ${sample}`;
}
