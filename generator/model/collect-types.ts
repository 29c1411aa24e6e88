/**
 * Gathers the types one API version documents, one entry per full name. A type
 * documented twice keeps its first page (by path order) and, where the facts
 * differ, gets a `type-conflict` diagnostic at the second.
 */
import type { EnumFacts, PageFacts, ResourceFacts } from '../extract/facts.js';
import { diagnostic, type Diagnostic } from './diagnostic.js';

export type DocumentedFacts =
  | { kind: 'resource'; fullName: string; facts: ResourceFacts; page: PageFacts; documentedIn: string[] }
  | { kind: 'enum'; fullName: string; facts: EnumFacts; page: PageFacts; documentedIn: string[] };

export function collectTypes(pages: readonly PageFacts[], diagnostics: Diagnostic[]): Map<string, DocumentedFacts> {
  const types = new Map<string, DocumentedFacts>();
  for (const page of pages) {
    const found: DocumentedFacts[] = [
      ...page.resources.map((facts) => ({ kind: 'resource' as const, fullName: `${facts.namespace}.${facts.name}`, facts, page, documentedIn: [page.file] })),
      ...page.enums.map((facts) => ({ kind: 'enum' as const, fullName: `${facts.namespace}.${facts.name}`, facts, page, documentedIn: [page.file] })),
    ];
    for (const entry of found) {
      const first = types.get(entry.fullName);
      if (!first) {
        types.set(entry.fullName, entry);
        continue;
      }
      if (!first.documentedIn.includes(page.file)) first.documentedIn.push(page.file);
      const difference = describeDifference(first, entry);
      if (difference) {
        diagnostics.push(
          diagnostic(
            'type-conflict',
            'warning',
            `Unexpected second definition of \`${entry.fullName}\` that differs from ${first.page.file}:${first.facts.source.line} (${difference}), expected one definition (the first is kept)`,
            entry.facts.source,
          ),
        );
      }
    }
  }
  return types;
}

/** What differs between two definitions of one type, or '' when they agree. */
function describeDifference(a: DocumentedFacts, b: DocumentedFacts): string {
  if (a.kind !== b.kind) return `${a.kind} vs ${b.kind}`;
  if (a.kind === 'enum' && b.kind === 'enum') {
    return listDifference('members', a.facts.members.map((m) => m.name), b.facts.members.map((m) => m.name));
  }
  if (a.kind === 'resource' && b.kind === 'resource') {
    const shape = (facts: ResourceFacts) =>
      facts.properties.map((p) => `${p.name}:${p.type.name}${p.type.isCollection ? '[]' : ''}`);
    return (
      listDifference('properties', shape(a.facts), shape(b.facts)) ||
      ((a.facts.baseType?.name ?? '') !== (b.facts.baseType?.name ?? '')
        ? `base type ${a.facts.baseType?.name ?? 'none'} vs ${b.facts.baseType?.name ?? 'none'}`
        : '')
    );
  }
  return '';
}

function listDifference(what: string, a: string[], b: string[]): string {
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  if (onlyA.length === 0 && onlyB.length === 0) return '';
  const parts = [];
  if (onlyA.length) parts.push(`first only: ${sample(onlyA)}`);
  if (onlyB.length) parts.push(`here only: ${sample(onlyB)}`);
  return `${what} differ; ${parts.join('; ')}`;
}

function sample(list: string[]): string {
  return list.length > 4 ? `${list.slice(0, 4).join(', ')}, +${list.length - 4}` : list.join(', ');
}
