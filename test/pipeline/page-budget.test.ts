/**
 * `extractWithin` with a stand-in for the thread: the page that runs past the
 * time budget, or whose thread dies out of memory, is `page-too-complex`; every
 * other page of the batch is extracted (again) and results keep page order.
 */
import { describe, expect, it } from 'vitest';
import type { InputPage } from '../../generator/parse/input.js';
import type { ExtractedPage } from '../../generator/pipeline/extract-page-file.js';
import { clockAt, extractWithin, pageBudget, type PageClock } from '../../generator/pipeline/page-budget.js';

const page = (name: string): InputPage => ({ file: `v1.0/api/${name}.md`, absolutePath: `/nowhere/${name}.md`, apiVersion: 'v1.0' });
const PAGES = ['a', 'b', 'slow', 'c', 'huge', 'd'].map(page);
const BUDGET = { ms: 100, mb: 32 };

/** A thread that extracts `ok:<file>` per page, hangs on `slow` until stopped, and dies out of memory on `huge`; records each batch. */
function fakeThread(batches: string[][]) {
  return async (pages: InputPage[], clock: PageClock, signal: AbortSignal): Promise<ExtractedPage[]> => {
    batches.push(pages.map((p) => p.file.slice('v1.0/api/'.length, -3)));
    const out: ExtractedPage[] = [];
    for (const [index, p] of pages.entries()) {
      clockAt(clock, index);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (p.file.includes('slow')) await new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
      if (p.file.includes('huge')) throw Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
      out.push({ hash: 'h', core: `ok:${p.file}`, detail: '{}' });
    }
    return out;
  };
}

const summary = (results: ExtractedPage[]) =>
  results.map((r) => (r.core.startsWith('ok:') ? r.core : (JSON.parse(r.core) as { diagnostics: { code: string; message: string }[] }).diagnostics.map((d) => `${d.code}: ${d.message}`).join()));

describe('extractWithin', () => {
  it('reports the slow and the huge page, extracts the others, in page order', { timeout: 30_000 }, async () => {
    const batches: string[][] = [];
    const results = await extractWithin(PAGES, BUDGET, fakeThread(batches));
    expect(summary(results)).toEqual([
      'ok:v1.0/api/a.md',
      'ok:v1.0/api/b.md',
      'page-too-complex: Unexpected page that takes over 0.1 s to extract, expected at most 0.1 s per page (not read; simplify or split the page)',
      'ok:v1.0/api/c.md',
      'page-too-complex: Unexpected page that needs over 32 MB to extract, expected at most 32 MB per page (not read; simplify or split the page)',
      'ok:v1.0/api/d.md',
    ]);
    // The slow page stops the first batch; the rest goes again; the huge page is tried alone once before it is reported.
    expect(batches).toEqual([['a', 'b', 'slow', 'c', 'huge', 'd'], ['a', 'b', 'c', 'huge', 'd'], ['huge'], ['a', 'b', 'c', 'd']]);
    // Stopped pages have no hash: never cached as good facts.
    expect(results.map((r) => r.hash)).toEqual(['h', 'h', null, 'h', null, 'h']);
  });

  it('passes on an error that is not the budget', async () => {
    await expect(extractWithin([page('a')], BUDGET, () => Promise.reject(new Error('no worker file')))).rejects.toThrow('no worker file');
  });
});

describe('pageBudget', () => {
  it.each<[string, NodeJS.ProcessEnv, { ms: number; mb: number }]>([
    ['defaults', {}, { ms: 5000, mb: 512 }],
    ['from the environment', { DOCS2TS_PAGE_TIME_MS: '1500', DOCS2TS_PAGE_MEMORY_MB: '64' }, { ms: 1500, mb: 64 }],
    ['unreadable values keep the defaults', { DOCS2TS_PAGE_TIME_MS: 'soon', DOCS2TS_PAGE_MEMORY_MB: '-1' }, { ms: 5000, mb: 512 }],
  ])('%s', (_name, env, want) => {
    expect(pageBudget(env)).toEqual(want);
  });
});
