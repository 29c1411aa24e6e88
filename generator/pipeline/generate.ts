/**
 * `generate` (and `generate --check`) as a pipeline that redoes only what changed:
 *
 * 1. stamp every input page and output file (`survey.ts`); when all match the
 *    last run's manifest, stop: nothing is parsed, linked or emitted;
 * 2. pick the API versions with a changed page or a touched output file
 *    (`versions.ts`); the others keep their files without being loaded;
 * 3. facts of those versions' pages, their core only (what linking and emitting
 *    read): unchanged pages from memory (watch mode) or the cache, the rest
 *    extracted (in the worker pool when many); each version is linked whole;
 * 4. plan every file with a fingerprint of the model data it depends on; render
 *    only files whose fingerprint changed or whose output was touched, and run
 *    prettier only on text that differs from what was formatted before (on a
 *    file whose last output is intact, only on the top-level parts that differ);
 * 5. write the folder (unchanged files hard-linked), or compare it for --check.
 *
 * Heavy modules (remark, ts-morph, prettier) are imported only past step 1.
 */
import path from 'node:path';
import type { PageFacts } from '../extract/facts.js';
import { compareStrings } from '../model/diagnostic.js';
import { codeIds, type CodeIds } from '../cache/code-id.js';
import { hashOf } from '../model/hash.js';
import { factsKey, FactsStore } from '../cache/facts-store.js';
import { manifestKey, manifestPath, MANIFEST_FORMAT, parseManifest, readManifestText, saveManifest, type FileStamp, type InputRecord, type OutputRecord, type RunManifest, type RunSummary, type VersionSummary } from '../cache/run-manifest.js';
import { writeOutputDir, type OutputFile } from './output-dir.js';
import { markerFile, ownedFiles } from './output-owner.js';
import { pageStates, pruneMemory, startLoad, type PageState } from './load-pages.js';
import { lazyPool } from './build-model.js';
import { outputState, restamp, staleFiles } from './output-state.js';
import { survey } from './survey.js';
import { runSummary, versionSummary } from './run-summary.js';
import { versionsToBuild } from './versions.js';
import { outputReader, renderChanged } from './render.js';
import type { FilePlan } from '../emit/index.js';

export type Phase = 'parse' | 'emit';

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
}

export interface GenerateSession {
  manifest?: RunManifest | undefined;
  /** The core of each page's facts (`model/facts-parts.ts`), by cache key. */
  facts: Map<string, PageFacts>;
  /** The worker pool, kept started between runs; its owner destroys it (`lazyPool`). */
  pool?: ReturnType<typeof lazyPool>;
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
  /** Per version built: how it was linked (`whole`). */
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
  /** Milliseconds per step, for the benchmark (`DOCS2TS_TIMINGS=1` prints them). */
  timings: Record<string, number>;
}

export async function generate(request: GenerateRequest): Promise<GenerateResult> {
  const timings: Record<string, number> = {};
  let last = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    timings[step] = Math.round(now - last);
    last = now;
  };
  const ids = request.codeIds ?? (await codeIds(request.cacheDir === null ? undefined : path.join(request.cacheDir, 'code-ids.json')));
  const inputLabel = path.basename(path.resolve(request.input));
  const key = manifestKey(ids.emit, request.input);
  const warnings: string[] = [];
  lap('code ids');
  const manifestFile = request.cacheDir === null ? undefined : manifestPath(request.cacheDir, request.input, request.out);
  // Before any stamp is taken: a file changed after this is not proven by its stamp next time (`sameStamp`).
  const inputsStampedAt = Date.now();
  const fromSession = request.session?.manifest?.key === key ? request.session.manifest : undefined;
  const previous = fromSession ?? (manifestFile ? parseManifest(await readManifestText(manifestFile), key) : undefined);
  lap('read manifest');
  const found = await survey(request.input, request.out);
  const { set } = found;
  const output = { ...found.output, present: ownedFiles(request.out, found.output.present) };
  lap('survey');
  const previousInputs = new Map(previous?.inputs.map((record) => [record.file, record]));
  const previousOutputs = new Map(previous?.outputs.map((record) => [record.path, record]));

  let store: FactsStore | undefined;
  if (request.cacheDir !== null && !previous) store = await openStore(request.cacheDir, warnings);
  const states = pageStates(set.pages, found, previousInputs, previous?.inputsStampedAt ?? 0, previous !== undefined || (store !== undefined && !store.empty));
  const changedPages = changedFiles(states, previousInputs);
  lap('compare pages');
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
    return { ...emptyResult(previous.outputs.length, previous.summary, warnings), upToDate: true, unchanged: previous.outputs.map((o) => o.path), timings };
  }

  if (request.cacheDir !== null && !store) store = await openStore(request.cacheDir, warnings);
  lap('open store');
  /** The last run's record of an output file still as it left it. */
  const intactRecord = (file: string) => (outputs.intact.has(file) ? previousOutputs.get(file) : undefined);
  const pool = request.session ? (request.session.pool ??= lazyPool(request.workers)) : lazyPool(request.workers);
  try {
    const building = states.filter((state) => build.has(state.page.apiVersion));
    const built = new Set(building);
    // Extraction starts first, to run while this thread loads the emitters and reads the cache.
    const load = startLoad(building, {
      factsId: ids.facts,
      parts: 'core',
      store,
      memory: request.session?.facts,
      pool: pool.extract,
      onProgress: (done, total) => request.onProgress?.('parse', done, total),
    });
    const [{ linkModel }, { planOutput }, { EMITTERS }] = await editModules();
    lap('load modules');
    const loaded = await load.finish();
    if (request.session) pruneMemory(request.session.facts, states, loaded.records, ids.facts);
    // The facts of the versions kept as they are stay wanted: the next edit there loads them.
    store?.keep(states.flatMap((state) => (state.hash === undefined || built.has(state) ? [] : [factsKey(ids.facts, state.page.file, state.page.apiVersion, state.hash)])));
    lap('facts');
    await store?.close().catch((error: unknown) => warnings.push(cacheWarning('save the facts cache', error)));
    lap('facts cache');

    // Link and plan each version being built; the others keep their files and counts.
    const versions: Record<string, VersionSummary> = {};
    const plans: FilePlan[] = [];
    const linked: Record<string, string> = {};
    for (const version of [...build].sort(compareStrings)) {
      const pages = loaded.facts.filter((facts) => facts.apiVersion === version);
      if (pages.length === 0) continue;
      linked[version] = 'whole';
      const model = linkModel({ pages });
      versions[version] = versionSummary(model);
      lap(`link ${version}`);
      for (const plan of planOutput(model, { inputLabel, emitters: EMITTERS })) {
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
      lastOutput: outputReader(request.out),
      onProgress: (done, total) => request.onProgress?.('emit', done, total),
    });
    lap('render');
    const files: OutputFile[] = [...plans.map((plan) => ({ path: plan.path, content: rendered.content(plan.path) })), ...keptRecords.map((record) => ({ path: record.path, content: null }))];
    files.sort((a, b) => compareStrings(a.path, b.path));
    const base = {
      ...emptyResult(files.length, summary, warnings),
      changedPages,
      versions: [...build].sort(compareStrings),
      linked,
      parsed: loaded.parsed,
      rendered: rendered.rendered,
      formatted: rendered.formatted,
      formattedParts: rendered.formattedParts,
      reusedParts: rendered.reusedParts,
    };
    if (request.check) {
      // The marker (`pipeline/output-owner.ts`) is compared too: an output folder without it is not what a run writes.
      const marker = markerFile(request.out, files);
      return { ...base, stale: await staleFiles(request.out, [marker.file, ...files], [...outputs.present, ...marker.present]), timings };
    }

    const report = await writeOutputDir(request.out, files);
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
    const unchanged = states.filter((state) => !built.has(state));
    const inputs = [...inputRecords(unchanged), ...loaded.records.filter((r) => r !== undefined)].sort((a, b) => compareStrings(a.file, b.file));
    // Files not written keep the stamps read at the start: a swap hard-links them, which keeps their size, mtime
    // and inode and changes only their ctime, which output stamps are not compared by (`sameStamp`). Where linking
    // fails they are copied: the next run then proves them by content.
    const written = new Set(report.written);
    const untouched = new Map([...outputs.stamps].filter(([file]) => !written.has(file)));
    const restamped = restamp(request.out, records.sort((a, b) => compareStrings(a.path, b.path)), untouched);
    lap('restamp outputs');
    const manifest: RunManifest = { format: MANIFEST_FORMAT, key, inputsStampedAt, outputsStampedAt, inputs, outputs: restamped, summary, versions };
    if (manifestFile) await saveManifest(manifestFile, manifest).catch((error: unknown) => warnings.push(cacheWarning('save the run manifest', error)));
    if (request.session) request.session.manifest = manifest;
    await report.settled;
    lap('save manifest');
    return { ...base, written: report.written, unchanged: report.unchanged, removed: report.removed, timings };
  } finally {
    if (!request.session) await pool.destroy();
  }
}

/** The modules that link, plan and render (ts-morph among them: a quarter of a second). */
function editModules() {
  return Promise.all([import('../model/link.js'), import('../emit/index.js'), import('../emit/emitters.js')]);
}

function emptyResult(files: number, summary: RunSummary, warnings: string[]): GenerateResult {
  return { upToDate: false, files, written: [], unchanged: [], removed: [], stale: [], changedPages: [], versions: [], linked: {}, parsed: 0, rendered: 0, formatted: 0, formattedParts: 0, reusedParts: 0, summary, warnings, timings: {} };
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
