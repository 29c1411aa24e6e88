/**
 * Renders and formats the planned files that changed. A file whose fingerprint
 * matches its intact output is not rendered; a rendered file whose text before
 * prettier matches what the intact output was formatted from is not formatted.
 * With many files, prettier runs in the pool while this thread renders the next
 * (`format-feed.ts`).
 */
import { hashOf } from '../cache/hash.js';
import type { OutputRecord } from '../cache/run-manifest.js';
import type { FilePlan } from '../emit/index.js';
import { FormatFeed, type FormatPool } from './format-feed.js';

export interface RenderOptions {
  /** The worker pool (`WorkerPool`), made on first use. */
  pool?: (() => FormatPool) | undefined;
  onProgress?: (done: number, total: number) => void;
}

export interface Rendered {
  /** New text of a file, or null when its output stays as it is. */
  content(file: string): string | null;
  /** Hash of the text before prettier, for files rendered by this run. */
  unformatted(file: string): string | undefined;
  rendered: number;
  formatted: number;
}

/** Above this many files to render, prettier runs in the worker pool (below, starting the pool costs more). */
const POOL_THRESHOLD = 64;

export async function renderChanged(plans: readonly FilePlan[], kept: (file: string) => OutputRecord | undefined, options: RenderOptions = {}): Promise<Rendered> {
  const toRender = plans.filter((plan) => kept(plan.path)?.fingerprint !== plan.fingerprint);
  const usePool = options.pool !== undefined && toRender.length > POOL_THRESHOLD;
  // Prettier is loaded here only when it runs here: with the pool, only its threads load it.
  const formatFile = usePool ? undefined : (await import('../emit/format.js')).formatFile;
  const results = new Map<string, { content: string | null; unformatted: string }>();
  let done = 0;
  let formatted = 0;
  const finish = (file: string, content: string | null) => {
    results.get(file)!.content = content;
    options.onProgress?.(++done, toRender.length);
  };
  const feed = usePool ? new FormatFeed(options.pool!(), finish) : undefined;
  for (const plan of toRender) {
    const text = plan.render();
    const unformatted = hashOf(text);
    results.set(plan.path, { content: null, unformatted });
    if (kept(plan.path)?.unformatted === unformatted) {
      finish(plan.path, null);
      continue;
    }
    formatted++;
    const file = { path: plan.path, content: text };
    if (!feed) {
      finish(plan.path, (await formatFile!(file)).content);
      continue;
    }
    feed.add(file);
    // Let finished batches come back (and the next go out) before rendering the next file.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await feed?.close();
  return {
    content: (file) => results.get(file)?.content ?? null,
    unformatted: (file) => results.get(file)?.unformatted,
    rendered: toRender.length,
    formatted,
  };
}
