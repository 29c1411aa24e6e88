/**
 * The conformance check's types: the rule contract (`rule.ts`), the rule ids
 * derived from the rule modules (`rules/index.ts`), and findings as reported.
 */
import type { SourceRef } from '../model/diagnostic.js';
export type { Rule, RuleFinding, RuleLevel } from './rule.js';
export { RULE_IDS, type RuleId } from './rules/index.js';

/** What a finding is reported at. */
export type FindingSeverity = 'error' | 'warning';

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
  /** The other spots the finding rests on (`RuleFinding.related`), sorted; absent when none. */
  related?: SourceRef[];
}
