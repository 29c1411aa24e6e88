/**
 * Changes to operations, matched by id (API version + page stem); an operation
 * whose page was renamed is matched by method and path instead, and reported
 * as a rename. Then: method, paths, parameters, request body, response and
 * permissions (`compare-permissions.ts`).
 */
import type { Model, ModelOperation, ModelProperty } from '../model/ir.js';
import type { ApiChange, Side } from './change.js';
import { change } from './severity.js';
import { code, matchBy, typeRefText } from './match.js';
import { comparePermissions } from './compare-permissions.js';
import type { PermissionRows } from './permission-rows.js';

/** Where the permission rows of each side are, when known (`permission-rows.ts`). */
export interface Rows {
  base?: PermissionRows;
  head?: PermissionRows;
}

export function compareOperations(base: Model, head: Model, rows: Rows = {}): ApiChange[] {
  const out: ApiChange[] = [];
  const { removed, added, both } = matchBy(base.operations, head.operations, (operation) => operation.id);
  const renamed = matchRenamed(removed, added);
  for (const operation of removed) {
    if (renamed.has(operation)) continue;
    out.push(change('operation-removed', { ...where(operation, 'base'), message: `Operation ${code(label(operation))} removed` }));
  }
  const renamedTo = new Set(renamed.values());
  for (const operation of added) {
    if (renamedTo.has(operation)) continue;
    out.push(change('operation-added', { ...where(operation, 'head'), message: `Operation ${code(label(operation))} added` }));
  }
  for (const [before, after] of renamed) {
    out.push(change('operation-renamed', { ...where(after, 'head'), message: `Operation ${code(label(after))} moved from page ${code(before.id)} (same method and path)`, before: before.id, after: after.id, renameOf: before.id }));
    out.push(...compareOperation(before, after, rows));
  }
  for (const [before, after] of both) out.push(...compareOperation(before, after, rows));
  return out;
}

/** Removed and added operations of one version with the same method and a path in common (parameter names aside). */
function matchRenamed(removed: readonly ModelOperation[], added: readonly ModelOperation[]): Map<ModelOperation, ModelOperation> {
  const byRequest = new Map<string, ModelOperation>();
  for (const operation of added) for (const key of requestKeys(operation)) if (!byRequest.has(key)) byRequest.set(key, operation);
  const pairs = new Map<ModelOperation, ModelOperation>();
  const taken = new Set<ModelOperation>();
  for (const operation of removed) {
    const match = requestKeys(operation).map((key) => byRequest.get(key)).find((candidate) => candidate !== undefined && !taken.has(candidate));
    if (!match) continue;
    pairs.set(operation, match);
    taken.add(match);
  }
  return pairs;
}

function requestKeys(operation: ModelOperation): string[] {
  return operation.paths.map((path) => `${operation.apiVersion} ${operation.method.toUpperCase()} ${normalPath(path)}`);
}

/** A path with its parameter names left out (`/users/{}`) and no trailing slash: renaming a path parameter changes no request. */
function normalPath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '');
}

function label(operation: ModelOperation): string {
  return `${operation.method} ${operation.paths[0] ?? operation.id}`;
}

function where(operation: ModelOperation, side: Side): Pick<ApiChange, 'apiVersion' | 'resource' | 'subject' | 'side' | 'source'> {
  return { apiVersion: operation.apiVersion, resource: resourceOf(operation), subject: operation.id, side, source: operation.source };
}

/** The resource an operation acts on; else the type it answers with; else its id. */
function resourceOf(operation: ModelOperation): string {
  return operation.resource ?? operation.response.type?.name ?? operation.id;
}

function compareOperation(before: ModelOperation, after: ModelOperation, rows: Rows): ApiChange[] {
  const out: ApiChange[] = [];
  const at = where(after, 'head');
  const name = code(label(after));
  if (before.method.toUpperCase() !== after.method.toUpperCase()) {
    out.push(change('method-changed', { ...at, message: `Method of ${name} changed from ${before.method} to ${after.method}`, before: before.method, after: after.method }));
  }
  const paths = matchBy(before.paths, after.paths, normalPath);
  for (const path of paths.removed) out.push(change('path-removed', { ...where(before, 'base'), subject: after.id, message: `Path ${code(path)} removed from ${name}`, before: path }));
  for (const path of paths.added) out.push(change('path-added', { ...at, message: `Path ${code(path)} added to ${name}`, after: path }));
  out.push(...compareParameters(before, after, name), ...compareBody(before, after, name), ...compareResponse(before, after, name));
  out.push(...comparePermissions(before, after, { base: where(before, 'base'), head: at }, name, rows));
  return out;
}

function compareParameters(before: ModelOperation, after: ModelOperation, name: string): ApiChange[] {
  const out: ApiChange[] = [];
  const { removed, added, both } = matchBy(before.parameters, after.parameters, (parameter) => parameter.name);
  const at = (side: Side, operation: ModelOperation, source: ApiChange['source']) => ({ ...where(operation, side), source });
  for (const parameter of removed) out.push(change('parameter-removed', { ...at('base', before, parameter.source), message: `Parameter ${code(parameter.name)} removed from ${name}` }));
  for (const parameter of added) {
    const kind = parameter.required ? 'parameter-required-added' : 'parameter-added';
    out.push(change(kind, { ...at('head', after, parameter.source), message: `${parameter.required ? 'Required' : 'Optional'} parameter ${code(parameter.name)} added to ${name}` }));
  }
  for (const [old, now] of both) {
    if (Boolean(old.required) === Boolean(now.required)) continue;
    const kind = now.required ? 'parameter-became-required' : 'parameter-became-optional';
    out.push(change(kind, { ...at('head', after, now.source), message: `Parameter ${code(now.name)} of ${name} is now ${now.required ? 'required' : 'optional'}` }));
  }
  return out;
}

function compareBody(before: ModelOperation, after: ModelOperation, name: string): ApiChange[] {
  if (before.requestBody === null && after.requestBody === null) return [];
  if (before.requestBody === null) return [change('request-body-added', { ...where(after, 'head'), message: `${name} now takes a request body` })];
  if (after.requestBody === null) return [change('request-body-removed', { ...where(before, 'base'), message: `${name} no longer takes a request body` })];
  const out: ApiChange[] = [];
  const { removed, added, both } = matchBy(before.requestBody, after.requestBody, (property) => property.name);
  const at = (side: Side, property: ModelProperty) => ({ ...where(side === 'base' ? before : after, side), source: property.source });
  for (const property of removed) out.push(change('request-body-property-removed', { ...at('base', property), message: `Request body property ${code(property.name)} removed from ${name}`, before: typeRefText(property.type) }));
  for (const property of added) out.push(change('request-body-property-added', { ...at('head', property), message: `Request body property ${code(property.name)} (${code(typeRefText(property.type))}) added to ${name}`, after: typeRefText(property.type) }));
  for (const [old, now] of both) {
    if (typeRefText(old.type) === typeRefText(now.type)) continue;
    out.push(change('request-body-property-type-changed', { ...at('head', now), message: `Request body property ${code(now.name)} of ${name} changed type from ${code(typeRefText(old.type))} to ${code(typeRefText(now.type))}`, before: typeRefText(old.type), after: typeRefText(now.type) }));
  }
  return out;
}

function compareResponse(before: ModelOperation, after: ModelOperation, name: string): ApiChange[] {
  const out: ApiChange[] = [];
  const at = where(after, 'head');
  const status = (value: number | null) => (value === null ? 'none' : String(value));
  if (before.response.status !== after.response.status) {
    out.push(change('response-status-changed', { ...at, message: `Response status of ${name} changed from ${status(before.response.status)} to ${status(after.response.status)}`, before: status(before.response.status), after: status(after.response.status) }));
  }
  const [old, now] = [typeRefText(before.response.type), typeRefText(after.response.type)];
  if (old !== now) out.push(change('response-type-changed', { ...at, message: `Response type of ${name} changed from ${code(old)} to ${code(now)}`, before: old, after: now }));
  return out;
}
