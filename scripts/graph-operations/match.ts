/**
 * Pairs the SDK's actions and functions with the docs model's operations by
 * method and path. Paths are compared as keys: segments lower-cased, every
 * placeholder one `{}` (`{user%2Did}` ≡ `{id | userPrincipalName}`), `/me` ≡
 * `/users/{}`, a function call's arguments dropped (`reminderView(...)` ≡
 * `reminderView`), a `microsoft.graph.` prefix dropped.
 */
import type { ModelOperation } from '../../generator/model/ir.js';
import type { SdkOperation } from './sdk-operations.js';

export interface OperationMatch {
  docs: ModelOperation;
  /** The first (by path) of the SDK builders with this operation's key. */
  sdk: SdkOperation;
}

export interface Matching {
  matches: OperationMatch[];
  /** SDK operations no docs operation has the key of (one per key). */
  onlySdk: SdkOperation[];
  /** Docs actions and functions on a path whose parent the SDK has a request builder for, matched by no SDK operation. */
  onlyDocs: ModelOperation[];
}

/** `GET /users/{user%2Did}/reminderView(StartDateTime='{StartDateTime}')` → `GET users/{}/reminderview`. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${pathKey(path)}`;
}

/** `/me/events/{id}/forward` → `users/{}/events/{}/forward`. */
export function pathKey(path: string): string {
  const segments = path
    .replace(/[?#].*$/, '')
    .split('/')
    .filter(Boolean)
    .map(normalizeSegment);
  if (segments[0] === 'me') segments.splice(0, 1, 'users', '{}');
  return segments.join('/');
}

function normalizeSegment(segment: string): string {
  if (segment.startsWith('{')) return '{}';
  const call = segment.indexOf('(');
  const name = call >= 0 ? segment.slice(0, call) : segment;
  return name.toLowerCase().replace(/^microsoft\.graph\./, '');
}

/**
 * `sdkPaths`: the path keys of every SDK request builder (not only operations),
 * so a docs operation counts as "only docs" only where the SDK has its parent.
 * Function overloads share a key (`getActivitiesByInterval()`, `...(startDateTime=...)`):
 * a docs operation takes the one sharing most parameter names with it. Pages
 * documenting the same path (`user-getmembergroups`, `directoryobject-getmembergroups`)
 * are each matched.
 */
export function matchOperations(docs: readonly ModelOperation[], sdk: readonly SdkOperation[], sdkPaths: ReadonlySet<string>): Matching {
  const docsByKey = new Map<string, ModelOperation[]>();
  for (const operation of docs) {
    for (const path of operation.paths) {
      const key = operationKey(operation.method, path);
      const list = docsByKey.get(key);
      if (!list) docsByKey.set(key, [operation]);
      else if (!list.includes(operation)) list.push(operation);
    }
  }
  const sdkByKey = new Map<string, SdkOperation[]>();
  for (const operation of [...sdk].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const key = operationKey(operation.method, operation.path);
    const list = sdkByKey.get(key);
    if (list) list.push(operation);
    else sdkByKey.set(key, [operation]);
  }
  const matched = new Map<string, OperationMatch>();
  const onlySdk: SdkOperation[] = [];
  for (const [key, overloads] of sdkByKey) {
    const found = docsByKey.get(key) ?? [];
    if (found.length === 0) onlySdk.push(overloads[0]!);
    for (const operation of found) if (!matched.has(operation.id)) matched.set(operation.id, { docs: operation, sdk: closestOverload(operation, overloads) });
  }
  const onlyDocs = docs.filter(
    (o) =>
      (o.kind === 'action' || o.kind === 'function') &&
      !matched.has(o.id) &&
      o.paths.some((path) => sdkPaths.has(pathKey(path).replace(/\/[^/]*$/, ''))),
  );
  const matches = [...matched.values()].sort((a, b) => (a.docs.id < b.docs.id ? -1 : 1));
  return { matches, onlySdk, onlyDocs };
}

function closestOverload(docs: ModelOperation, overloads: readonly SdkOperation[]): SdkOperation {
  const names = new Set(docs.parameters.map((p) => p.name.toLowerCase()));
  const shared = (o: SdkOperation): number => o.parameters.filter((p) => names.has(p.name.toLowerCase())).length;
  return overloads.reduce((best, o) => (shared(o) > shared(best) ? o : best));
}
