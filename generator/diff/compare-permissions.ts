/**
 * Changes to an operation's permissions, per permission type (delegated work or
 * school, delegated personal, application): permissions added and removed, and
 * the least-privileged one (the first listed) changed. When the old least-
 * privileged permission is no longer accepted, that is reported once, as
 * `least-privileged-raised`, rather than also as a removal.
 */
import type { ModelOperation } from '../model/ir.js';
import type { ApiChange } from './change.js';
import { change } from './severity.js';
import { code } from './match.js';
import { permissionTypeKey, type PermissionRows } from './permission-rows.js';

type Where = Pick<ApiChange, 'apiVersion' | 'resource' | 'subject' | 'side' | 'source'>;

/** `rows`, when given, place each change on its permission row (else the operation's position in `at`). */
export function comparePermissions(before: ModelOperation, after: ModelOperation, at: { base: Where; head: Where }, name: string, rows: { base?: PermissionRows; head?: PermissionRows } = {}): ApiChange[] {
  const out: ApiChange[] = [];
  const base = (key: string): Where => ({ ...at.base, source: rows.base?.get(before.id)?.get(key) ?? at.base.source });
  const head = (key: string): Where => ({ ...at.head, source: rows.head?.get(after.id)?.get(key) ?? at.head.source });
  const old = byType(before);
  const now = byType(after);
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const was = old.get(key)?.permissions ?? [];
    const is = now.get(key)?.permissions ?? [];
    const type = now.get(key)?.type ?? old.get(key)!.type;
    const least = was[0];
    const raised = least !== undefined && !is.includes(least);
    for (const permission of was) {
      if (is.includes(permission) || (raised && permission === least)) continue;
      out.push(change('permission-removed', { ...base(key), message: `${type} permission ${code(permission)} no longer accepted by ${name}`, before: permission }));
    }
    for (const permission of is) {
      if (was.includes(permission)) continue;
      out.push(change('permission-added', { ...head(key), message: `${type} permission ${code(permission)} now accepted by ${name}`, after: permission }));
    }
    if (least === is[0]) continue;
    const text = (permission: string | undefined) => (permission === undefined ? 'not supported' : code(permission));
    const kind = raised ? 'least-privileged-raised' : 'least-privileged-changed';
    const verb = raised ? `raised (${text(least)} no longer accepted)` : 'changed';
    out.push(change(kind, { ...(now.has(key) ? head(key) : at.head), message: `Least-privileged ${type} permission of ${name} ${verb}: ${text(least)} → ${text(is[0])}`, before: least ?? 'not supported', after: is[0] ?? 'not supported' }));
  }
  return out;
}

/**
 * Permission type (case and spacing aside; per resource in a per-resource table) →
 * its accepted permissions over every table of the page: the least privileged
 * first, then the higher privileged ones, so the first is the least privileged.
 */
function byType(operation: ModelOperation): Map<string, { type: string; permissions: string[] }> {
  const map = new Map<string, { type: string; permissions: string[] }>();
  for (const row of operation.permissions) {
    const key = permissionTypeKey(row.type, row.resource);
    const entry = map.get(key) ?? { type: row.resource ? `${row.resource} ${row.type.trim()}` : row.type.trim(), permissions: [] };
    for (const permission of [...row.permissions, ...(row.higherPrivileged ?? [])]) if (!entry.permissions.includes(permission)) entry.permissions.push(permission);
    map.set(key, entry);
  }
  return map;
}
