/**
 * What `docs2ts diff` reports: one change in the API between two models, with
 * its severity for code compiled against the generated TypeScript that calls
 * the service, and the doc position of the row on the side where it exists.
 * This is the `docs2ts diff --format json` record; `schema/diff.schema.json`
 * documents it and a test holds the two together.
 */
import type { SourceRef } from '../model/diagnostic.js';

export type ChangeSeverity = 'breaking' | 'warning' | 'info';

/** Every kind of change, each with one severity (`severity.ts`). */
export const CHANGE_KINDS = [
  'type-added',
  'type-removed',
  'type-kind-changed',
  'base-type-changed',
  'property-added',
  'property-removed',
  'property-type-changed',
  'property-collection-changed',
  'property-nullability-widened',
  'property-nullability-narrowed',
  'enum-member-added',
  'enum-member-removed',
  'operation-added',
  'operation-removed',
  'operation-renamed',
  'method-changed',
  'path-added',
  'path-removed',
  'parameter-added',
  'parameter-required-added',
  'parameter-removed',
  'parameter-became-required',
  'parameter-became-optional',
  'request-body-added',
  'request-body-removed',
  'request-body-property-added',
  'request-body-property-removed',
  'request-body-property-type-changed',
  'response-status-changed',
  'response-type-changed',
  'permission-added',
  'permission-removed',
  'least-privileged-changed',
  'least-privileged-raised',
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Which model a position is in. */
export type Side = 'base' | 'head';

export interface ApiChange {
  kind: ChangeKind;
  severity: ChangeSeverity;
  apiVersion: string;
  /** What the change is grouped under: the type's full name, or the operation's resource (else its response type, else its id). */
  resource: string;
  /** What changed: `microsoft.graph.user`, `microsoft.graph.user.displayName`, `v1.0:user-get`, ... */
  subject: string;
  /** One line: "Property `x` of `t` removed". */
  message: string;
  /** The value before and after, as text, when the change is a change of value. */
  before?: string;
  after?: string;
  /** A likely rename: the subject on the other side that looks alike. */
  renameOf?: string;
  /** Where the changed row is: in `head` when it exists there (added or changed), else in `base`. */
  side: Side;
  source: SourceRef;
}

export interface DiffSummary {
  breaking: number;
  warning: number;
  info: number;
}

export interface DiffResult {
  /** Sorted: apiVersion, resource, severity (breaking first), subject, kind. */
  changes: ApiChange[];
  summary: DiffSummary;
}
