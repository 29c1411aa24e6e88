/**
 * The figures of an example-validation run: bodies considered, checked,
 * skipped by reason, valid, invalid, problems by kind, invalid bodies by
 * first problem kind, the truncated bodies apart, and a spread of samples per
 * problem kind (one per doc file, evenly picked over the run).
 */
import type { Expectation, Problem, Role, SkipReason } from './expected-type.js';

export interface BodyRef {
  version: string;
  role: Role;
  /** Where the body's code block starts: `beta/api/user-get.md:120`. */
  at: string;
  file: string;
  /** The annotation's `"truncated": true`: the body shows only some properties. */
  truncated: boolean;
}

export interface Sample {
  at: string;
  role: Role;
  target: string;
  problem: Problem;
}

export interface Counts {
  checked: number;
  valid: number;
  invalid: number;
}

export interface Tally {
  considered: number;
  checked: number;
  valid: number;
  invalid: number;
  skipped: Partial<Record<SkipReason, number>>;
  problemsByKind: Record<string, number>;
  invalidByFirstKind: Record<string, number>;
  /** Bodies marked truncated (all of them are also in the totals above). */
  truncated: Counts & { considered: number };
  byVersionRole: Record<string, Counts>;
  /** Checked bodies by the rule that gave their type. */
  byRule: Record<string, number>;
  /** Per problem kind, the first problem of each file (file → sample), in run order. */
  candidates: Record<string, Map<string, Sample>>;
}

export function emptyTally(): Tally {
  return {
    considered: 0,
    checked: 0,
    valid: 0,
    invalid: 0,
    skipped: {},
    problemsByKind: {},
    invalidByFirstKind: {},
    truncated: { considered: 0, checked: 0, valid: 0, invalid: 0 },
    byVersionRole: {},
    byRule: {},
    candidates: {},
  };
}

/** Adds one body: its expectation and, when checked, every problem found (the expectation's own included). */
export function record(tally: Tally, body: BodyRef, expectation: Expectation, problems: readonly Problem[]): void {
  tally.considered++;
  if (body.truncated) tally.truncated.considered++;
  if (expectation.outcome === 'skip') {
    tally.skipped[expectation.reason] = (tally.skipped[expectation.reason] ?? 0) + 1;
    return;
  }
  tally.byRule[expectation.rule] = (tally.byRule[expectation.rule] ?? 0) + 1;
  const group = (tally.byVersionRole[`${body.version} ${body.role}`] ??= { checked: 0, valid: 0, invalid: 0 });
  for (const counts of [tally, group, ...(body.truncated ? [tally.truncated] : [])]) {
    counts.checked++;
    if (problems.length === 0) counts.valid++;
    else counts.invalid++;
  }
  const first = problems[0];
  if (first === undefined) return;
  tally.invalidByFirstKind[first.kind] = (tally.invalidByFirstKind[first.kind] ?? 0) + 1;
  for (const problem of problems) {
    tally.problemsByKind[problem.kind] = (tally.problemsByKind[problem.kind] ?? 0) + 1;
    const files = (tally.candidates[problem.kind] ??= new Map());
    if (!files.has(body.file)) files.set(body.file, { at: body.at, role: body.role, target: expectation.target, problem });
  }
}

/** Up to `count` samples of a kind, evenly spread over the files that have one. */
export function samplesOf(tally: Tally, kind: string, count: number): Sample[] {
  const all = [...(tally.candidates[kind]?.values() ?? [])];
  if (all.length <= count) return all;
  return Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]!);
}

/** Long paths (recursive Intune settings) as their start and end. */
function shortPath(path: string): string {
  return path.length <= 120 ? path : `${path.slice(0, 40)}...${path.slice(-77)}`;
}

function sorted(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}

export function formatTally(tally: Tally, samplesPerKind: number): string {
  const skipped = Object.values(tally.skipped).reduce((a, b) => a + (b ?? 0), 0);
  const lines = [
    `bodies considered: ${tally.considered}`,
    `checked: ${tally.checked}; valid: ${tally.valid} (${percent(tally.valid, tally.checked)}); invalid: ${tally.invalid} (${percent(tally.invalid, tally.checked)})`,
    `skipped: ${skipped}${sorted(tally.skipped as Record<string, number>)
      .map(([reason, n]) => `; ${reason} ${n}`)
      .join('')}`,
    `truncated bodies (checked like the others; a missing property is never a problem): considered ${tally.truncated.considered}, checked ${tally.truncated.checked}, valid ${tally.truncated.valid}, invalid ${tally.truncated.invalid}`,
    'by version and role:',
    ...Object.entries(tally.byVersionRole)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([key, c]) => `  ${key}: checked ${c.checked}, valid ${c.valid}, invalid ${c.invalid}`),
    'checked bodies by expected-type rule:',
    ...sorted(tally.byRule).map(([rule, n]) => `  ${rule}: ${n}`),
    'problems by kind:',
    ...sorted(tally.problemsByKind).map(([kind, n]) => `  ${kind}: ${n}`),
    'invalid bodies by first problem kind:',
    ...sorted(tally.invalidByFirstKind).map(([kind, n]) => `  ${kind}: ${n}`),
  ];
  for (const [kind] of sorted(tally.problemsByKind)) {
    lines.push(`samples of ${kind} (${tally.candidates[kind]?.size ?? 0} files):`);
    for (const s of samplesOf(tally, kind, samplesPerKind)) {
      lines.push(`  ${s.at} ${s.role} ${shortPath(s.problem.path)} as ${s.target}: expected ${s.problem.expected}, got ${s.problem.actual}`);
    }
  }
  return lines.join('\n');
}
