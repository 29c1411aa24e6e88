/**
 * Selective generation: the part of a model that a few path patterns need
 * (`path-pattern.ts`). A pure function of the model and the selection.
 *
 * Kept: the API versions listed (all when none are), the operations with a
 * path matching an `include` pattern (every operation when there is none) that
 * no `exclude` pattern matches, and the types those operations need:
 *
 * - the types of their parameters, request-body properties, response and
 *   resource;
 * - for every type kept: its base types, the types of its properties, and,
 *   when it is needed for itself (not only as a base), every type derived from
 *   it, so its `@odata.type` union still narrows;
 * - navigation properties are not followed: one to a type outside the slice
 *   is dropped from the slice's interface (a slice of `/me/messages` would
 *   otherwise hold the whole directory). Add a path that returns the target
 *   type to have the property typed.
 */
import type { Model, ModelOperation, ModelType, TypeRef } from './ir.js';
import { matchesPath, type PathPattern } from './path-pattern.js';

export interface Selection {
  include: readonly PathPattern[];
  exclude: readonly PathPattern[];
  /** API versions to keep; empty or absent: all. */
  versions?: readonly string[];
}

export function isWholeSelection(selection: Selection): boolean {
  return selection.include.length === 0 && selection.exclude.length === 0 && (selection.versions?.length ?? 0) === 0;
}

/** Whether the operation is selected: one of its paths matches an include pattern (if any) and no exclude pattern. */
export function selectsOperation(selection: Selection, operation: ModelOperation): boolean {
  return operation.paths.some(
    (path) =>
      (selection.include.length === 0 || selection.include.some((pattern) => matchesPath(pattern, path, operation.method))) &&
      !selection.exclude.some((pattern) => matchesPath(pattern, path, operation.method)),
  );
}

export function sliceModel(model: Model, selection: Selection): Model {
  const versions = model.apiVersions.filter((version) => !selection.versions?.length || selection.versions.includes(version));
  const operations = model.operations.filter((operation) => versions.includes(operation.apiVersion) && selectsOperation(selection, operation));
  const kept = new Set<string>();
  for (const version of versions) {
    const index = new Map(model.types.filter((type) => type.apiVersion === version).map((type) => [type.fullName, type]));
    for (const name of neededTypes(index, operations.filter((operation) => operation.apiVersion === version))) kept.add(`${version} ${name}`);
  }
  const types = model.types.filter((type) => kept.has(`${type.apiVersion} ${type.fullName}`)).map((type) => withoutDanglingNavigation(type, kept));
  // A version left without an operation or a type has no output at all.
  const held = versions.filter((version) => operations.some((o) => o.apiVersion === version) || types.some((t) => t.apiVersion === version));
  return {
    ...model,
    apiVersions: held,
    types,
    operations,
    diagnostics: model.diagnostics.filter((diagnostic) => held.some((version) => diagnostic.file.startsWith(`${version}/`)) || !/^[^/]+\/(api|resources)\//.test(diagnostic.file)),
  };
}

/** Full names of the types a version's operations need (see the header). */
function neededTypes(index: ReadonlyMap<string, ModelType>, operations: readonly ModelOperation[]): Set<string> {
  const kept = new Set<string>();
  const forItself = new Set<string>();
  const queue: [string, boolean][] = [];
  const need = (ref: TypeRef | string | null | undefined, itself = true) => {
    const name = typeof ref === 'string' ? ref : ref?.name;
    if (name && index.has(name)) queue.push([name, itself]);
  };
  for (const operation of operations) {
    for (const parameter of operation.parameters) need(parameter.type);
    for (const property of operation.requestBody ?? []) need(property.type);
    need(operation.response.type);
    need(operation.resource);
  }
  while (queue.length > 0) {
    const [name, itself] = queue.pop()!;
    if (kept.has(name) && (!itself || forItself.has(name))) continue;
    kept.add(name);
    const type = index.get(name)!;
    if (type.baseType) need(type.baseType, false);
    for (const property of type.properties) need(property.type);
    if (itself) {
      forItself.add(name);
      for (const derived of type.derivedTypes ?? []) need(derived);
    }
  }
  return kept;
}

function withoutDanglingNavigation(type: ModelType, kept: ReadonlySet<string>): ModelType {
  const navigationProperties = type.navigationProperties.filter((property) => property.type.name.startsWith('Edm.') || kept.has(`${type.apiVersion} ${property.type.name}`));
  return navigationProperties.length === type.navigationProperties.length ? type : { ...type, navigationProperties };
}
