/**
 * The model's own diagnostics (table-malformed, json-invalid, ...) as findings
 * under their codes. Codes a rule re-checks with more precision are left out
 * here so nothing is reported twice; `info` diagnostics are notes, not findings.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import { RULE_IDS, RULES } from './rules/index.js';
import type { FindingSeverity, RuleId } from './types.js';

/** Extraction codes and the rule that reports the same problem instead (each rule's `supersedes`). */
export const SUPERSEDED: Record<string, RuleId> = Object.fromEntries(RULE_IDS.flatMap((id) => (RULES[id].supersedes ?? []).map((code) => [code, id])));

export interface ExtractionFinding {
  ruleId: string;
  severity: FindingSeverity;
  diagnostic: Diagnostic;
}

export function extractionFindings(diagnostics: readonly Diagnostic[]): ExtractionFinding[] {
  return diagnostics
    .filter((d) => d.severity !== 'info' && !(d.code in SUPERSEDED))
    .map((d) => ({ ruleId: d.code, severity: d.severity === 'error' ? 'error' : 'warning', diagnostic: d }));
}
