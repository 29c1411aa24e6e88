/**
 * A table row spelling a property with a capital first letter (`Message`, `DestinationId`, `Address` in a
 * parameter or request-body table) that an example spells camelCase (`message`): Graph property names start
 * lowercase, so the row is wrong, not the example. The finding is at the row's name cell, where the fix is, the
 * example's key its related spot; one per row however many examples show it (walk-findings.ts merges them by key).
 */
import type { SourceRef } from '../model/diagnostic.js';
import type { ModelProperty } from '../model/ir.js';
import { cellStart, type CheckContext } from './context.js';

export function capitalizedRow(ctx: CheckContext, known: ReadonlyMap<string, ModelProperty>, key: string, keyAt: SourceRef): { at: SourceRef; message: string; key: string; related: SourceRef[] } | undefined {
  if (!/^[a-z]/.test(key)) return undefined;
  const row = known.get(key[0]!.toUpperCase() + key.slice(1));
  if (!row || !row.source?.file) return undefined;
  return {
    at: cellStart(ctx, row.source, 0),
    message: `Unexpected property name \`${row.name}\` in its table, expected \`${key}\` as the examples spell it (property names start lowercase)`,
    key: `row:${row.source.file}:${row.source.line}`,
    related: [keyAt],
  };
}
