/**
 * Renders and formats the planned files that changed. A file whose fingerprint
 * matches its intact output is not rendered; a rendered file whose text before
 * prettier matches what the intact output was formatted from is not formatted.
 * With many files, prettier runs in the pool while this thread renders the next.
 */
import { hashOf } from '../cache/hash.js';
import type { OutputRecord } from '../cache/run-manifest.js';
import type { FilePlan } from '../emit/index.js';
import type { WorkerPool } from './pool.js';

export interface RenderOptions {
  pool?: (() => WorkerPool) | undefined;
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
  const { formatFile } = await import('../emit/format.js');
  const results = new Map<string, { content: string | null; unformatted: string }>();
  const formatting: Promise<void>[] = [];
  let done = 0;
  const progress = () => options.onProgress?.(++done, toRender.length);
  for (const plan of toRender) {
    const text = plan.render();
    const unformatted = hashOf(text);
    if (kept(plan.path)?.unformatted === unformatted) {
      results.set(plan.path, { content: null, unformatted });
      progress();
      continue;
    }
    const file = { path: plan.path, content: text };
    const formatted = usePool ? options.pool!().format([file]).then(([content]) => content!) : formatFile(file).then((f) => f.content);
    const finished = formatted.then((content) => {
      results.set(plan.path, { content, unformatted });
      progress();
    });
    formatting.push(finished);
    // Let the pool hand out queued files while this thread renders the next one.
    await (usePool ? new Promise((resolve) => setImmediate(resolve)) : finished);
  }
  await Promise.all(formatting);
  return {
    content: (file) => results.get(file)?.content ?? null,
    unformatted: (file) => results.get(file)?.unformatted,
    rendered: toRender.length,
    formatted: formatting.length,
  };
}
