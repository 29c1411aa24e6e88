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
import { factsKey, type FactsStore } from './facts-store.js';
import type { InputRecord } from './run-manifest.js';

export interface ApiChanges extends DiffSummary {
  /** The first breaking change (else the first change), as one line. */
  first?: string;
}

/**
 * The last run's facts (core) of the pages of the versions built that changed
 * since (`changed`: edited, added or removed), from memory (watch mode) or the
 * cache, read without counting them as used; undefined when one is in neither.
 */
export function lastRunFacts(changed: ReadonlySet<string>, built: ReadonlySet<string>, previous: ReadonlyMap<string, InputRecord>, factsId: string, memory: ReadonlyMap<string, PageFacts> | undefined, store: FactsStore | undefined): PageFacts[] | undefined {
  const requests = [...previous.values()]
    .filter((record) => changed.has(record.file) && built.has(record.apiVersion))
    .map((record) => ({ key: factsKey(factsId, record.file, record.apiVersion, record.hash), file: record.file, apiVersion: record.apiVersion }));
  const remembered = requests.map((request) => memory?.get(request.key));
  const cached = store?.loadMany(requests.filter((_, i) => remembered[i] === undefined), { use: false }) ?? [];
  let next = 0;
  const facts = remembered.map((known) => known ?? cached[next++]);
  return facts.every((known) => known !== undefined) ? (facts as PageFacts[]) : undefined;
}

/** The changes from `before` (the last run's facts of the changed pages) to `after` (theirs now). */
export async function apiChanges(before: readonly PageFacts[], after: readonly PageFacts[]): Promise<ApiChanges> {
  const [{ linkModel }, { diffModels }] = await Promise.all([import('../../model/link.js'), import('../../diff/compare.js')]);
  const { changes, summary } = diffModels(linkModel({ pages: [...before] }), linkModel({ pages: [...after] }));
  const first: ApiChange | undefined = changes.find((change) => change.severity === 'breaking') ?? changes[0];
  return { ...summary, ...(first ? { first: `${first.apiVersion} ${first.message}` } : {}) };
}
