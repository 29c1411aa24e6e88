/**
 * The severity of each kind of change for someone whose code compiles against
 * the generated TypeScript and calls the service: breaking when that code may
 * stop compiling or the call may fail, warning when it compiles but may now be
 * wrong (an exhaustive switch, a value that may now be null), info for additions.
 */
import type { ApiChange, ChangeKind, ChangeSeverity, DiffSummary } from './change.js';

export const SEVERITY: Readonly<Record<ChangeKind, ChangeSeverity>> = {
  'type-added': 'info',
  'type-removed': 'breaking',
  'type-kind-changed': 'breaking',
  'base-type-changed': 'breaking',
  'property-added': 'info',
  'property-removed': 'breaking',
  'property-type-changed': 'breaking',
  'property-collection-changed': 'breaking',
  'property-nullability-widened': 'warning',
  'property-nullability-narrowed': 'breaking',
  'enum-member-added': 'warning',
  'enum-member-removed': 'breaking',
  'operation-added': 'info',
  'operation-removed': 'breaking',
  'operation-renamed': 'warning',
  'method-changed': 'breaking',
  'path-added': 'info',
  'path-removed': 'breaking',
  'parameter-added': 'info',
  'parameter-required-added': 'breaking',
  'parameter-removed': 'breaking',
  'parameter-became-required': 'breaking',
  'parameter-became-optional': 'info',
  // The client function gains or loses its body argument.
  'request-body-added': 'breaking',
  'request-body-removed': 'breaking',
  'request-body-property-added': 'info',
  'request-body-property-removed': 'breaking',
  'request-body-property-type-changed': 'breaking',
  'response-status-changed': 'warning',
  'response-type-changed': 'breaking',
  'permission-added': 'info',
  // An app granted only that permission can no longer call.
  'permission-removed': 'breaking',
  // The old least-privileged permission is still accepted.
  'least-privileged-changed': 'info',
  // The old least-privileged permission is no longer accepted: a stronger one is now needed.
  'least-privileged-raised': 'breaking',
};

const RANK: Readonly<Record<ChangeSeverity, number>> = { breaking: 0, warning: 1, info: 2 };

/** Breaking first. */
export function compareSeverity(a: ChangeSeverity, b: ChangeSeverity): number {
  return RANK[a] - RANK[b];
}

/** A change with the severity of its kind. */
export function change(kind: ChangeKind, fields: Omit<ApiChange, 'kind' | 'severity'>): ApiChange {
  return { kind, severity: SEVERITY[kind], ...fields };
}

export function summarize(changes: readonly ApiChange[]): DiffSummary {
  const summary: DiffSummary = { breaking: 0, warning: 0, info: 0 };
  for (const item of changes) summary[item.severity]++;
  return summary;
}
