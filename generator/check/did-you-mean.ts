/** "did you mean `z`?" over known names, by edit distance. */
import { createRequire } from 'node:module';

// Required rather than imported: the package is CommonJS, and Node would scan its source for export names first (10 ms).
const { distance } = createRequire(import.meta.url)('fastest-levenshtein') as typeof import('fastest-levenshtein');

/** Levenshtein distance (fastest-levenshtein), as `max + 1` when it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d = distance(a, b);
  return d > max ? max + 1 : d;
}

/**
 * The known name closest to `name`: a case-insensitive match first, else the
 * nearest within a third of the name's length (at least 1, at most 4 edits).
 * Ties keep the first candidate in order.
 */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  const limit = Math.min(4, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const candidateLower = candidate.toLowerCase();
    if (candidateLower === lower) return candidate;
    const distance = editDistance(lower, candidateLower, bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean \`z\`?)` or ''. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closest(name, candidates);
  return match === undefined ? '' : ` (did you mean \`${match}\`?)`;
}
