/**
 * The incremental engine around `generate`'s stages (`../generate.ts`): what the
 * last run of an input into an output folder saw (its manifest), what changed
 * since, and the record of this run.
 *
 * - `openRun`: stamps every input page and output file (`survey.ts`) and compares
 *   them with the manifest; when all match, the run is up to date and stops
 *   there. Otherwise it names the API versions to build (`versions.ts`): the
 *   others keep their files without their pages being loaded.
 * - `loadFacts`: those versions' pages' facts, their core only, from memory
 *   (watch mode) or the facts cache when unchanged, else extracted (`load-pages.ts`).
 * - `intact`: the last run's record of an output file still as it left it: a
 *   file whose fingerprint matches it is not rendered (`render.ts`).
 * - `finish`: the files of the versions kept, the output compared (`--check`) or
 *   written, and the run recorded: input and output stamps and hashes, each
 *   file's fingerprint and the hashes of its parts before prettier.
 */
import { keyedCodeId, type OutputOptions } from '../output-options.js';
import path from 'node:path';
import type { PageFacts } from '../../extract/facts.js';
import { compareStrings } from '../../model/diagnostic.js';
import type { Model } from '../../model/ir.js';
import { hashOf, type Digester } from '../../model/hash.js';
import type { FilePlan } from '../../emit/index.js';
import { writeOutputDir, type OutputFile } from '../output-dir.js';
import { markerFile, ownedFiles } from '../output-owner.js';
import type { lazyPool } from '../pool.js';
import { codeIds, type CodeIds } from './code-id.js';
import { factsKey, FactsStore } from './facts-store.js';
import { pageStates, pruneMemory, startLoad, type PageLoad, type PageState } from './load-pages.js';
import { outputState, restamp, staleFiles, type OutputState } from './output-state.js';
import type { Rendered } from './render.js';
import { manifestKey, manifestPath, MANIFEST_FORMAT, parseManifest, readManifestText, saveManifest, type FileStamp, type InputRecord, type OutputRecord, type RunManifest, type RunSummary } from './run-manifest.js';
import { runSummary, versionSummary } from './run-summary.js';
import { resurvey, survey, type Survey } from './survey.js';
import { versionsToBuild } from './versions.js';
import type { LinkedVersion, LinkHow } from './relink.js';
import { apiChanges, lastRunFacts, type ApiChanges } from './api-changes.js';

export type Phase = 'parse' | 'emit';

/** A run with at most this many pages changed since the last is an edit (`Run.edit`). */
const EDIT_PAGES = 8;

export interface GenerateRequest {
  input: string;
  out: string;
  /** Compare only: nothing is written (the facts cache still learns new pages). */
  check?: boolean;
  workers?: number;
  /** Cache folder, or null for no cache at all. */
  cacheDir: string | null;
  /** State kept between runs of one process (watch mode). */
  session?: GenerateSession;
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** The generator's code ids (`code-id.ts`); tests pass others to play a new generator version. */
  codeIds?: CodeIds;
  /** The slice, emitters and open-type policy (`../output-options.ts`); absent: everything, as by default. */
  output?: OutputOptions;
}

export interface GenerateSession {
  manifest?: RunManifest | undefined;
  /** The core of each page's facts (`model/facts-parts.ts`), by cache key. */
  facts: Map<string, PageFacts>;
  /** The input paths (absolute) the watcher reported added, changed or removed since the last run began; undefined: not known, every page is stat'ed. */
  changed?: Set<string> | undefined;
  /** The last run's survey, that `changed` updates (`survey.ts`'s `resurvey`). */
  survey?: Survey | undefined;
  /** Each version's linked model and the facts it was linked from (`relink.ts`); made empty when absent. */
  linked?: Map<string, LinkedVersion>;
  /** The worker pool, kept started between runs; its owner destroys it (`lazyPool`). */
  pool?: ReturnType<typeof lazyPool>;
  /** The plan's digests of the kept models' objects (`emit/index.ts`'s `EmitOptions.digester`). */
  digester?: Digester;
}

export interface GenerateResult {
  /** True when the run stopped after comparing stamps: inputs and outputs as the last run left them. */
  upToDate: boolean;
  /** Output files the docs generate. */
  files: number;
  written: string[];
  unchanged: string[];
  removed: string[];
  /** `--check`: `changed: x`, `missing: x`, `extra: x`, sorted by path. */
  stale: string[];
  /** Input pages added, edited or removed since the last run (all pages when there was none). */
  changedPages: string[];
  /** API versions linked and planned again. */
  versions: string[];
  /** Per version built: how it was linked (`whole`, or in watch mode `descriptions`: `relink.ts`). */
  linked: Record<string, string>;
  parsed: number;
  rendered: number;
  formatted: number;
  /** Of the files formatted by parts (`emit/format-parts.ts`): parts formatted, and parts taken from the last output. */
  formattedParts: number;
  reusedParts: number;
  summary: RunSummary;
  /** Cache problems that did not stop the run (an unwritable cache folder, ...). */
  warnings: string[];
  /** The API changes since the last run (`api-changes.ts`); absent without a last run or its facts of a changed page. */
  apiChanges?: ApiChanges;
  /** Milliseconds per step, for the benchmark (`DOCS2TS_TIMINGS=1` prints them). */
  timings: Record<string, number>;
}

/** Nothing changed since the last run: its result. */
export interface UpToDate {
  upToDate: GenerateResult;
}

export interface Run {
  upToDate?: undefined;
  /** What the output headers say the output was made from. */
  inputLabel: string;
  /** The API versions to build, sorted. */
  versions: string[];
  /** True when the last run's output is there and at most `EDIT_PAGES` pages changed since: few files will change. */
  edit: boolean;
  /** Starts finding the facts of the pages of the versions to build (extraction in `extract`'s pool). */
  loadFacts(extract: ReturnType<typeof lazyPool>['extract']): PageLoad;
  /** The last run's record of an output file, when the file is still as that run left it. */
  intact(file: string): OutputRecord | undefined;
  /** The output of an edit compared or written, and the run recorded. */
  finish(models: Model[], plans: FilePlan[], rendered: Rendered, loaded: Awaited<ReturnType<PageLoad['finish']>>, linkedHow?: Record<string, LinkHow>): Promise<GenerateResult>;
  /** Milliseconds since the last lap, as the step `step`. */
  lap(step: string): void;
}

export async function openRun(request: GenerateRequest): Promise<UpToDate | Run> {
  const timings: Record<string, number> = {};
  let last = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    timings[step] = Math.round(now - last);
    last = now;
  };
  const ids = request.codeIds ?? (await codeIds());
  const key = manifestKey(keyedCodeId(ids.emit, request.output), request.input);
  const warnings: string[] = [];
  const manifestFile = request.cacheDir === null ? undefined : manifestPath(request.cacheDir, request.input, request.out);
  // Before any stamp is taken: a file changed after this is not proven by its stamp next time (`sameStamp`).
  const inputsStampedAt = Date.now();
  const fromSession = request.session?.manifest?.key === key ? request.session.manifest : undefined;
  const previous = fromSession ?? (manifestFile ? parseManifest(await readManifestText(manifestFile), key) : undefined);
  lap('read manifest');
  // Watch mode: only the pages the watcher reported are stat'ed again; what it reports from now on is for the next run.
  const session = request.session;
  const reported = session?.changed;
  if (session) session.changed = new Set();
  const found: Survey = (fromSession && session?.survey && reported && resurvey(session.survey, reported, request.out)) || (await survey(request.input, request.out));
  if (session) session.survey = found;
  const output = { ...found.output, present: ownedFiles(request.out, found.output.present) };
  lap('survey');
  const previousInputs = new Map(previous?.inputs.map((record) => [record.file, record]));
  const previousOutputs = new Map(previous?.outputs.map((record) => [record.path, record]));
  let store: FactsStore | undefined;
  if (request.cacheDir !== null && !previous) store = await openStore(request.cacheDir, warnings);
  const states = pageStates(found.set.pages, found, previousInputs, previous?.inputsStampedAt ?? 0, previous !== undefined || (store !== undefined && !store.empty), found.set.includeFolders.length === 0);
  const outputs: OutputState = await outputState(request.out, previous, output);
  const build = versionsToBuild(states, previousInputs, previous, outputs);
  const versions = [...build].sort(compareStrings);
  const changedPages = changedFiles(states, previousInputs);
  lap('compare');
  const save = async (manifest: RunManifest) => {
    if (manifestFile) await saveManifest(manifestFile, manifest).catch((error: unknown) => warnings.push(cacheWarning('save the run manifest', error)));
    if (request.session) request.session.manifest = manifest;
  };
  const result = (files: number, summary: RunSummary): GenerateResult => ({
    upToDate: false, files, written: [], unchanged: [], removed: [], stale: [], changedPages: [], versions: [], linked: {},
    parsed: 0, rendered: 0, formatted: 0, formattedParts: 0, reusedParts: 0, summary, warnings, timings,
  });

  if (previous && build.size === 0) {
    // Files proven unchanged by content rather than stamp: record their stamps, so the next run need not read them.
    if ((outputs.rehashed || states.some((state) => state.rehashed)) && !request.check) {
      await save({ ...previous, inputs: inputRecords(states), inputsStampedAt, outputs: restamp(request.out, previous.outputs, outputs.stamps), outputsStampedAt: Date.now() });
    }
    lap('save manifest');
    return { upToDate: { ...result(previous.outputs.length, previous.summary), upToDate: true, unchanged: previous.outputs.map((o) => o.path) } };
  }

  if (request.cacheDir !== null && !store) store = await openStore(request.cacheDir, warnings);
  const building = states.filter((state) => build.has(state.page.apiVersion));
  const built = new Set(building);
  let changes: ApiChanges | undefined;
  return {
    inputLabel: path.basename(path.resolve(request.input)),
    versions,
    edit: previous !== undefined && changedPages.length <= EDIT_PAGES,
    lap,
    intact: (file) => (outputs.intact.has(file) ? previousOutputs.get(file) : undefined),
    loadFacts(extract) {
      const load = startLoad(building, { factsId: ids.facts, parts: 'core', store, memory: request.session?.facts, pool: extract, onProgress: (done, total) => request.onProgress?.('parse', done, total) });
      return {
        async finish() {
          const loaded = await load.finish();
          // The last run's facts of the pages changed since, read before memory and cache let go of them.
          const changed = new Set(changedPages);
          const before = previous && lastRunFacts(changed, build, previousInputs, ids.facts, request.session?.facts, store);
          if (request.session) pruneMemory(request.session.facts, states, loaded.records, ids.facts);
          // The facts of the versions kept as they are stay wanted: the next edit there loads them.
          store?.keep(states.flatMap((state) => (state.hash === undefined || built.has(state) ? [] : [factsKey(ids.facts, state.page.file, state.page.apiVersion, state.hash)])));
          await store?.close().catch((error: unknown) => warnings.push(cacheWarning('save the facts cache', error)));
          lap('facts');
          if (before) changes = await apiChanges(before, loaded.facts.filter((facts) => changed.has(facts.file)));
          lap('api changes');
          return loaded;
        },
      };
    },
    async finish(models, plans, rendered, loaded, linkedHow = {}) {
      // The versions built, and the others with their files and counts as the last run left them.
      const summaries = Object.fromEntries(models.map((model) => [model.apiVersions[0]!, versionSummary(model)]));
      const keptVersions = Object.keys(previous?.versions ?? {}).filter((version) => !build.has(version));
      for (const version of keptVersions) summaries[version] = previous!.versions[version]!;
      const keptRecords = (previous?.outputs ?? []).filter((record) => keptVersions.some((version) => record.path.startsWith(`${version}/`)));
      const summary = runSummary(states.length, found.set.diagnostics, Object.values(summaries));
      const files: OutputFile[] = [...plans.map((plan) => ({ path: plan.path, content: rendered.content(plan.path) })), ...keptRecords.map((record) => ({ path: record.path, content: null }))];
      files.sort((a, b) => compareStrings(a.path, b.path));
      const base: GenerateResult = {
        ...result(files.length, summary),
        changedPages,
        versions,
        linked: Object.fromEntries(Object.keys(summaries).filter((version) => build.has(version)).map((version) => [version, linkedHow[version] ?? 'whole'])),
        parsed: loaded.parsed,
        rendered: rendered.rendered,
        formatted: rendered.formatted,
        formattedParts: rendered.formattedParts,
        reusedParts: rendered.reusedParts,
        ...(changes ? { apiChanges: changes } : {}),
      };
      if (request.check) {
        // The marker (`output-owner.ts`) is compared too: an output folder without it is not what a run writes.
        const marker = markerFile(request.out, files);
        return { ...base, stale: await staleFiles(request.out, [marker.file, ...files], [...outputs.present, ...marker.present]) };
      }
      const report = await writeOutputDir(request.out, files);
      lap('write');
      const outputsStampedAt = Date.now();
      const records: Omit<OutputRecord, keyof FileStamp>[] = [...keptRecords];
      for (const plan of plans) {
        const content = rendered.content(plan.path);
        const kept = previousOutputs.get(plan.path);
        const source = rendered.source(plan.path) ?? kept!;
        records.push({ path: plan.path, hash: content === null ? kept!.hash : hashOf(content), fingerprint: plan.fingerprint, unformatted: source.unformatted, parts: source.parts });
      }
      const inputs = [...inputRecords(states.filter((state) => !built.has(state))), ...loaded.records.filter((r) => r !== undefined)].sort((a, b) => compareStrings(a.file, b.file));
      // Files not written keep the stamps read at the start: a swap hard-links them, which keeps their size, mtime
      // and inode and changes only their ctime, which output stamps are not compared by (`sameStamp`). Where linking
      // fails they are copied: the next run then proves them by content.
      const written = new Set(report.written);
      const untouched = new Map([...outputs.stamps].filter(([file]) => !written.has(file)));
      const restamped = restamp(request.out, records.sort((a, b) => compareStrings(a.path, b.path)), untouched);
      await save({ format: MANIFEST_FORMAT, key, inputsStampedAt, outputsStampedAt, inputs, outputs: restamped, summary, versions: summaries });
      lap('save manifest');
      return { ...base, written: report.written, unchanged: report.unchanged, removed: report.removed };
    },
  };
}

async function openStore(cacheDir: string, warnings: string[]): Promise<FactsStore | undefined> {
  return FactsStore.open(path.join(cacheDir, 'facts')).catch((error: unknown) => {
    warnings.push(cacheWarning('open the facts cache', error));
    return undefined;
  });
}

function cacheWarning(what: string, error: unknown): string {
  return `could not ${what} (${(error as NodeJS.ErrnoException)?.code ?? String(error)}); the output is not affected`;
}

/** Pages whose content hash differs from the last run's (or is unknown), and pages gone since, sorted. */
function changedFiles(states: readonly PageState[], previous: ReadonlyMap<string, InputRecord>): string[] {
  const changed = states.filter((state) => state.hash === undefined || previous.get(state.page.file)?.hash !== state.hash).map((state) => state.page.file);
  const current = new Set(states.map((state) => state.page.file));
  for (const file of previous.keys()) if (!current.has(file)) changed.push(file);
  return changed.sort(compareStrings);
}

function inputRecords(states: readonly PageState[]): InputRecord[] {
  return states.flatMap((state) => (state.stamp && state.hash !== undefined ? [{ file: state.page.file, apiVersion: state.page.apiVersion, ...state.stamp, hash: state.hash }] : []));
}
