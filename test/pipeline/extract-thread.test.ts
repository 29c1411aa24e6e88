/**
 * The few pages an edit changed are extracted in one thread of their own while
 * this thread reads the cached facts of the others (`startLoad`, `SideThread`),
 * with the same facts as extraction here. Threads exist only in the compiled
 * generator, so each case runs in a child process on dist/ (npm test builds it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

const DIST = path.join(repoRoot, 'dist/generator');
const built = existsSync(path.join(DIST, 'pipeline/side-thread-worker.js'));
if (!built) console.warn('extract thread tests skipped: dist/ is absent (npm test builds it; or run npm run build)');
const PAGE = 'v1.0/resources/intune-onboarding-devicemanagementpartner.md';

interface Report {
  /** True when this thread never loaded the extractors: the page went to another thread. */
  threaded: boolean;
  parsed: number;
  /** The changed page's facts and hash equal extraction in this thread. */
  same: boolean;
  /** Every cached page came from the cache. */
  cached: boolean;
}

/** `cached` pages in the facts cache plus the seed page changed, loaded with `workers` threads. */
function load(dir: string, cached: number, workers: number, threadsFail = false): Report {
  const cacheDir = path.join(dir, 'cache');
  const url = (file: string) => JSON.stringify(pathToFileURL(path.join(DIST, file)).href);
  const script = `
    const { FactsStore, factsKey } = await import(${url('cache/facts-store.js')});
    const { startLoad } = await import(${url('pipeline/load-pages.js')});
    const { lazyPool } = await import(${url('pipeline/build-model.js')});
    const { extractorLoaded, extractPageFile } = await import(${url('pipeline/extract-page-file.js')});
    const stamp = { size: 1, mtimeMs: 1, ctimeMs: 1, ino: 1 };
    const states = [];
    const filling = await FactsStore.open(${JSON.stringify(cacheDir)});
    for (let i = 0; i < ${cached}; i++) {
      const file = 'v1.0/api/page-' + i + '.md';
      filling.add(factsKey('id', file, 'v1.0', 'hash'), { core: JSON.stringify({ file, apiVersion: 'v1.0', diagnostics: [] }), detail: '{}' });
      states.push({ page: { file, absolutePath: '/nowhere/' + file, apiVersion: 'v1.0' }, stamp, hash: 'hash' });
    }
    await filling.close();
    const page = { file: ${JSON.stringify(PAGE)}, absolutePath: ${JSON.stringify(path.join(repoRoot, 'docs-input', PAGE))}, apiVersion: 'v1.0' };
    states.push({ page, stamp, hash: undefined });
    const pool = lazyPool(${workers});
    const store = await FactsStore.open(${JSON.stringify(cacheDir)});
    const loaded = await startLoad(states, { factsId: 'id', parts: 'core', store, pool: pool.extract, thread: pool.thread }).finish();
    await pool.destroy();
    const threaded = !extractorLoaded();
    const here = await extractPageFile(page);
    const same = JSON.stringify(loaded.facts.at(-1)) === JSON.stringify(JSON.parse(here.core)) && loaded.records.at(-1)?.hash === here.hash;
    const cached = loaded.facts.slice(0, -1).every((facts, i) => facts.file === states[i].page.file);
    console.log(JSON.stringify({ threaded, parsed: loaded.parsed, same, cached }));
  `;
  // Threads inherit the process's flags, and --input-type fails them: a file unless they are to fail.
  const file = path.join(dir, 'load.mjs');
  writeFileSync(file, script);
  const args = threadsFail ? ['--input-type=module', '-e', script] : [file];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Report;
}

describe.runIf(built)('extraction in a thread of its own', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-extract-thread-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['many cached pages to read meanwhile: in a thread', 600, 2, true],
    // With threads, every page goes to one (only there the page budget holds): a few, to the side thread.
    ['few cached pages: in the side thread', 20, 2, true],
    ['one worker: in a pool of one thread', 600, 1, true],
  ])('%s, with the same facts', { timeout: 120_000 }, (_, cached, workers, threaded) => {
    expect(load(dir, cached, workers)).toEqual({ threaded, parsed: 1, same: true, cached: true });
  });

  it('a side thread that fails to start: the pool instead, with the same facts', { timeout: 120_000 }, () => {
    expect(load(dir, 600, 2, true)).toEqual({ threaded: true, parsed: 1, same: true, cached: true });
  });
});
