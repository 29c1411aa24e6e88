/**
 * The per-page budget: one page may take so long (`ms`) or so much memory (`mb`)
 * to extract, in whichever thread extracts it. Only a thread can be stopped: a
 * thread extracting pages notes on a shared clock (`PageClock`) which page it is
 * on and since when, and the thread that started it stops it when that page has
 * run past the budget. A page past the time budget, or one whose thread ran out
 * of memory (the thread's `resourceLimits`), is reported as `page-too-complex`
 * at 1:1 and not cached, and the other pages of its batch are extracted again.
 */
import { diagnostic } from '../model/diagnostic.js';
import type { InputPage } from '../parse/input.js';
import { failedPage, type ExtractedPage } from './extract-page-file.js';

export interface PageBudget {
  /** Milliseconds of extraction per page. */
  ms: number;
  /** Megabytes of heap for a thread extracting pages (its old generation). */
  mb: number;
}

/**
 * The budget: `DOCS2TS_PAGE_TIME_MS` and `DOCS2TS_PAGE_MEMORY_MB` where set (tests set small ones), else 5 s and 512 MB.
 * The corpus's largest page (118 KB) extracts in well under a second; with 256 MB a thread collects garbage more
 * often, and `check` of the corpus took some 7% more CPU time (4% with 512 MB, none with 2 GB).
 */
export function pageBudget(env: NodeJS.ProcessEnv = process.env): PageBudget {
  const number = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return { ms: number(env['DOCS2TS_PAGE_TIME_MS'], 5000), mb: number(env['DOCS2TS_PAGE_MEMORY_MB'], 512) };
}

/**
 * Which page a thread is extracting (-1: none) and since when (`Date.now()`), in
 * memory both threads share: read where the page started, not when a message
 * about it arrived (this thread may be busy for seconds).
 */
export type PageClock = BigInt64Array;

export function newClock(): PageClock {
  const clock = new BigInt64Array(new SharedArrayBuffer(16));
  clock[0] = -1n;
  return clock;
}

/** Called by the extracting thread as it starts page `index` (-1: done). */
export function clockAt(clock: PageClock, index: number): void {
  Atomics.store(clock, 1, BigInt(Date.now()));
  Atomics.store(clock, 0, BigInt(index));
}

/** The page the thread is on, and whether it has been on it longer than `ms`. */
export function clockReading(clock: PageClock, ms: number): { index: number; over: boolean } {
  const index = Number(Atomics.load(clock, 0));
  return { index, over: index >= 0 && Date.now() - Number(Atomics.load(clock, 1)) > ms };
}

/** Calls `stop` with the page's index once the thread's current page has run past `ms` (checked a few times per budget); gives the function that ends the watch. */
export function watchClock(clock: PageClock, ms: number, stop: (index: number) => void): () => void {
  const timer = setInterval(() => {
    const { index, over } = clockReading(clock, ms);
    if (over) {
      clearInterval(timer);
      stop(index);
    }
  }, Math.min(250, Math.max(10, ms / 4)));
  timer.unref();
  return () => clearInterval(timer);
}

/** The facts of a page stopped for going over the budget (`over`: what it went over). */
export function tooComplex(page: InputPage, over: 'time' | 'memory', budget: PageBudget): ExtractedPage {
  const [what, limit] = over === 'time' ? ['that takes over', `${budget.ms / 1000} s`] : ['that needs over', `${budget.mb} MB`];
  const message = `Unexpected page ${what} ${limit} to extract, expected at most ${limit} per page (not read; simplify or split the page)`;
  return failedPage(page, diagnostic('page-too-complex', 'error', message, { file: page.file, line: 1, column: 1 }));
}

type RunBatch = (pages: InputPage[], clock: PageClock, signal: AbortSignal) => Promise<ExtractedPage[]>;

/**
 * Extracts pages in a thread that `run` starts, which keeps `clock` and stops
 * when `signal` aborts. A page that runs past `budget.ms` is reported and its
 * thread stopped; when the thread dies out of memory, the page it was on is
 * tried alone, and reported if it dies again. The other pages go again as a
 * batch of their own. Results are in page order.
 */
export async function extractWithin(pages: readonly InputPage[], budget: PageBudget, run: RunBatch): Promise<ExtractedPage[]> {
  if (pages.length === 0) return [];
  const clock = newClock();
  const stop = new AbortController();
  /** The page that ran past the time budget. */
  let late: number | undefined;
  const unwatch = watchClock(clock, budget.ms, (index) => {
    late = index;
    stop.abort();
  });
  try {
    return await run([...pages], clock, stop.signal);
  } catch (error) {
    if (late === undefined && (error as { code?: unknown } | undefined)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
    const current = late ?? clockReading(clock, budget.ms).index;
    const guilty = pages[current];
    if (guilty === undefined) {
      // Out of memory before the first page (or after the last): each page alone.
      if (pages.length === 1) return [tooComplex(pages[0]!, 'memory', budget)];
      return Promise.all(pages.map((page) => extractWithin([page], budget, run).then((results) => results[0]!)));
    }
    const alone = late !== undefined || pages.length === 1 ? [tooComplex(guilty, late !== undefined ? 'time' : 'memory', budget)] : extractWithin([guilty], budget, run);
    const [[result], others] = await Promise.all([alone, extractWithin([...pages.slice(0, current), ...pages.slice(current + 1)], budget, run)]);
    others.splice(current, 0, result!);
    return others;
  } finally {
    unwatch();
  }
}
