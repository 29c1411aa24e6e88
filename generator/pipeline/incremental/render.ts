/**
 * Renders and formats the planned files that changed. A file whose fingerprint
 * matches its intact output is not rendered; a rendered file whose text before
 * prettier matches what the intact output was formatted from, or that its emitter
 * writes as prettier would (`PlannedFile.formatted`), is not formatted.
 * A file whose intact output was recorded with the hashes of its parts
 * (`emit/format-parts.ts`) has only its changed parts formatted. Other files are
 * formatted whole: with many files, in the pool while this thread renders the
 * next (`format-feed.ts`); with few, by the renderer: a render thread, in an edit
 * in a fresh process (`pool.ts`'s `renderThread`), which also prints them, else here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashOf } from '../../model/hash.js';
import type { OutputRecord } from './run-manifest.js';
import type { FilePlan } from '../../emit/index.js';
import { partHash, splitParts, statementParts } from '../../emit/format-parts.js';
import type { FormattedByParts, LastOutput, SplitText } from '../../emit/format.js';
import type { EmittedFile, PrintJob } from '../../emit/emitter.js';
import { printJob } from '../../emit/ts-print.js';
import { FormatFeed, type FormatPool } from '../format-feed.js';

export interface RenderOptions {
  /** The worker pool (`WorkerPool`), made on first use. */
  pool?: (() => FormatPool) | undefined;
  /** Where the files are printed and formatted when the pool is not used: a render thread (`renderThread`), else this thread. */
  renderer?: Renderer | undefined;
  /** The text of a file in the output folder (undefined when it cannot be read), to reuse its formatted parts. */
  lastOutput?: (file: string) => string | undefined;
  onProgress?: (done: number, total: number) => void;
}

/** What a run records of a file's text before prettier. */
export interface RenderedSource {
  unformatted: string;
  /** `partHash` of each part, when the formatted file splits into as many parts (for `.ts` files). */
  parts?: string[] | undefined;
}

export interface Rendered {
  /** New text of a file, or null when its output stays as it is. */
  content(file: string): string | null;
  /** What to record of the text before prettier, for files rendered by this run. */
  source(file: string): RenderedSource | undefined;
  rendered: number;
  /** Files formatted, whole or by parts. */
  formatted: number;
  /** Of the files formatted by parts: parts formatted, and parts taken from the last output. */
  formattedParts: number;
  reusedParts: number;
}

/** What prints and formats files one at a time (`WorkerPool` is one). */
export interface Renderer {
  print(job: PrintJob): Promise<string>;
  formatByParts(file: EmittedFile, split: SplitText, last: LastOutput): Promise<FormattedByParts | undefined>;
  format(files: EmittedFile[]): Promise<string[]>;
}

/** Printing and prettier in this thread, each loaded on first use. */
const here: Renderer = {
  print: async (job) => printJob(job),
  formatByParts: async (file, split, last) => (await import('../../emit/format.js')).formatByParts(file, split, last),
  format: async (files) => (await import('../../emit/format.js')).formatFiles(files),
};

/** Above this many files to render, prettier runs in the worker pool (below, starting the pool costs more). */
const POOL_THRESHOLD = 64;

export async function renderChanged(plans: readonly FilePlan[], kept: (file: string) => OutputRecord | undefined, options: RenderOptions = {}): Promise<Rendered> {
  const toRender = plans.filter((plan) => kept(plan.path)?.fingerprint !== plan.fingerprint);
  const usePool = options.pool !== undefined && toRender.length > POOL_THRESHOLD;
  // With the pool, this thread prints while the pool formats (and formats by parts itself).
  const renderer = usePool ? here : (options.renderer ?? here);
  const results = new Map<string, { content: string | null; source: RenderedSource; split: SplitText | undefined }>();
  let done = 0;
  const counts = { formatted: 0, formattedParts: 0, reusedParts: 0 };
  const finish = (file: string, content: string | null) => {
    const result = results.get(file)!;
    result.content = content;
    // Parts are recorded only when the output splits into as many: the next run trusts no other.
    if (content !== null && result.split && splitParts(content).length === result.split.hashes.length) result.source.parts = [...result.split.hashes];
    options.onProgress?.(++done, toRender.length);
  };
  let feed: FormatFeed | undefined;
  for (const plan of toRender) {
    const text = plan.print ? await renderer.print(plan.print()) : plan.render();
    const record = kept(plan.path);
    const source: RenderedSource = { unformatted: hashOf(text) };
    if (record?.unformatted === source.unformatted) {
      results.set(plan.path, { content: null, source: { ...source, parts: record.parts }, split: undefined });
      finish(plan.path, null);
      continue;
    }
    if (plan.formatted) {
      // Already as prettier writes it (`PlannedFile.formatted`).
      results.set(plan.path, { content: null, source, split: undefined });
      finish(plan.path, text);
      continue;
    }
    const split = plan.path.endsWith('.ts') ? splitText(text) : undefined;
    results.set(plan.path, { content: null, source, split });
    counts.formatted++;
    const file = { path: plan.path, content: text };
    const last = split && record ? lastOutput(record, options.lastOutput) : undefined;
    const byParts = last ? await renderer.formatByParts(file, split!, last) : undefined;
    if (byParts) {
      counts.formattedParts += byParts.formatted;
      counts.reusedParts += byParts.reused;
      finish(plan.path, byParts.content);
      continue;
    }
    if (!usePool) {
      finish(plan.path, (await renderer.format([file]))[0]!);
      continue;
    }
    feed ??= new FormatFeed(options.pool!(), finish);
    feed.add(file);
    // Let finished batches come back (and the next go out) before rendering the next file.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await feed?.close();
  return {
    content: (file) => results.get(file)?.content ?? null,
    source: (file) => results.get(file)?.source,
    rendered: toRender.length,
    ...counts,
  };
}

/** The text in parts with their hashes, when its parts are whole top-level statements (`statementParts`). */
function splitText(text: string): SplitText | undefined {
  const parts = statementParts(text);
  return parts && { parts, hashes: parts.map(partHash) };
}

/** The last output of a file, when its record has part hashes and the file reads back with the recorded hash. */
function lastOutput(record: OutputRecord, read: ((file: string) => string | undefined) | undefined): LastOutput | undefined {
  if (!record.parts || !read) return undefined;
  const content = read(record.path);
  return content !== undefined && hashOf(content) === record.hash ? { content, hashes: record.parts } : undefined;
}

/** Reads files of the output folder `out` (undefined when one cannot be read). */
export function outputReader(out: string): (file: string) => string | undefined {
  return (file) => {
    try {
      return readFileSync(path.join(out, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}
