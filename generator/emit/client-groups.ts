/**
 * Splits a version's operations into client files so no file grows with the
 * whole API (beta has ~5,000 operations): one file per resource type the
 * operations act on, else one per first path segment.
 */
import type { ModelOperation } from '../model/ir.js';
import { compareStrings } from '../model/diagnostic.js';
import type { EmitContext } from './emitter.js';
import { camelCase } from './naming.js';

export interface OperationGroup {
  /** File name without extension: kebab-case, unique ignoring case, never `index`. */
  stem: string;
  operations: ModelOperation[];
}

export function groupOperations(operations: readonly ModelOperation[], ctx: Pick<EmitContext, 'names' | 'typeIndex'>): OperationGroup[] {
  const byKey = new Map<string, ModelOperation[]>();
  for (const operation of operations) {
    const key = groupKey(operation, ctx);
    const list = byKey.get(key);
    if (list) list.push(operation);
    else byKey.set(key, [operation]);
  }
  const used = new Set(['index']);
  const groups = [...byKey.keys()].sort(compareStrings).map((key) => ({ stem: claim(kebabCase(key), used), operations: byKey.get(key) ?? [] }));
  return groups.sort((a, b) => compareStrings(a.stem, b.stem));
}

/** The resource's type name (`DeviceManagementPartner`), else the first path segment (`deviceManagement`), else `other`. */
function groupKey(operation: ModelOperation, ctx: Pick<EmitContext, 'names' | 'typeIndex'>): string {
  const resource = operation.resource ? ctx.typeIndex.get(operation.resource) : undefined;
  const typeName = resource && resource.kind !== 'unresolved' ? ctx.names.typeName(resource.fullName) : undefined;
  if (typeName) return typeName;
  const first = (operation.paths[0] ?? '').replace(/^https?:\/\/[^/]*/i, '').split(/[/?(]/).find((segment) => segment.trim() !== '' && segment !== operation.apiVersion);
  const segment = first ? camelCase(first) : '';
  return segment && segment !== '_unnamed' ? `${segment} operations` : 'other operations';
}

/** `DeviceManagementPartner` → `device-management-partner`; `me operations` → `me-operations`. */
export function kebabCase(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.map((word) => word.toLowerCase()).join('-') || 'other';
}

function claim(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  used.add(name.toLowerCase());
  return name;
}
