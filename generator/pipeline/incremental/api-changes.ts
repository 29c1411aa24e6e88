/**
 * The API changes since the last run, for `generate`'s one-line account: the
 * pages changed since (edited, added, removed) are linked alone, once as the
 * last run had them (their facts from memory or the facts cache, by the hashes
 * the manifest recorded) and once as they are now, and the two models compared
 * (`diff/compare.ts`). Types the changed pages only link to are unresolved the
 * same on both sides, so what differs is what the edits changed. `docs2ts diff`
 * compares whole models; this is its quick count.
 */
import type { PageFacts } from '../../extract/facts.js';
import type { ApiChange, DiffSummary } from '../../diff/change.js';
import type { InputRecord } from './run-manifest.js';
import type { PageState } from './load-pages.js';

export interface ApiChanges extends DiffSummary {
  /** The first breaking change (else the first change), as one line. */
  first?: string;
}

/** The pages of the versions built that changed since the last run, and a lookup of their facts then. */
export function changedPages(states: readonly PageState[], built: ReadonlySet<string>, previous: ReadonlyMap<string, InputRecord>): { now: Set<string>; then: InputRecord[] } {
  const now = new Set<string>();
  const current = new Set(states.map((state) => state.page.file));
  for (const state of states) {
    if (built.has(state.page.apiVersion) && (state.hash === undefined || previous.get(state.page.file)?.hash !== state.hash)) now.add(state.page.file);
  }
  const then = [...previous.values()].filter((record) => built.has(record.apiVersion) && (now.has(record.file) || !current.has(record.file)));
  return { now, then };
}

/** The changes from `before` (the last run's facts of the changed pages) to `after` (theirs now). */
export async function apiChanges(before: readonly PageFacts[], after: readonly PageFacts[]): Promise<ApiChanges> {
  const [{ linkModel }, { diffModels }] = await Promise.all([import('../../model/link.js'), import('../../diff/compare.js')]);
  const { changes, summary } = diffModels(linkModel({ pages: [...before] }), linkModel({ pages: [...after] }));
  const first: ApiChange | undefined = changes.find((change) => change.severity === 'breaking') ?? changes[0];
  return { ...summary, ...(first ? { first: `${first.apiVersion} ${first.message}` } : {}) };
}
