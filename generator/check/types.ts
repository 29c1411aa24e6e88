/**
 * The conformance check's contract: a rule reads the check context and returns
 * findings as data (remark-lint style: one rule = one small file). Severity,
 * ignores, fingerprints and baselines are applied by `run-check.ts`, not by rules.
 */
import type { SourceRef } from '../model/diagnostic.js';
import type { CheckContext } from './context.js';

export const RULE_IDS = [
  'annotation-invalid',
  'example-json-invalid',
  'example-unpaired',
  'example-unknown-property',
  'example-type-mismatch',
  'example-enum-value',
  'example-odata-type',
  'example-odata-type-hash',
  'example-required-missing',
  'response-status-mismatch',
  'http-request-mismatch',
  'table-json-mismatch',
  'request-body-mismatch',
  'permission-unknown',
  'enum-values-mismatch',
  'type-unresolved',
  'link-broken',
  'section-missing',
  'doc-type-mismatch',
  'example-annotation-missing',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** What a user sets a rule to (config file, `--rule id=level`). */
export type RuleLevel = 'off' | 'warn' | 'error';

/** What a finding is reported at. */
export type FindingSeverity = 'error' | 'warning';

/** What a rule returns: where, what, and the identity that survives edits above it. */
export interface RuleFinding {
  at: SourceRef;
  /** "Unexpected X, expected Y" (with "did you mean `z`?" where one fits). */
  message: string;
  /**
   * Stable identity within the rule and file (a JSON path, a property name, a
   * link target): what the fingerprint hashes instead of the line. When absent,
   * the message with its numbers blanked is used.
   */
  key?: string;
}

export interface Rule {
  id: RuleId;
  /** One sentence for `--help`, SARIF `shortDescription` and the docs. */
  description: string;
  defaultLevel: RuleLevel;
  /** Why the default level is not `error` (precision on the real corpus), when it is not. */
  levelReason?: string;
  check: (ctx: CheckContext) => RuleFinding[];
}

/** A finding as reported: rule findings and extraction diagnostics alike. */
export interface Finding {
  /** A rule id, or an extraction diagnostic code (`table-malformed`, ...). */
  ruleId: string;
  severity: FindingSeverity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** Hash of rule, file and the finding's stable key; no line numbers. */
  fingerprint: string;
}
