/**
 * Where each operation's permission rows are. The model keeps an operation's
 * permissions without their positions; the pages' facts have them. Given both,
 * permission changes are placed on their row rather than on the page title.
 */
import type { SourceRef } from '../model/diagnostic.js';
import type { Model } from '../model/ir.js';
import type { PageFacts } from '../extract/facts.js';

/** Operation id → permission type key (`permissionTypeKey`) → the first row of that type. */
export type PermissionRows = ReadonlyMap<string, ReadonlyMap<string, SourceRef>>;

/** How permission types (of one resource, in a per-resource table) are matched across versions of a page: case and spacing aside. */
export function permissionTypeKey(type: string, resource?: string): string {
  const key = type.toLowerCase().replace(/\s+/g, ' ').trim();
  return resource ? `${resource.toLowerCase().replace(/\s+/g, ' ').trim()}\u0000${key}` : key;
}

export function permissionRows(model: Model, pages: readonly PageFacts[]): PermissionRows {
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const rows = new Map<string, Map<string, SourceRef>>();
  for (const operation of model.operations) {
    // `<version>:<stem>#<n>` is the nth operation of a page documenting several (`model/link-operations.ts`).
    const index = Number(/#(\d+)$/.exec(operation.id)?.[1] ?? 1) - 1;
    const facts = byFile.get(operation.source.file)?.operations[index];
    if (!facts) continue;
    const byType = new Map<string, SourceRef>();
    for (const row of facts.permissions) if (!byType.has(permissionTypeKey(row.type, row.resource))) byType.set(permissionTypeKey(row.type, row.resource), row.source);
    rows.set(operation.id, byType);
  }
  return rows;
}
