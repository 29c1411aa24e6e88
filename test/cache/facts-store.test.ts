/** The facts pack: round trips, checks on load, positioned reads, compaction of entries no run used lately. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factsKey, FactsStore } from '../../generator/cache/facts-store.js';
import type { PageFacts } from '../../generator/extract/facts.js';

function facts(file: string, filler = ''): PageFacts {
  return { file, apiVersion: 'v1.0', kind: 'conceptual', docType: null, title: filler, namespace: null, resources: [], enums: [], operations: [], headings: [], links: [], diagnostics: [] };
}
const request = (file: string) => ({ key: factsKey('id', file, 'v1.0', 'hash'), file, apiVersion: 'v1.0' });

describe('FactsStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'docs2ts-facts-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('round-trips facts across opens, whole-pack and positioned reads alike', async () => {
    const store = await FactsStore.open(dir);
    expect(store.empty).toBe(true);
    for (const file of ['a.md', 'b.md', 'c.md']) store.add(request(file).key, JSON.stringify(facts(file, file.repeat(100))));
    await store.close();
    const again = await FactsStore.open(dir);
    expect(again.has(request('b.md').key)).toBe(true);
    // All three: one read of the pack; one of three: a positioned read.
    expect(again.loadMany(['a.md', 'b.md', 'c.md'].map(request)).map((f) => f?.file)).toEqual(['a.md', 'b.md', 'c.md']);
    const fresh = await FactsStore.open(dir);
    expect(fresh.loadMany([request('b.md'), request('z.md')]).map((f) => f?.title?.slice(0, 4))).toEqual(['b.md', undefined]);
  });

  it('refuses an entry that claims another page', async () => {
    const store = await FactsStore.open(dir);
    store.add(request('a.md').key, JSON.stringify(facts('other.md')));
    await store.close();
    expect((await FactsStore.open(dir)).loadMany([request('a.md')])).toEqual([undefined]);
  });

  it('compacts the pack once most of it is entries no recent run used', async () => {
    const big = 'x'.repeat(200_000);
    let store = await FactsStore.open(dir);
    for (let i = 0; i < 10; i++) store.add(request(`${i}.md`).key, JSON.stringify(facts(`${i}.md`, big)));
    await store.close();
    const full = (await stat(path.join(dir, 'facts.pack'))).size;
    // Nine runs that use only page 0: the others age out.
    for (let run = 0; run < 9; run++) {
      store = await FactsStore.open(dir);
      expect(store.loadMany([request('0.md')])[0]?.file).toBe('0.md');
      await store.close();
    }
    expect((await stat(path.join(dir, 'facts.pack'))).size).toBeLessThan(full / 5);
    store = await FactsStore.open(dir);
    expect(store.loadMany([request('0.md'), request('5.md')]).map((f) => f?.file)).toEqual(['0.md', undefined]);
  });
});
