/**
 * Relinks one API version after a few of its pages changed, from those pages,
 * the pages that share their types, and the last run's model (`ModelSnapshot`),
 * instead of every page of the version. It covers edits that leave the
 * version's shape and its cross-page facts as they were, which is what most
 * edits are (a description, a property row, an example); for anything else it
 * declines, with the reason, and the caller links the whole version.
 *
 * What `linkVersion` computes across pages, and why each holds here:
 * - the namespaces' spellings and the resolver (documented type names and the
 *   page map): every changed page documents the same types before and after
 *   (`directorySignature`), so both are the last run's;
 * - a type documented on several pages: it is merged again from all of them
 *   (the unchanged ones' facts come from the facts cache);
 * - types only referenced: their references from the changed types and pages
 *   are replaced where they were (a page that starts referencing one declines);
 * - entity or complex, inferred base types, derived types: the changed types'
 *   evidence (key, `id`, navigation properties, base type) and the operations'
 *   kinds and resources must be the same; a type with derived types must keep
 *   its property names (they are filtered out of the derived types);
 * - diagnostics: counted before and after over the same pages; the difference
 *   is the change.
 * Everything is computed for the pages as they were too, and must give back
 * what the snapshot holds; any difference means the snapshot does not describe
 * those pages, and the whole version is linked.
 */
import type { PageFacts } from '../extract/facts.js';
import type { ModelSnapshot } from '../cache/model-snapshot.js';
import { operationKey, typeKey } from './keys.js';
import { collectTypes } from './collect-types.js';
import { compareStrings, type Diagnostic } from './diagnostic.js';
import type { ModelOperation, ModelType } from './ir.js';
import { linkOperations } from './link-operations.js';
import { linkDocumentedTypes, referencedType, type Reference } from './link-types.js';
import { TypeResolver } from './type-resolver.js';

export interface PageChange {
  before: PageFacts;
  after: PageFacts;
}

export interface RelinkRequest {
  apiVersion: string;
  changes: readonly PageChange[];
  snapshot: ModelSnapshot;
  /** The (core) facts of an unchanged page of the version, or undefined when they are not at hand. */
  factsOf: (file: string) => PageFacts | undefined;
}

export type Relinked =
  | {
      ok: true;
      /** The relinked types and operations, by `typeKey` / `operationKey`, changed or not. */
      replace: Map<string, ModelType | ModelOperation>;
      /** Keys of those whose data differs from the snapshot's. */
      changed: Set<string>;
      /** The new references of each type only referenced that the changed pages reference. */
      referenced: Map<string, Reference[]>;
      /** Diagnostics after minus before. */
      diagnostics: number;
    }
  | { ok: false; reason: string };

interface Linked {
  types: Map<string, ModelType>;
  operations: ModelOperation[];
  references: Reference[];
  diagnostics: Diagnostic[];
  /** Per type: whether it has its own evidence of being an entity, and its base type as documented. */
  evidence: Map<string, string>;
  /** Per type: its property and navigation property names, sorted. */
  names: Map<string, string>;
}

export function relink(request: RelinkRequest): Relinked {
  const { snapshot, changes, apiVersion } = request;
  const no = (reason: string): Relinked => ({ ok: false, reason });
  for (const { before, after } of changes) {
    if (before.file !== after.file || before.apiVersion !== apiVersion || after.apiVersion !== apiVersion) return no('a change pairs different pages');
    if (directorySignature(before) !== directorySignature(after)) return no(`${after.file} documents other types than before`);
  }
  const directory = snapshot.documentedTypes();
  const canonical = new Map(directory.map((type) => [type.namespace.toLowerCase(), type.namespace]));
  const namespaceOf = (namespace: string) => canonical.get(namespace.toLowerCase()) ?? namespace;
  const resolver = new TypeResolver(directory, snapshot.byPage);

  // The types the changed pages document, and every page documenting them.
  const stored = new Map<string, ModelType>();
  const pageFiles = new Set(changes.map((change) => change.after.file));
  for (const { after } of changes) {
    for (const facts of [...after.resources, ...after.enums]) {
      const fullName = `${namespaceOf(facts.namespace)}.${facts.name}`;
      if (stored.has(fullName)) continue;
      const type = snapshot.type(fullName);
      if (!type || type.origin !== 'documented') return no(`the last run has no documented type ${fullName}`);
      stored.set(fullName, type);
      for (const file of type.documentedIn) pageFiles.add(file);
    }
  }
  const changedFacts = new Map(changes.map((change) => [change.after.file, change]));
  const others: PageFacts[] = [];
  for (const file of pageFiles) {
    if (changedFacts.has(file)) continue;
    const facts = request.factsOf(file);
    if (!facts) return no(`the facts of ${file} are not cached`);
    others.push(facts);
  }

  // The names each changed type inherits, read from its ancestors in the snapshot once for both sides.
  const inheritedNames = new Map([...stored.keys()].map((fullName) => [fullName, inheritedFrom(fullName, snapshot)]));
  const link = (side: 'before' | 'after'): Linked => {
    const pages = [...others, ...changes.map((change) => change[side])].sort((a, b) => compareStrings(a.file, b.file));
    const diagnostics = changes.flatMap((change) => change[side].diagnostics);
    const documented = new Map([...collectTypes(pages, diagnostics, namespaceOf)].filter(([fullName]) => stored.has(fullName)));
    const references: Reference[] = [];
    const types = linkDocumentedTypes(apiVersion, documented, resolver, references, diagnostics);
    const operations = pages.filter((page) => changedFacts.has(page.file)).flatMap((page) => linkOperations(page, resolver, references));
    const evidence = new Map<string, string>();
    const names = new Map<string, string>();
    for (const [fullName, type] of types) {
      const hasId = type.keyProperty === 'id' || type.properties.some((p) => p.name === 'id');
      evidence.set(fullName, JSON.stringify([type.kind, type.baseType, type.keyProperty ?? null, hasId, type.navigationProperties.length > 0]));
      names.set(fullName, JSON.stringify([...type.properties, ...type.navigationProperties].map((p) => p.name).sort(compareStrings)));
      types.set(fullName, finish(type, stored.get(fullName)!, inheritedNames.get(fullName)!));
    }
    return { types, operations, references, diagnostics, evidence, names };
  };
  const before = link('before');
  const after = link('after');

  // The pages as they were must give back the snapshot.
  for (const [fullName, type] of stored) {
    if (JSON.stringify(before.types.get(fullName)) !== JSON.stringify(type)) return no(`the last run's ${fullName} is not what its pages give`);
  }
  for (const operation of before.operations) {
    if (JSON.stringify(operation) !== JSON.stringify(snapshot.operation(operation.id))) return no(`the last run's operation ${operation.id} is not what its page gives`);
  }
  if (JSON.stringify(before.operations.map(operationShape)) !== JSON.stringify(after.operations.map(operationShape))) return no('an operation changed its id, title, kind, method, paths or resource');
  for (const [fullName, type] of stored) {
    if (before.evidence.get(fullName) !== after.evidence.get(fullName)) return no(`${fullName} changed its key, id, navigation properties or base type`);
    if (type.derivedTypes?.length && before.names.get(fullName) !== after.names.get(fullName)) return no(`${fullName} changed property names its derived types inherit`);
  }

  const replace = new Map<string, ModelType | ModelOperation>();
  const changed = new Set<string>();

  // Types only referenced: the references of the relinked types and pages replace theirs, in place.
  const owners = new Set([...[...stored.keys()].map(typeKey), ...changes.map((change) => `page:${change.after.file}`)]);
  const referenced = new Map<string, Reference[]>();
  for (const fullName of new Set([...before.references, ...after.references].map((reference) => reference.fullName))) {
    const last = snapshot.references(fullName);
    if (!last) return no(`${fullName} would become a type that is only referenced`);
    const was = spliceReferences(last, owners, before.references.filter((reference) => reference.fullName === fullName));
    if (JSON.stringify(was) !== JSON.stringify(last)) return no(`the last run's references to ${fullName} are not what their pages give`);
    const now = spliceReferences(last, owners, after.references.filter((reference) => reference.fullName === fullName));
    if (!now) return no(`a changed page newly references ${fullName}`);
    if (now.length === 0) return no(`${fullName} would no longer be referenced`);
    const type = referencedType(apiVersion, fullName, now, []);
    replace.set(typeKey(fullName), type);
    if (JSON.stringify(type) !== JSON.stringify(snapshot.type(fullName))) changed.add(typeKey(fullName));
    referenced.set(fullName, now);
  }
  for (const [fullName, type] of after.types) {
    const key = typeKey(fullName);
    replace.set(key, type);
    if (JSON.stringify(type) !== JSON.stringify(stored.get(fullName))) changed.add(key);
  }
  before.operations.forEach((old, i) => {
    const operation = after.operations[i]!;
    const key = operationKey(operation.id);
    replace.set(key, operation);
    if (JSON.stringify(operation) !== JSON.stringify(old)) changed.add(key);
  });
  return { ok: true, replace, changed, referenced, diagnostics: after.diagnostics.length - before.diagnostics.length };
}

/**
 * A type's references with those of `owners` replaced by `replacement` (one
 * owner's references are consecutive in link order, so they go where the old
 * ones were); undefined when an owner has references now and had none before
 * (where they go would need the order of every owner).
 */
function spliceReferences(references: readonly Reference[], owners: ReadonlySet<string>, replacement: readonly Reference[]): Reference[] | undefined {
  const out: Reference[] = [];
  const placed = new Set<string>();
  for (const reference of references) {
    const owner = reference.owner ?? '';
    if (!owners.has(owner)) out.push(reference);
    else if (!placed.has(owner)) {
      placed.add(owner);
      out.push(...replacement.filter((r) => r.owner === owner));
    }
  }
  return replacement.every((reference) => placed.has(reference.owner ?? '')) ? out : undefined;
}

/** What a page adds to the version's directory: its types' names and namespaces as written, and what it is. */
function directorySignature(page: PageFacts): string {
  return JSON.stringify([page.kind, page.namespace, page.resources.map((r) => [r.namespace, r.name]), page.enums.map((e) => [e.namespace, e.name])]);
}

function operationShape(operation: ModelOperation): unknown[] {
  return [operation.id, operation.title, operation.kind, operation.method, operation.paths, operation.resource];
}

/**
 * What `inheritAndClassify` makes of a type, taking from the last run what the
 * conditions above keep: kind, base type (inferred or not), derived types; and
 * dropping the properties its ancestors declare.
 */
function finish(type: ModelType, stored: ModelType, inherited: ReadonlySet<string>): ModelType {
  const out: ModelType = { ...type };
  if (type.kind !== 'enum') {
    out.kind = stored.kind;
    out.baseType = stored.baseType;
    if (stored.baseTypeInferred) out.baseTypeInferred = true;
    out.properties = type.properties.filter((p) => !inherited.has(p.name));
    out.navigationProperties = type.navigationProperties.filter((p) => !inherited.has(p.name));
  }
  if (stored.derivedTypes) out.derivedTypes = stored.derivedTypes;
  return out;
}

/** The property and navigation property names a type's ancestors (as the snapshot links them) declare. */
function inheritedFrom(fullName: string, snapshot: ModelSnapshot): Set<string> {
  const inherited = new Set<string>();
  const seen = new Set([fullName]);
  for (let base = snapshot.baseOf(fullName); base !== null && !seen.has(base); base = snapshot.baseOf(base)) {
    seen.add(base);
    const ancestor = snapshot.type(base);
    for (const property of [...(ancestor?.properties ?? []), ...(ancestor?.navigationProperties ?? [])]) inherited.add(property.name);
  }
  return inherited;
}
