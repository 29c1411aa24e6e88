/**
 * `generate` (and `generate --check`) as a pipeline that redoes only what changed:
 *
 * 1. stamp every input page and output file (`survey.ts`; in a thread for a
 *    large input, while this one reads the manifest and loads the emitters);
 *    when all match the last run's manifest, stop: nothing is parsed, linked
 *    or emitted;
 * 2. pick the API versions with a changed page or a touched output file
 *    (`versions.ts`); the others keep their files without being loaded;
 * 3. a version where a few pages changed in content, with a model snapshot of
 *    the last run (`relink-version.ts`): those pages are extracted in a thread
 *    while this one plans from the snapshot, then relinked against it; files
 *    depending on nothing that changed keep their fingerprints. When that path
 *    declines, the version goes through 4 and 5;
 * 4. facts of the other versions' pages, their core only (what linking and
 *    emitting read): unchanged pages from the cache, the rest extracted (in the
 *    worker pool when many); each version is linked whole, and its snapshot kept;
 * 5. plan every file with a fingerprint of the model data it depends on; render
 *    only files whose fingerprint changed or whose output was touched, and run
 *    prettier only on text that differs from what was formatted before (on a
 *    file whose last output is intact, only on the top-level parts that differ);
 * 6. write the folder (unchanged files hard-linked), or compare it for --check.
 *
 * Heavy modules (remark, ts-morph, prettier) are imported only past step 1,
 * but for the emitters while a thread takes a large input's survey.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PageFacts } from '../extract/facts.js';
import { compareStrings } from '../model/diagnostic.js';
import { codeIds, type CodeIds } from '../cache/code-id.js';
import { hashOf } from '../cache/hash.js';
import { factsKey, FactsStore } from '../cache/facts-store.js';
import { manifestKey, manifestPath, MANIFEST_FORMAT, parseManifest, readManifestText, saveManifest, type FileStamp, type InputRecord, type OutputRecord, type RunManifest, type RunSummary, type VersionSummary } from '../cache/run-manifest.js';
import { writeOutputDir, type OutputFile } from './output-dir.js';
import { markerFile, ownedFiles } from './output-owner.js';
import { pageStates, pruneMemory, startLoad, type PageState } from './load-pages.js';
import { lazyPool } from './build-model.js';
import { SIDE_THREAD_PAGES } from './side-thread.js';
import { outputState, restamp, staleFiles } from './output-state.js';
import { packRecords, survey } from './survey.js';
import { runSummary, versionSummary } from './run-summary.js';
import { versionsToBuild } from './versions.js';
import { outputReader, renderChanged } from './render.js';
import { ModelSnapshot, saveSnapshot, snapshotIndexPath, SnapshotError } from '../cache/model-snapshot.js';
import type { FilePlan } from '../emit/index.js';
import { ShapeMemo } from '../emit/shape-memo.js';
import { PrintMemos, printMemoFolder } from './print-memos.js';
import { relinkCandidates, relinkVersion, type RelinkCandidate, type RelinkedVersion } from './relink-version.js';
import type { VersionLinkState } from '../model/link.js';
import { emitSettings, keyedCodeId, modelToEmit, slices, type OutputOptions } from './output-options.js';

export type Phase = 'parse' | 'emit';

/** A last run's manifest from this size up (some 1,700 pages) means an input worth surveying off this thread. */
const LARGE_RUN_BYTES = 512 * 1024;

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
  /** The generator's code ids (`cache/code-id.ts`); tests pass others to play a new generator version. */
  codeIds?: CodeIds;
  /** False: link every version being built whole, never from its changed pages only (`relink-version.ts`). Default true. */
  relink?: boolean;
  /** A last run's manifest from this size (bytes) means an input worth surveying off this thread; tests pass 0. */
  surveyThreadFrom?: number;
  /** The slice, emitters and open-type policy (`output-options.ts`); absent: everything, as by default. */
  output?: OutputOptions;
}

export interface GenerateSession {
  manifest?: RunManifest | undefined;
  /** The core of each page's facts (`model/facts-parts.ts`), by cache key. */
  facts: Map<string, PageFacts>;
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
  /** API versions relinked. */
  versions: string[];
  /** Per version built: `pages` when relinked from its changed pages, else why it was linked whole. */
  linked: Record<string, string>;
  parsed: number;
  rendered: number;
  formatted: number;
  /** Of the files formatted by parts (`emit/format-parts.ts`): parts formatted, and parts taken from the last output. */
  formattedParts: number;
  reusedParts: number;
  /** Statements of the rendered files printed, and taken from the last run's print memos (`print-memo.ts`). */
  printedStatements: number;
  reusedStatements: number;
  summary: RunSummary;
  /** Cache problems that did not stop the run (an unwritable cache folder, ...). */
  warnings: string[];
  /** Where the input and output folders were surveyed (`survey.ts`). */
  surveyed: 'thread' | 'here';
  /** Milliseconds per step, for the benchmark (`DOCS2TS_TIMINGS=1` prints them). */
  timings: Record<string, number>;
}

export async function generate(request: GenerateRequest): Promise<GenerateResult> {
  try {
    return await generateOnce(request);
  } catch (error) {
    // A snapshot entry that did not check out, met while reading lazily: the run is redone linking whole versions.
    if (error instanceof SnapshotError && request.relink !== false) return generateOnce({ ...request, relink: false });
    throw error;
  }
}

async function generateOnce(request: GenerateRequest): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  let last = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    timings[step] = Math.round(now - last);
    last = now;
  };
  const ids = request.codeIds ?? (await codeIds(request.cacheDir === null ? undefined : path.join(request.cacheDir, 'code-ids.json')));
  const inputLabel = path.basename(path.resolve(request.input));
  const key = manifestKey(keyedCodeId(ids.emit, request.output), request.input);
  const warnings: string[] = [];
  lap('code ids');
  const manifestFile = request.cacheDir === null ? undefined : manifestPath(request.cacheDir, request.input, request.out);
  const pool = lazyPool(request.workers);
  // Versions may be relinked from their changed pages against the last run's snapshots (`relink-version.ts`).
  const mayRelink = manifestFile !== undefined && request.relink !== false && !request.session;
  // A last run to compare with: this run is likely an edit, whose changed pages will go to a thread of their own.
  const lastRun = mayRelink ? statSync(manifestFile, { throwIfNoEntry: false }) : undefined;
  const thread = lastRun ? pool.thread?.() : undefined;
  // Before any stamp is taken: a file changed after this is not proven by its stamp next time (`sameStamp`).
  const inputsStampedAt = Date.now();
  // A large input (a sixth of a second of stat calls for the corpus) is surveyed by that thread, which also
  // hashes the pages whose stamps changed and starts extracting those an edit changed. This thread meanwhile
  // reads the last run's manifest (sent on to the survey) and loads what an edit needs: a run where nothing
  // changed pays for that load what it does not spend waiting on the survey.
  const large = thread !== undefined && lastRun!.size >= (request.surveyThreadFrom ?? LARGE_RUN_BYTES);
  const fromSession = request.session?.manifest?.key === key ? request.session.manifest : undefined;
  const manifestText = !fromSession && manifestFile ? readManifestText(manifestFile) : undefined;
  const previousRun = fromSession ? Promise.resolve(fromSession) : manifestText?.then((text) => parseManifest(text, key));
  const surveyed = large ? thread.survey(request.input, request.out, previousRun!.then((run) => run && packRecords(run.inputs, run.inputsStampedAt))) : undefined;
  const modules = large ? editModules() : undefined;
  // Awaited only when something changed; a failure then surfaces there.
  modules?.catch(() => undefined);
  // Without the thread, the survey is taken here while the manifest is read.
  const here = surveyed ? undefined : await survey(request.input, request.out);
  const previous = await previousRun;
  lap('read manifest');
  // The model snapshots an edit may relink from are read off this thread while it compares.
  const snapshotTexts =
    previous && mayRelink
      ? new Map(Object.keys(previous.versions).map((version) => [version, readFile(snapshotIndexPath(manifestFile, version), 'utf8').catch(() => undefined)]))
      : undefined;
  const previousInputs = new Map(previous?.inputs.map((record) => [record.file, record]));
  const previousOutputs = new Map(previous?.outputs.map((record) => [record.path, record]));
  // When the thread failed, the survey is taken here after all.
  const fromThread = await surveyed;
  const found = here ?? fromThread ?? (await survey(request.input, request.out));
  const { set } = found;
  const output = { ...found.output, present: ownedFiles(request.out, found.output.present) };
  const surveyedBy: GenerateResult['surveyed'] = fromThread ? 'thread' : 'here';
  lap('survey');

  let store: FactsStore | undefined;
  if (request.cacheDir !== null && !previous) store = await openStore(request.cacheDir, warnings);
  const states = pageStates(set.pages, found, previousInputs, previous?.inputsStampedAt ?? 0, previous !== undefined || (store !== undefined && !store.empty));
  const changedPages = changedFiles(states, previousInputs);
  lap('compare pages');
  // The few pages an edit changed go to that thread (which started on them when it took the survey), before the
  // cache and snapshot are read; the load that wants them (`startLoad`) is served from this request.
  const edited = states.filter((state) => state.hash !== undefined && previousInputs.has(state.page.file) && previousInputs.get(state.page.file)!.hash !== state.hash);
  if (thread && edited.length > 0 && edited.length < SIDE_THREAD_PAGES) void thread.extract(edited.map((state) => state.page));
  const outputs = await outputState(request.out, previous, output);
  lap('compare outputs');
  const build = versionsToBuild(states, previousInputs, previous, outputs);
  lap('versions');

  if (previous && build.size === 0) {
    // Files proven unchanged by content rather than stamp: record their stamps, so the next run need not read them.
    if ((outputs.rehashed || states.some((state) => state.rehashed)) && !request.check && manifestFile) {
      const refreshed = { ...previous, inputs: inputRecords(states), inputsStampedAt, outputs: restamp(request.out, previous.outputs, outputs.stamps), outputsStampedAt: Date.now() };
      await saveManifest(manifestFile, refreshed).catch((error: unknown) => warnings.push(cacheWarning('save the run manifest', error)));
      if (request.session) request.session.manifest = refreshed;
    }
    lap('save manifest');
    await pool.destroy();
    return { ...emptyResult(previous.outputs.length, previous.summary, warnings), upToDate: true, unchanged: previous.outputs.map((o) => o.path), surveyed: surveyedBy, timings };
  }

  if (request.cacheDir !== null && !store) store = await openStore(request.cacheDir, warnings);
  lap('open store');
  /** The last run's record of an output file still as it left it. */
  const intactRecord = (file: string) => (outputs.intact.has(file) ? previousOutputs.get(file) : undefined);
  const memos = manifestFile ? new PrintMemos(printMemoFolder(manifestFile), ids.emit) : undefined;
  try {
    const memory = request.session?.facts ?? new Map<string, PageFacts>();
    const loadOptions = { factsId: ids.facts, parts: 'core' as const, store, memory, pool: pool.extract, thread: pool.thread };
    // Versions that may be relinked from their changed pages (`relink-version.ts`): those pages' extraction starts
    // first, off this thread, to run while this one loads modules and plans from the snapshot.
    const snapshotText = new Map(await Promise.all([...(snapshotTexts ?? [])].map(async ([version, text]) => [version, await text] as const)));
    const candidates =
      previous && mayRelink && store && !slices(request.output)
        ? relinkCandidates(build, states, previous, outputs, (version, inputs) => ModelSnapshot.open(manifestFile, key, version, inputs, snapshotText.get(version)))
        : new Map<string, RelinkCandidate>();
    lap('relink candidates');
    const changedLoads = new Map([...candidates].map(([version, candidate]) => [version, startLoad(candidate.changed, { ...loadOptions, busy: true })]));
    // Without candidates, the extraction of the versions to build starts first, to run while this thread loads modules and reads the cache.
    const early = candidates.size === 0 ? startLoad(states.filter((state) => build.has(state.page.apiVersion)), { ...loadOptions, onProgress: (done, total) => request.onProgress?.('parse', done, total) }) : undefined;
    const [{ linkModel }, { planOutput }, { EMITTERS }] = await (modules ?? editModules());
    lap('load modules');
    const emitOptions = { inputLabel, ...emitSettings(EMITTERS, request.output) };
    const linked: Record<string, string> = {};
    const relinked = new Map<string, Extract<RelinkedVersion, { ok: true }>>();
    let parsed = 0;
    for (const [version, candidate] of candidates) {
      const result = await relinkVersion(candidate, {
        factsId: ids.facts,
        store: store!,
        load: () => changedLoads.get(version)!.finish(),
        emit: emitOptions,
        intact: intactRecord,
      });
      parsed += result.parsed;
      if (result.ok) relinked.set(version, result);
      linked[version] = result.ok ? 'pages' : result.reason;
    }
    if (candidates.size > 0) lap('relink');
    const building = states.filter((state) => build.has(state.page.apiVersion) && !relinked.has(state.page.apiVersion));
    const built = new Set(building);
    const loaded = await (early ?? startLoad(building, { ...loadOptions, onProgress: (done, total) => request.onProgress?.('parse', done, total) })).finish();
    parsed += loaded.parsed;
    if (request.session) pruneMemory(request.session.facts, states, loaded.records, ids.facts);
    // The facts of the versions kept as they are, or relinked from a few pages, stay wanted: the next edit there loads them.
    store?.keep(states.flatMap((state) => (state.hash === undefined || built.has(state) ? [] : [factsKey(ids.facts, state.page.file, state.page.apiVersion, state.hash)])));
    lap('facts');
    await store?.close().catch((error: unknown) => warnings.push(cacheWarning('save the facts cache', error)));
    lap('facts cache');

    // Link and plan each version being built; the others keep their files and counts.
    const versions: Record<string, VersionSummary> = {};
    const plans: FilePlan[] = [];
    const snapshots: { version: string; save: (inputs: readonly InputRecord[]) => Promise<void> }[] = [];
    for (const version of [...build].sort(compareStrings)) {
      const relinkedVersion = relinked.get(version);
      let versionPlans: FilePlan[];
      if (relinkedVersion) {
        versions[version] = relinkedVersion.summary;
        versionPlans = relinkedVersion.plans;
        snapshots.push({ version, save: relinkedVersion.save });
      } else {
        const pages = loaded.facts.filter((facts) => facts.apiVersion === version);
        if (pages.length === 0) continue;
        linked[version] ??= 'whole';
        const state = new Map<string, VersionLinkState>();
        const model = linkModel({ pages, state });
        const summary = versionSummary(model);
        versions[version] = summary;
        lap(`link ${version}`);
        const memo = new ShapeMemo();
        // A slice is planned with the whole model it was cut from (`output-options.ts`).
        const cut = modelToEmit(model, request.output);
        versionPlans = planOutput(cut.model, { ...emitOptions, memo: () => memo, whole: cut.whole });
        if (manifestFile) {
          const dependsOn = new Map(versionPlans.map((plan) => [plan.path, plan.dependsOn()]));
          const content = { apiVersion: version, summary, types: model.types, operations: model.operations, link: state.get(version)!, dependsOn, memo: memo.save() };
          snapshots.push({ version, save: (inputs) => saveSnapshot(manifestFile, key, { ...content, inputs }) });
        }
      }
      for (const plan of versionPlans) {
        if (!plan.path.startsWith(`${version}/`)) throw new Error(`emitter ${plan.emitter} wrote ${plan.path} outside the ${version}/ folder`);
        plans.push(plan);
      }
      lap(`plan ${version}`);
    }
    const keptVersions = Object.keys(previous?.versions ?? {}).filter((version) => !build.has(version));
    for (const version of keptVersions) versions[version] = previous!.versions[version]!;
    const keptRecords = (previous?.outputs ?? []).filter((record) => keptVersions.some((version) => record.path.startsWith(`${version}/`)));
    const summary = runSummary(states.length, set.diagnostics, Object.values(versions));

    const rendered = await renderChanged(plans, intactRecord, {
      pool: plans.length > 0 ? pool.get : undefined,
      thread,
      lastOutput: outputReader(request.out),
      memos,
      onProgress: (done, total) => request.onProgress?.('emit', done, total),
    });
    lap('render');
    const files: OutputFile[] = [...plans.map((plan) => ({ path: plan.path, content: rendered.content(plan.path) })), ...keptRecords.map((record) => ({ path: record.path, content: null }))];
    files.sort((a, b) => compareStrings(a.path, b.path));
    const base = {
      ...emptyResult(files.length, summary, warnings),
      surveyed: surveyedBy,
      changedPages,
      versions: [...build].sort(compareStrings),
      linked,
      parsed,
      rendered: rendered.rendered,
      formatted: rendered.formatted,
      formattedParts: rendered.formattedParts,
      reusedParts: rendered.reusedParts,
      printedStatements: rendered.printedStatements,
      reusedStatements: rendered.reusedStatements,
    };
    if (request.check) {
      // The marker (`pipeline/output-owner.ts`) is compared too: an output folder without it is not what a run writes.
      const marker = markerFile(request.out, files);
      return { ...base, stale: await staleFiles(request.out, [marker.file, ...files], [...outputs.present, ...marker.present]), timings };
    }

    const report = await writeOutputDir(request.out, files, thread ? { removeFolder: (dir) => thread.removeFolder(dir) } : {});
    lap('write');
    const outputsStampedAt = Date.now();
    const records: Omit<OutputRecord, keyof FileStamp>[] = [...keptRecords];
    for (const plan of plans) {
      const content = rendered.content(plan.path);
      const kept = previousOutputs.get(plan.path);
      const source = rendered.source(plan.path) ?? kept!;
      records.push({
        path: plan.path,
        hash: content === null ? kept!.hash : hashOf(content),
        fingerprint: plan.fingerprint,
        unformatted: source.unformatted,
        parts: source.parts,
      });
    }
    const relinkedRecords = [...relinked.values()].flatMap((version) => version.records);
    const relinkedFiles = new Set(relinkedRecords.flatMap((record) => (record ? [record.file] : [])));
    const unchanged = states.filter((state) => !built.has(state) && !relinkedFiles.has(state.page.file));
    // By file, as the next run's snapshot digests want them (mostly in order already: a few pages relinked come last).
    const inputs = [...inputRecords(unchanged), ...relinkedRecords.filter((r) => r !== undefined), ...loaded.records.filter((r) => r !== undefined)].sort((a, b) =>
      compareStrings(a.file, b.file),
    );
    // The snapshots of the versions built, before the manifest that vouches for them.
    for (const { version, save } of snapshots) {
      await save(inputs.filter((record) => record.apiVersion === version)).catch((error: unknown) => warnings.push(cacheWarning(`save the ${version} model snapshot`, error)));
    }
    lap('save snapshot');
    // Files not written keep the stamps read at the start: a swap hard-links them, which keeps their size, mtime
    // and inode and changes only their ctime, which output stamps are not compared by (`sameStamp`). Where linking
    // fails they are copied: the next run then proves them by content.
    const written = new Set(report.written);
    const untouched = new Map([...outputs.stamps].filter(([file]) => !written.has(file)));
    const restamped = restamp(request.out, records.sort((a, b) => compareStrings(a.path, b.path)), untouched);
    lap('restamp outputs');
    const manifest: RunManifest = {
      format: MANIFEST_FORMAT,
      key,
      inputsStampedAt,
      outputsStampedAt,
      inputs,
      outputs: restamped,
      summary,
      versions,
    };
    if (manifestFile) await saveManifest(manifestFile, manifest).catch((error: unknown) => warnings.push(cacheWarning('save the run manifest', error)));
    if (request.session) request.session.manifest = manifest;
    await report.settled;
    lap('save manifest');
    return { ...base, written: report.written, unchanged: report.unchanged, removed: report.removed, timings };
  } finally {
    await memos?.settled();
    await pool.destroy();
  }
}

/** The modules that link, plan and render (ts-morph among them: a quarter of a second). */
function editModules() {
  return Promise.all([import('../model/link.js'), import('../emit/index.js'), import('../emit/emitters.js')]);
}

function emptyResult(files: number, summary: RunSummary, warnings: string[]): GenerateResult {
  return { upToDate: false, files, written: [], unchanged: [], removed: [], stale: [], changedPages: [], versions: [], linked: {}, parsed: 0, rendered: 0, formatted: 0, formattedParts: 0, reusedParts: 0, printedStatements: 0, reusedStatements: 0, summary, warnings, surveyed: 'here', timings: {} };
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
