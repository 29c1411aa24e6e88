/**
 * `docs2ts generate --watch`: one run now, then one after every burst of changes
 * under the input (debounced), each reported in one line; the facts of every page
 * and the worker pool stay in memory between runs; each run holds the output and cache locks
 * (`run-lock.ts`) while it lasts. Ctrl-C (SIGINT) or SIGTERM waits for a run in
 * progress, closes the watcher and exits 0.
 */
import path from 'node:path';
import { watch } from 'chokidar';
import { generate, type GenerateSession } from '../pipeline/generate.js';
import { UsageError } from '../parse/input.js';
import { generateRequest, lockRequest, type GenerateOptions } from './generate-request.js';
import { DEFAULT_CACHE_DIR } from './options.js';
import { lockRun } from './run-lock.js';
import { describeApiChanges } from './api-changes-line.js';

export interface WatchIo {
  write: (line: string) => void;
  /** Resolves when the user asks to stop (defaults to SIGINT or SIGTERM). */
  stopSignal?: Promise<void>;
  debounceMs?: number;
}

export async function watchGenerate(options: GenerateOptions, io: WatchIo = { write: (line) => process.stderr.write(line) }): Promise<number> {
  const request = generateRequest({ ...options, check: false });
  const session: GenerateSession = { facts: new Map() };
  const say = (line: string) => io.write(`${line}\n`);
  let running: Promise<void> | undefined;
  let again = false;

  const runOnce = async (): Promise<void> => {
    const started = performance.now();
    try {
      // Each run takes the locks and gives them back, so that another run (a one-off generate) can go between two.
      const release = await lockRun(lockRequest(options, request.cacheDir));
      const result = await generate({ ...request, session }).finally(release);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      for (const line of result.warnings) say(`docs2ts: warning: ${line}`);
      if (!options.quiet) say(`[${clock()}] ${changeLine(result.changedPages)}: ${writeLine(result)}; ${seconds} s`);
      const changes = describeApiChanges(result);
      if (changes && !options.quiet) say(`[${clock()}] ${changes}`);
    } catch (error) {
      session.changed = undefined;
      // A bad state of the input (a folder removed while editing) is reported; the next change runs again.
      say(`[${clock()}] docs2ts: ${error instanceof UsageError ? '' : 'internal error: '}${(error as Error)?.message ?? String(error)}`);
    }
  };
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce();
      } while (again);
      running = undefined;
    })();
  };

  const ignored = ignoredPaths(options);
  const watcher = watch(path.resolve(options.input), { ignoreInitial: true, ignored: (file) => ignored(path.resolve(file)) });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (event, file) => {
    // The next run stats only the files reported (`GenerateSession.changed`); a folder event surveys everything.
    if (event === 'add' || event === 'change' || event === 'unlink') session.changed?.add(path.resolve(file));
    else session.changed = undefined;
    clearTimeout(timer);
    timer = setTimeout(schedule, io.debounceMs ?? 150);
  });
  watcher.on('error', (error) => {
    // Events may have been lost (an overflow): the next run surveys everything.
    session.changed = undefined;
    say(`docs2ts: watch error: ${(error as Error)?.message ?? String(error)}`);
  });
  // Watching first: a change during the first run starts another (and is stat'ed by it).
  schedule();
  await running;
  if (!options.quiet) say(`watching ${options.input} for changes (Ctrl-C to stop)`);

  await (io.stopSignal ?? signalled());
  clearTimeout(timer);
  await watcher.close();
  await running;
  await session.pool?.destroy();
  if (!options.quiet) say('stopped watching');
  return 0;
}

/** Our own writes (output folder, its staging siblings, the cache) never trigger a run. */
function ignoredPaths(options: GenerateOptions): (file: string) => boolean {
  const out = path.resolve(options.out);
  const staging = path.join(path.dirname(out), `.${path.basename(out)}.`);
  const cache = options.cache === false ? undefined : path.resolve(options.cache ?? DEFAULT_CACHE_DIR);
  const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);
  return (file) => inside(file, out) || file.startsWith(staging) || (cache !== undefined && inside(file, cache));
}

function signalled(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function changeLine(pages: readonly string[]): string {
  if (pages.length === 0) return 'no page changed';
  const shown = pages.slice(0, 3).join(', ');
  return `${pages.length} page${pages.length === 1 ? '' : 's'} changed (${shown}${pages.length > 3 ? ', ...' : ''})`;
}

function writeLine(result: Awaited<ReturnType<typeof generate>>): string {
  if (result.upToDate) return 'output up to date';
  const files = [...result.written, ...result.removed.map((file) => `-${file}`)];
  if (files.length === 0) return 'no output file changed';
  const shown = files.slice(0, 3).join(', ');
  return `${result.written.length} file${result.written.length === 1 ? '' : 's'} written, ${result.removed.length} removed (${shown}${files.length > 3 ? ', ...' : ''})`;
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
