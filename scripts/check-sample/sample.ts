/** The sample of `npm run check-sample`: which findings a seed draws, and which judgments still hold. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Finding } from '../../generator/check/types.js';

export type Verdict = 'real' | 'noise' | 'false-positive';

export interface Judgment {
  rule: string;
  at: string;
  verdict: Verdict;
  exact: boolean;
  reason: string;
}

/**
 * `count` findings drawn uniformly: the ones whose SHA-256 of seed and fingerprint
 * sorts first. A finding's rank does not depend on the others, so a seed keeps
 * naming the same sample when a rule change adds or removes other findings
 * (judgments stay reusable; only findings new to the sample need reading).
 */
export function draw(items: readonly Finding[], count: number, seed: number): Finding[] {
  const rank = (f: Finding) => createHash('sha256').update(`${seed}:${f.fingerprint}`).digest('hex');
  return items
    .map((f) => ({ f, r: rank(f) }))
    .sort((a, b) => a.r.localeCompare(b.r))
    .slice(0, count)
    .map(({ f }) => f);
}

/** The finding's judgment, unless the finding has moved since (a judgment holds for the spot it was made at). */
export function judgmentOf(judged: Record<string, Judgment>, f: Finding, corpus: string): Judgment | undefined {
  const j = judged[f.fingerprint];
  const file = path.isAbsolute(f.file) ? path.relative(corpus, f.file) : f.file;
  return j && j.at === `${file}:${f.line}:${f.column}` ? j : undefined;
}

