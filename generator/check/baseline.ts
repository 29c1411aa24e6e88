/**
 * Baselines: today's findings written down (`--update-baseline`) so a later
 * run fails only on findings that are not in it (`--baseline FILE`). Findings
 * match by rule, file and fingerprint (which has no line number in it), so
 * edits above a finding do not make it new.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../parse/input.js';
import { compareStrings } from '../model/diagnostic.js';
import type { Finding } from './types.js';

export const DEFAULT_BASELINE = 'docs2ts-baseline.json';

export interface BaselineEntry {
  ruleId: string;
  file: string;
  fingerprint: string;
  /** For people reading the file; not used for matching. */
  message: string;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export function baselineOf(findings: readonly Finding[]): Baseline {
  return {
    version: 1,
    findings: findings
      .map(({ ruleId, file, fingerprint, message }) => ({ ruleId, file, fingerprint, message }))
      .sort((a, b) => compareStrings(a.file, b.file) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.fingerprint, b.fingerprint)),
  };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export async function readBaseline(file: string, label = file): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`baseline ${label} cannot be read: write one with --update-baseline, or pass an existing file to --baseline`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`baseline ${label} is not JSON: regenerate it with --update-baseline`);
  }
  const findings = (data as Partial<Baseline> | null)?.findings;
  if ((data as Partial<Baseline> | null)?.version !== 1 || !Array.isArray(findings) || !findings.every(isEntry)) {
    throw new UsageError(`baseline ${label} is not a docs2ts baseline (version 1 with a findings list): regenerate it with --update-baseline`);
  }
  return { version: 1, findings };
}

/** Findings not in the baseline, and how many were. */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { fresh: Finding[]; baselined: number } {
  const known = new Set(baseline.findings.map(keyOf));
  const fresh = findings.filter((f) => !known.has(keyOf(f)));
  return { fresh, baselined: findings.length - fresh.length };
}

function keyOf(entry: Pick<BaselineEntry, 'ruleId' | 'file' | 'fingerprint'>): string {
  return `${entry.ruleId}\u0000${entry.file}\u0000${entry.fingerprint}`;
}

function isEntry(value: unknown): value is BaselineEntry {
  const entry = value as Partial<BaselineEntry> | null;
  return typeof entry?.ruleId === 'string' && typeof entry.file === 'string' && typeof entry.fingerprint === 'string';
}
