/**
 * The facts of every page of an input, from wherever they are cheapest: a
 * page whose stamp (size, times, inode) matches the last run keeps its recorded
 * content hash; other pages are hashed; facts come from memory (watch mode),
 * then the disk cache, and only then from extraction (in the pool when many).
 * Whole facts, or only their core (`model/facts-parts.ts`) for `generate`.
 */
import type { PageFacts } from '../../extract/facts.js';
import { joinFacts } from '../../model/facts-parts.js';
import { MAX_PAGE_BYTES, type InputPage } from '../../parse/input.js';
import { factsKey, type FactsStore } from './facts-store.js';
import { sameStamp, type FileStamp, type InputRecord } from './run-manifest.js';
import { extractAll, POOL_THRESHOLD } from '../extract-all.js';
import type { WorkerPool } from '../pool.js';
import type { Survey } from './survey.js';
import { hashPage } from '../page-includes.js';

export interface PageState {
  page: InputPage;
  /** Undefined when the file cannot be stat'ed (extraction then reports it). */
  stamp: FileStamp | undefined;
  /** Content hash: recorded (stamp unchanged) or computed; undefined when not known yet. */
  hash: string | undefined;
  /** True when the hash was computed because the stamp did not prove the recorded one. */
  rehashed?: boolean;
}

/**
 * Finds each page's content hash from its stamp (`survey.ts`, in page order): the
 * recorded one where the stamp proves it, else hashed now when `hashChanged`. A page's stamp does not prove the files it
 * includes: with `trustStamps` false (an input with `includes/` folders) every
 * page is hashed, its includes with it (`page-includes.ts`).
 */
export function pageStates(
  pages: readonly InputPage[],
  { pageStamps: stamps }: Pick<Survey, 'pageStamps'>,
  previous: ReadonlyMap<string, InputRecord> | undefined,
  stampedAt: number,
  hashChanged: boolean,
  trustStamps = true,
): PageState[] {
  return pages.map((page, i) => {
    // Not stat'ed, or not a regular file: extraction reports it.
    const stamp = stamps[i];
    if (!stamp) return { page, stamp: undefined, hash: undefined };
    const record = previous?.get(page.file);
    if (record && trustStamps && sameStamp(record, stamp, stampedAt)) return { page, stamp, hash: record.hash };
    if (!hashChanged || stamp.size > MAX_PAGE_BYTES) return { page, stamp, hash: undefined };
    return { page, stamp, hash: hashPage(page), rehashed: record !== undefined };
  });
}

export interface LoadOptions {
  factsId: string;
  /**
   * 'core': what linking and emitting read (`generate`); the headings, the links
   * linking does not follow, examples, JSON representations and method tables are
   * left empty and never read from the cache. 'whole' (the default): everything.
   */
  parts?: 'core' | 'whole';
  store?: FactsStore | undefined;
  /** Facts by key kept between runs (watch mode), of the same `parts`; updated in place. */
  memory?: Map<string, PageFacts> | undefined;
  pool?: (() => WorkerPool) | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface LoadedPages {
  /** In input order. */
  facts: PageFacts[];
  /** What the next run's manifest records for each page (undefined: not cacheable). */
  records: (InputRecord | undefined)[];
  /** Pages extracted by this run. */
  parsed: number;
}

/** With this many pages to read from the cache, extraction runs in the pool meanwhile. */
const OVERLAP_FROM = 500;

/** Pages whose facts are being found (`startLoad`); `finish` gives them. */
export interface PageLoad {
  finish(): Promise<LoadedPages>;
}

export async function loadPages(states: readonly PageState[], options: LoadOptions): Promise<LoadedPages> {
  return startLoad(states, options).finish();
}

/**
 * Sorts the pages into those in memory, in the cache and to extract, and starts
 * extracting now when that is worth it (in the pool, for many pages or while this
 * thread has a large cache read to do), so it
 * overlaps with whatever the caller does before `finish`. `finish` reads the
 * cache, extracts what is left (in the pool when there is one), and waits for
 * the rest.
 */
export function startLoad(states: readonly PageState[], options: LoadOptions): PageLoad {
  const whole = options.parts !== 'core';
  const key = (state: PageState, hash: string) => factsKey(options.factsId, state.page.file, state.page.apiVersion, hash);
  const keys = states.map((state) => (state.hash === undefined ? undefined : key(state, state.hash)));
  const facts: (PageFacts | undefined)[] = keys.map((k) => (k === undefined ? undefined : options.memory?.get(k)));
  const hashes = states.map((state) => state.hash);
  const fromDisk: number[] = [];
  const missing: number[] = [];
  keys.forEach((k, i) => {
    if (facts[i] !== undefined) return;
    if (k !== undefined && options.store?.has(k)) fromDisk.push(i);
    else missing.push(i);
  });
  const extract = (indexes: number[]) =>
    extractAll(
      indexes.map((i) => states[i]!.page),
      {
        sizes: indexes.map((i) => states[i]!.stamp?.size ?? 0),
        ...(options.pool ? { pool: options.pool } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      },
    ).then((results) => ({ indexes, results }));
  const overlap = fromDisk.length >= OVERLAP_FROM && missing.length > 0;
  const early =
    options.pool === undefined || missing.length === 0
      ? undefined
      : overlap || missing.length >= POOL_THRESHOLD
        ? extract(missing)
        : undefined;
  // A rejection is awaited in finish(); until then it is not unhandled.
  early?.catch(() => undefined);

  return {
    async finish() {
      const extracting = early ? [early] : [];
      if (options.store && fromDisk.length > 0) {
        const requests = fromDisk.map((i) => ({ key: keys[i]!, file: states[i]!.page.file, apiVersion: states[i]!.page.apiVersion }));
        const loaded = options.store.loadMany(requests, { detail: whole });
        fromDisk.forEach((i, n) => (facts[i] = loaded[n]));
      }
      // Pages not started early, and entries that did not check out, are extracted now.
      const rest = [...(early ? [] : missing), ...fromDisk.filter((i) => facts[i] === undefined)];
      if (rest.length > 0) extracting.push(extract(rest));
      let parsed = 0;
      for (const { indexes, results } of await Promise.all(extracting)) {
        parsed += indexes.length;
        results.forEach(({ hash, core, detail }, n) => {
          const i = indexes[n]!;
          const coreFacts = JSON.parse(core) as PageFacts;
          facts[i] = whole ? joinFacts(coreFacts, JSON.parse(detail))! : coreFacts;
          hashes[i] = hash ?? undefined;
          if (hash !== null) options.store?.add(key(states[i]!, hash), { core, detail });
        });
      }
      if (options.memory) states.forEach((state, i) => hashes[i] !== undefined && options.memory!.set(hashes[i] === state.hash ? keys[i]! : key(state, hashes[i]!), facts[i]!));
      return {
        facts: facts as PageFacts[],
        records: states.map(({ page, stamp }, i) => (stamp && hashes[i] !== undefined ? { file: page.file, apiVersion: page.apiVersion, ...stamp, hash: hashes[i]! } : undefined)),
        parsed,
      };
    },
  };
}

/** Drops from memory the facts of pages no longer in the input (or no longer in that state). */
export function pruneMemory(memory: Map<string, PageFacts>, states: readonly PageState[], loaded: readonly (InputRecord | undefined)[], factsId: string): void {
  const live = new Set<string>();
  for (const state of states) if (state.hash !== undefined) live.add(factsKey(factsId, state.page.file, state.page.apiVersion, state.hash));
  for (const record of loaded) if (record) live.add(factsKey(factsId, record.file, record.apiVersion, record.hash));
  for (const key of memory.keys()) if (!live.has(key)) memory.delete(key);
}
