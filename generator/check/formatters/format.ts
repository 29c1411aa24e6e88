/** The formatter contract: a check result in, the text to print out. */
import type { RuleSummary } from '../run-check.js';
import type { Finding } from '../types.js';

export interface FormatInput {
  findings: readonly Finding[];
  rules: readonly RuleSummary[];
  /** The input folder as given on the command line: file paths in output are `<input>/<file>`. */
  input: string;
  /** Findings left out because the baseline has them. */
  baselined: number;
  toolVersion: string;
}

export type Formatter = (input: FormatInput) => string;

/** A finding's path as reachable from the working directory (`/` separators). */
export function displayPath(input: string, file: string): string {
  const base = input.replace(/\\/g, '/').replace(/(?<!\/)\/+$/, '');
  return base === '' || base === '.' ? file : `${base}/${file}`;
}
