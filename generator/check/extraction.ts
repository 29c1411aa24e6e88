/**
 * The model's own diagnostics (table-malformed, json-invalid, ...) as findings
 * under their codes. Codes a rule re-checks with more precision are left out
 * here so nothing is reported twice; `info` diagnostics are notes, not findings.
 */
import type { Diagnostic } from '../model/diagnostic.js';
import type { FindingSeverity, RuleId } from './types.js';

/** Extraction codes and the rule that reports the same problem instead. */
export const SUPERSEDED: Record<string, RuleId> = {
  'annotation-invalid': 'annotation-invalid',
  'example-json-invalid': 'example-json-invalid',
  'example-json-truncated': 'example-json-invalid',
  'example-request-missing': 'example-unpaired',
  'example-response-missing': 'example-unpaired',
  'example-name-duplicate': 'example-unpaired',
  'type-unresolved': 'type-unresolved',
  'base-type-unresolved': 'type-unresolved',
  'doc-type-mismatch': 'doc-type-mismatch',
};

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
