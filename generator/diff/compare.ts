/** `docs2ts diff`'s core: the API changes from one model to another, model to model, sorted. */
import type { Model } from '../model/ir.js';
import { compareStrings } from '../model/diagnostic.js';
import type { ApiChange, DiffResult } from './change.js';
import { compareTypes } from './compare-types.js';
import { compareOperations, type Rows } from './compare-operations.js';
import { compareSeverity, summarize } from './severity.js';

/** `rows`: where each side's permission rows are (`permissionRows`), to place permission changes on them. */
export function diffModels(base: Model, head: Model, rows: Rows = {}): DiffResult {
  const changes = [...compareTypes(base, head), ...compareOperations(base, head, rows)].sort(compareChanges);
  return { changes, summary: summarize(changes) };
}

/** apiVersion, resource, severity (breaking first), subject, kind, message. */
export function compareChanges(a: ApiChange, b: ApiChange): number {
  return (
    compareStrings(a.apiVersion, b.apiVersion) ||
    compareStrings(a.resource, b.resource) ||
    compareSeverity(a.severity, b.severity) ||
    compareStrings(a.subject, b.subject) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.message, b.message)
  );
}
