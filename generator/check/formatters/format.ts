/** The formatter contract: a check result in, the text to print out. */
import type { RuleSummary } from '../run-check.js';
import { compareStrings } from '../../model/diagnostic.js';
import type { Finding } from '../types.js';

export interface FormatInput {
  findings: readonly Finding[];
  rules: readonly RuleSummary[];
  /** The input folder as given on the command line: file paths in output are `<input>/<file>`. */
  input: string;
  /** Findings left out because the baseline has them. */
  baselined: number;
  toolVersion: string;
  /** The text of a line of an input file (formats that show the source: html); '' when unknown. */
  sourceLine?: (file: string, line: number) => string;
}

export type Formatter = (input: FormatInput) => string;

/** A finding's path as reachable from the working directory (`/` separators). */
export function displayPath(input: string, file: string): string {
  const base = input.replace(/\\/g, '/').replace(/(?<!\/)\/+$/, '');
  return base === '' || base === '.' ? file : `${base}/${file}`;
}

/** Errors and warnings per rule id, sorted by rule id. */
export function countsByRule(findings: readonly Finding[]): [string, { error: number; warning: number }][] {
  const byRule = new Map<string, { error: number; warning: number }>();
  for (const f of findings) {
    const entry = byRule.get(f.ruleId) ?? { error: 0, warning: 0 };
    entry[f.severity]++;
    byRule.set(f.ruleId, entry);
  }
  return [...byRule].sort(([a], [b]) => compareStrings(a, b));
}

/** `3 problems (2 errors, 1 warning)`, with the baseline's share when it has some. */
export function totalText(findings: readonly Finding[], baselined: number): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  return `${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})${baselined ? `; ${baselined} more in the baseline` : ''}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
