/**
 * Quick mode (`DOCS2TS_QUICK=1`, set by `npm run test:quick` in vitest.quick.config.ts): the tests that loop over
 * every case of something large (every leaf of a model, hundreds of random pages) take a seeded sample of it or
 * fewer runs, and say so in their names. `npm test` leaves the variable unset and runs every loop whole.
 */
import { sample } from './sample.js';

export const quick = process.env['DOCS2TS_QUICK'] === '1';

/** All of `items` in `npm test`; in quick mode a seeded sample of `share` of them (at least one). */
export function allOrSample<T>(items: readonly T[], share: number, seed: number): T[] {
  return quick ? sample(items, Math.max(1, Math.ceil(items.length * share)), seed) : [...items];
}

/** `full` in `npm test`, `quickly` in quick mode: a property test's number of runs, a model's size. */
export function fullOr(full: number, quickly: number): number {
  return quick ? quickly : full;
}

/** A test name's note of what quick mode samples (empty in `npm test`). */
export function quickNote(what: string): string {
  return quick ? ` (quick: ${what})` : '';
}
