/**
 * One thread of its own (`side-thread-worker.ts`) for the small jobs of an edit:
 * surveying the input and output folders (`survey.ts`) while this thread reads
 * the last run's manifest and loads modules; extracting the page or two that
 * changed, while this thread reads the cache and plans from a snapshot; then
 * formatting the changed parts of the files they change, with the prettier it
 * loaded meanwhile; and deleting the old output folder a swap leaves, while this
 * thread records the run. Starting it costs this thread a few milliseconds (no
 * piscina, no second thread), and it loads the extractor after its first job, so
 * `generate` starts it first thing when a last run suggests an edit.
 *
 * Every job gives undefined when the thread failed in any way; the caller then
 * does the job itself. Idle, the thread does not hold the process; `close` ends it.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { manifestPath } from '../cache/run-manifest.js';
import type { EmittedFile } from '../emit/emitter.js';
import type { FormattedByParts, LastOutput, SplitText } from '../emit/format.js';
import type { InputPage } from '../parse/input.js';
import type { ExtractedPage } from './extract-page-file.js';
import { defaultWorkers, resourceLimits, usesThreads } from './pool.js';
import { newClock, pageBudget, watchClock } from './page-budget.js';
import { unpackSurvey, type PackedRecords, type PackedSurvey, type Survey } from './survey.js';

/** Fewer pages than this to extract go to the side thread; more, to the pool (starting its threads costs more). */
export const SIDE_THREAD_PAGES = 16;

export type SideJob =
  | { job: 'survey'; input: string; out: string }
  | { job: 'records'; records: PackedRecords | undefined }
  | { job: 'extract'; pages: readonly InputPage[] }
  | { job: 'format'; file: EmittedFile }
  | { job: 'format-parts'; file: EmittedFile; split: SplitText; last: LastOutput }
  | { job: 'remove'; folder: string };

export type SideRequest = SideJob & { id: number };

/** `value` is what the job's function returned; `ok: false` when it threw. */
export type SideReply = { id: number; ok: true; value: unknown } | { id: number; ok: false };

let prestarted: SideThread | undefined;

/**
 * Starts the side thread of a `generate` run of `input` into `out` now, before the
 * run has loaded, when the run will start one (threads, and a last run to compare
 * with: `generate` starts it then). The thread's own start, some 50 ms, then
 * overlaps with loading the generator rather than delaying the survey. The run's
 * pool takes it (`takePrestartedThread`); one never taken stays idle and does not
 * hold the process.
 */
export function prestartSideThread(input: string, out: string, cacheDir: string | null, workers = defaultWorkers()): void {
  if (prestarted || cacheDir === null || !usesThreads(workers) || !existsSync(manifestPath(cacheDir, input, out))) return;
  prestarted = new SideThread();
}

/** The prestarted side thread, once. */
export function takePrestartedThread(): SideThread | undefined {
  const thread = prestarted;
  prestarted = undefined;
  return thread;
}

export class SideThread {
  private readonly worker: Worker | undefined;
  private readonly pending = new Map<number, (reply: SideReply | undefined) => void>();
  private nextId = 0;
  private dead = false;
  /** Set by `close`: the thread stays referenced until it has ended. */
  private closing = false;
  /** The one extraction the thread does: the pages' files, and their results. */
  private extraction: { files: string[]; results: Promise<ExtractedPage[] | undefined> } | undefined;

  constructor() {
    const budget = pageBudget();
    const clock = newClock();
    try {
      this.worker = new Worker(new URL('./side-thread-worker.js', import.meta.url), { resourceLimits: resourceLimits(budget), workerData: { clock } });
    } catch {
      this.dead = true;
      return;
    }
    this.worker.unref();
    // A page past the time budget ends the thread (out of memory, it ends itself): its jobs then give undefined, and the
    // caller extracts the pages in the pool, whose budget finds the page.
    const unwatch = watchClock(clock, budget.ms, () => void this.worker!.terminate());
    this.worker.on('message', (reply: SideReply) => {
      this.pending.get(reply?.id)?.(reply);
      this.pending.delete(reply?.id);
      if (this.pending.size === 0 && !this.closing) this.worker!.unref();
    });
    // Listened to from the start: an error in an idle thread must not be thrown here.
    const end = () => {
      unwatch();
      this.dead = true;
      for (const settle of this.pending.values()) settle(undefined);
      this.pending.clear();
    };
    this.worker.once('error', end);
    this.worker.once('exit', end);
  }

  /**
   * A survey of the input and output folders (`survey.ts`); undefined when the
   * thread failed or could not take it. The last run's records may come later:
   * the thread lists and stamps meanwhile, then hashes the pages whose stamps do
   * not prove them and starts extracting those whose content changed (a later
   * `extract` of them is served from that). Once per thread.
   */
  async survey(input: string, out: string, records: Promise<PackedRecords | undefined>): Promise<Survey | undefined> {
    const findings = this.call({ job: 'survey', input, out });
    void records.then(
      (packed) => this.call({ job: 'records', records: packed }),
      () => this.call({ job: 'records', records: undefined }),
    );
    try {
      const packed = (await findings) as PackedSurvey | undefined;
      return packed ? unpackSurvey(packed, input) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The pages' facts in order. The thread extracts once: the first call sends its
   * pages; a later call is served from them when they include all of its pages
   * (so a caller may send the pages it expects early), else gets undefined.
   */
  extract(pages: readonly InputPage[]): Promise<ExtractedPage[] | undefined> {
    this.extraction ??= {
      files: pages.map((page) => page.file),
      results: this.call({ job: 'extract', pages }).then((results) => (Array.isArray(results) && results.length === pages.length ? (results as ExtractedPage[]) : undefined)),
    };
    const { files, results } = this.extraction;
    const at = pages.map((page) => files.indexOf(page.file));
    if (at.some((i) => i < 0)) return Promise.resolve(undefined);
    return results.then((all) => all && at.map((i) => all[i]!));
  }

  /** `formatFile` (`emit/format.ts`) there. */
  async format(file: EmittedFile): Promise<EmittedFile | undefined> {
    const value = await this.call({ job: 'format', file });
    return typeof (value as EmittedFile | undefined)?.content === 'string' ? (value as EmittedFile) : undefined;
  }

  /** `formatByParts` there: its result (undefined: format the file whole), or undefined when the thread failed. */
  async formatByParts(file: EmittedFile, split: SplitText, last: LastOutput): Promise<{ result: FormattedByParts | undefined } | undefined> {
    const reply = await this.reply({ job: 'format-parts', file, split, last });
    return reply?.ok ? { result: (reply.value ?? undefined) as FormattedByParts | undefined } : undefined;
  }

  /** Deletes a folder and all it holds there; rejects when the thread failed or could not. */
  async removeFolder(folder: string): Promise<void> {
    const reply = await this.reply({ job: 'remove', folder });
    if (!reply?.ok) throw new Error(`the side thread did not remove ${folder}`);
  }

  async close(): Promise<void> {
    // Held until it has ended, even when a reply comes meanwhile: unreferenced, it could leave this thread's loop
    // empty (and the caller awaiting this unsettled) while it still stops.
    this.closing = true;
    this.worker?.ref();
    await this.worker?.terminate().catch(() => undefined);
  }

  private async call(job: SideJob): Promise<unknown> {
    const reply = await this.reply(job);
    return reply?.ok ? reply.value : undefined;
  }

  private reply(job: SideJob): Promise<SideReply | undefined> {
    const worker = this.worker;
    if (!worker || this.dead) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      // Held while a job is out: the caller awaits it.
      worker.ref();
      worker.postMessage({ ...job, id } satisfies SideRequest);
    });
  }
}
