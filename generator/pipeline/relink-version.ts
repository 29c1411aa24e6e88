/**
 * The incremental path of `generate` for one API version: when a few of its pages
 * changed in content (none added or removed, its output files as the last run
 * left them) and the last run left a model snapshot for exactly its inputs, the
 * changed pages are extracted, relinked against the snapshot (`model/relink.ts`),
 * and only the files that depend on a changed type or operation are planned
 * again; the others keep their fingerprints without their inputs being read.
 * Whatever this path cannot vouch for, it declines, with a reason, and the
 * version is linked whole.
 */
import type { PageFacts } from '../extract/facts.js';
import { factsKey, type FactsStore } from '../cache/facts-store.js';
import { ModelSnapshot } from '../cache/model-snapshot.js';
import type { InputRecord, OutputRecord, RunManifest, VersionSummary } from '../cache/run-manifest.js';
import { planOutput, type EmitOptions, type FilePlan } from '../emit/index.js';
import { relink, type Relinked } from '../model/relink.js';
import { isInputProblemCode } from './summary.js';
import type { LoadedPages, PageState } from './load-pages.js';
import type { OutputState } from './output-state.js';

/** More changed pages than this in a version: it is linked whole. */
export const RELINK_MAX_PAGES = 32;

export interface RelinkCandidate {
  version: string;
  snapshot: ModelSnapshot;
  /** The version's pages whose content changed. */
  changed: PageState[];
  /** The version's pages as the last run recorded them. */
  previous: InputRecord[];
}

/** The versions to build that may be relinked from their changed pages, each with its snapshot. */
export function relinkCandidates(
  build: ReadonlySet<string>,
  states: readonly PageState[],
  previous: RunManifest,
  outputs: OutputState,
  snapshotOf: (version: string, inputs: readonly InputRecord[]) => ModelSnapshot | undefined,
): Map<string, RelinkCandidate> {
  const candidates = new Map<string, RelinkCandidate>();
  for (const version of build) {
    if (!(version in previous.versions)) continue;
    const pages = states.filter((state) => state.page.apiVersion === version);
    const recorded = previous.inputs.filter((record) => record.apiVersion === version);
    const byFile = new Map(recorded.map((record) => [record.file, record]));
    if (pages.length !== recorded.length || pages.some((state) => state.hash === undefined || !byFile.has(state.page.file))) continue;
    const changed = pages.filter((state) => byFile.get(state.page.file)!.hash !== state.hash);
    if (changed.length === 0 || changed.length > RELINK_MAX_PAGES) continue;
    const files = new Set(previous.outputs.flatMap((record) => (record.path.startsWith(`${version}/`) ? [record.path] : [])));
    if ([...files].some((file) => !outputs.intact.has(file))) continue;
    if (outputs.present.some((file) => file.startsWith(`${version}/`) && !files.has(file))) continue;
    const snapshot = snapshotOf(version, recorded);
    if (snapshot) candidates.set(version, { version, snapshot, changed, previous: recorded });
  }
  return candidates;
}

export interface RelinkContext {
  factsId: string;
  store: FactsStore;
  /** The facts of the changed pages (whose extraction the caller started). */
  load: () => Promise<LoadedPages>;
  emit: Omit<EmitOptions, 'reuse'>;
  /** The last run's record of an output file still as it left it, or undefined. */
  intact: (file: string) => OutputRecord | undefined;
}

export type RelinkedVersion =
  | {
      ok: true;
      plans: FilePlan[];
      summary: VersionSummary;
      /** Manifest records of the changed pages. */
      records: (InputRecord | undefined)[];
      parsed: number;
      /** Records the relink in the snapshot (after the outputs are written, before the manifest). */
      save: (inputs: readonly InputRecord[]) => Promise<void>;
    }
  | { ok: false; reason: string; parsed: number };

export async function relinkVersion(candidate: RelinkCandidate, context: RelinkContext): Promise<RelinkedVersion> {
  const { snapshot, version } = candidate;
  // The changed pages are extracted (in a worker thread when there is one) while this thread plans from the snapshot.
  const extracting = context.load();
  let relinked: Extract<Relinked, { ok: true }> | undefined;
  const reuse = (file: { path: string }) => {
    const record = context.intact(file.path);
    return record && relinked && !snapshot.dependsOnAny(file.path, relinked.changed) ? record.fingerprint : undefined;
  };
  const lazy = snapshot.lazyModel();
  // The shape is the snapshot's (the relink declines any change to it), so are the values derived from it alone.
  const memo = snapshot.shapeMemo();
  const options = { ...context.emit, reuse, lazyFingerprints: true, memo: () => memo };
  let plans = planOutput(lazy.model, options);
  const loaded = await extracting;
  const no = (reason: string): RelinkedVersion => ({ ok: false, reason, parsed: loaded.parsed });

  const previousHash = new Map(candidate.previous.map((record) => [record.file, record.hash]));
  const keyOf = (file: string) => factsKey(context.factsId, file, version, previousHash.get(file) ?? '');
  const befores = context.store.loadMany(candidate.changed.map((state) => ({ key: keyOf(state.page.file), file: state.page.file, apiVersion: version })));
  if (befores.some((facts) => facts === undefined) || loaded.facts.some((facts) => facts === undefined)) return no('the facts of a changed page as it was are not cached');
  const changes = candidate.changed.map((_, i) => ({ before: befores[i]!, after: loaded.facts[i]! }));
  if (changes.some(({ before, after }) => [...before.diagnostics, ...after.diagnostics].some((d) => isInputProblemCode(d.code)))) return no('a changed page could not be read');
  const factsOf = (file: string): PageFacts | undefined => (previousHash.has(file) ? context.store.loadMany([{ key: keyOf(file), file, apiVersion: version }])[0] : undefined);

  const result = relink({ apiVersion: version, changes, snapshot, factsOf });
  if (!result.ok) return no(result.reason);
  relinked = result;
  if (!lazy.swap(result.replace, result.changed)) {
    // Planning read data of a type or operation the relink changed: plan again, from the relinked model.
    const again = snapshot.lazyModel();
    again.swap(result.replace, result.changed);
    plans = planOutput(again.model, options);
  }
  const summary = { ...snapshot.summary, diagnostics: snapshot.summary.diagnostics + result.diagnostics };
  return {
    ok: true,
    plans,
    summary,
    records: loaded.records,
    parsed: loaded.parsed,
    save: (inputs) => snapshot.update(result.replace, result.changed, result.referenced, inputs, summary),
  };
}
