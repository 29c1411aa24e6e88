/**
 * Page facts in, one linked model out: per API version, documented types are
 * collected, names resolved across pages, referenced-but-undocumented types
 * represented, inheritance applied and operations attached.
 */
import type { PageFacts, PageKind } from '../extract/facts.js';
import { collectTypes, type DocumentedFacts } from './collect-types.js';
import { compareDiagnostics, compareStrings, type Diagnostic } from './diagnostic.js';
import { SCHEMA_VERSION, type Model, type ModelOperation, type ModelType, type PageSummary } from './ir.js';
import { linkOperations } from './link-operations.js';
import { renameTypeRefs, unifyReferenceCase } from './name-case.js';
import { addReferencedTypes, inheritAndClassify, linkDocumentedTypes, type Reference } from './link-types.js';
import { TypeResolver, type DocumentedType } from './type-resolver.js';
import { GENERATOR_VERSION } from './version.js';

export { GENERATOR_VERSION };

export interface LinkInput {
  pages: readonly PageFacts[];
  /** Diagnostics from reading the input (unreadable files, encodings, ...). */
  inputDiagnostics?: readonly Diagnostic[];
}

export function linkModel({ pages, inputDiagnostics = [] }: LinkInput): Model {
  const diagnostics: Diagnostic[] = [...inputDiagnostics, ...pages.flatMap((page) => page.diagnostics)];
  const sortedPages = [...pages].sort((a, b) => compareStrings(a.file, b.file));
  const apiVersions = [...new Set(sortedPages.map((page) => page.apiVersion))].sort(compareStrings);
  const types: ModelType[] = [];
  const operations: ModelOperation[] = [];
  for (const apiVersion of apiVersions) {
    const versionPages = sortedPages.filter((page) => page.apiVersion === apiVersion);
    const linked = linkVersion(apiVersion, versionPages, diagnostics);
    types.push(...linked.types);
    operations.push(...linked.operations);
  }
  types.sort((a, b) => compareStrings(a.apiVersion, b.apiVersion) || compareStrings(a.fullName, b.fullName));
  operations.sort((a, b) => compareStrings(a.id, b.id));
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'docs2ts', version: GENERATOR_VERSION },
    apiVersions,
    pages: summarizePages(sortedPages),
    types,
    operations,
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}

function linkVersion(apiVersion: string, pages: PageFacts[], diagnostics: Diagnostic[]): { types: ModelType[]; operations: ModelOperation[] } {
  const documented = collectTypes(pages, diagnostics);
  const resolver = new TypeResolver([...documented.values()].map(documentedType), pages);
  const references: Reference[] = [];
  const types = linkDocumentedTypes(apiVersion, documented, resolver, references, diagnostics);
  const operations = pages.flatMap((page) => linkOperations(page, resolver, references, types, diagnostics));
  const renames = unifyReferenceCase(references, (fullName) => types.has(fullName), diagnostics);
  addReferencedTypes(apiVersion, types, references, diagnostics);
  renameTypeRefs(types.values(), operations, renames);
  const crud = new Set(['get', 'list', 'create', 'update', 'delete']);
  const operatedOn = new Set(operations.flatMap((o) => (o.resource && crud.has(o.kind) ? [o.resource] : [])));
  inheritAndClassify(types, documented, operatedOn, diagnostics);
  return { types: [...types.values()], operations };
}

function documentedType(entry: DocumentedFacts): DocumentedType {
  const type: DocumentedType = { fullName: entry.fullName, name: entry.facts.name, namespace: entry.facts.namespace };
  const base = entry.kind === 'resource' ? entry.facts.baseType : null;
  if (base) type.base = { name: base.name, file: entry.page.file, ...(base.href ? { href: base.href } : {}) };
  return type;
}

function summarizePages(pages: readonly PageFacts[]): PageSummary {
  const byKind: Record<PageKind, number> = { api: 0, resource: 0, enum: 0, conceptual: 0 };
  let empty = 0;
  for (const page of pages) {
    byKind[page.kind]++;
    if (page.resources.length + page.enums.length + page.operations.length === 0) empty++;
  }
  return { total: pages.length, byKind, empty };
}
