/** The facts packs: round trips, core alone or whole, checks on load, positioned reads, compaction of entries no run used lately. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { factsKey, FactsStore } from '../../../generator/pipeline/incremental/facts-store.js';
import type { PageFacts } from '../../../generator/extract/facts.js';
import { splitFacts } from '../../../generator/model/facts-parts.js';
import { readIndexFile } from '../../helpers/facts-index.js';

function facts(file: string, filler = ''): PageFacts {
  const source = { file, line: 1, column: 1 };
  return {
    file,
    apiVersion: 'v1.0',
    kind: 'conceptual',
    docType: null,
    title: filler,
    namespace: null,
    resources: [],
    enums: [],
    operations: [],
    headings: [{ text: 'Overview', slug: 'overview', depth: 2, source }],
    links: [{ href: 'https://example.com', source }],
    diagnostics: [],
  };
}
/** The two texts the worker makes. */
function texts(page: PageFacts) {
  const { core, detail } = splitFacts(page);
  return { core: JSON.stringify(core), detail: JSON.stringify(detail) };
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
    for (const file of ['a.md', 'b.md', 'c.md']) store.add(request(file).key, texts(facts(file, file.repeat(100))));
    await store.close();
    const again = await FactsStore.open(dir);
    expect(again.has(request('b.md').key)).toBe(true);
    // All three: one read of the pack; one of three: a positioned read.
    expect(again.loadMany(['a.md', 'b.md', 'c.md'].map(request)).map((f) => f?.file)).toEqual(['a.md', 'b.md', 'c.md']);
    const fresh = await FactsStore.open(dir);
    expect(fresh.loadMany([request('b.md'), request('z.md')]).map((f) => f?.title?.slice(0, 4))).toEqual(['b.md', undefined]);
  });

  it('reads a part of the pack in pieces, each span its own facts', async () => {
    const store = await FactsStore.open(dir);
    const files = Array.from({ length: 60 }, (_, i) => `${i}.md`);
    // Pages 0-39 of 20 KB, every third asked; pages 40 on of 150 KB, two asked: spans together and apart.
    files.forEach((file, i) => store.add(request(file).key, texts(facts(file, (i >= 40 ? 'y' : 'x').repeat(i >= 40 ? 150_000 : 20_000)))));
    await store.close();
    const asked = files.filter((_, i) => (i < 40 && i % 3 === 0) || i === 50 || i === 55);
    const loaded = (await FactsStore.open(dir)).loadMany(asked.map(request));
    expect(loaded.map((f) => f?.file)).toEqual(asked);
    expect(loaded.map((f) => f?.title?.length)).toEqual(asked.map((file) => (Number.parseInt(file, 10) >= 40 ? 150_000 : 20_000)));
  });

  it('refuses an entry that claims another page', async () => {
    const store = await FactsStore.open(dir);
    store.add(request('a.md').key, texts(facts('other.md')));
    await store.close();
    expect((await FactsStore.open(dir)).loadMany([request('a.md')])).toEqual([undefined]);
  });

  it('loads the core alone (headings and links left empty) or, with detail, the whole facts', async () => {
    const store = await FactsStore.open(dir);
    store.add(request('a.md').key, texts(facts('a.md')));
    await store.close();
    const [core] = (await FactsStore.open(dir)).loadMany([request('a.md')]);
    expect(core).toEqual({ ...facts('a.md'), headings: [], links: [] });
    const [whole] = (await FactsStore.open(dir)).loadMany([request('a.md')], { detail: true });
    expect(JSON.stringify(whole)).toBe(JSON.stringify(facts('a.md')));
  });

  it('reads only the core pack for the core: a damaged detail fails only loads that ask for it', async () => {
    const store = await FactsStore.open(dir);
    store.add(request('a.md').key, texts(facts('a.md')));
    await store.close();
    const detailPack = path.join(dir, 'facts.detail.pack');
    const bytes = await readFile(detailPack);
    bytes.writeUInt8(bytes.readUInt8(5) ^ 0x20, 5);
    await writeFile(detailPack, bytes);
    expect((await FactsStore.open(dir)).loadMany([request('a.md')])[0]?.file).toBe('a.md');
    const again = await FactsStore.open(dir);
    expect(again.loadMany([request('a.md')], { detail: true })).toEqual([undefined]);
    // The failed entry is dropped from the index.
    expect(again.has(request('a.md').key)).toBe(false);
  });

  it('refuses a detail that does not fit its core', async () => {
    const store = await FactsStore.open(dir);
    const { core } = texts(facts('a.md'));
    store.add(request('a.md').key, { core, detail: JSON.stringify({ headings: [], links: [], examples: [[]], json: [], methods: [] }) });
    await store.close();
    expect((await FactsStore.open(dir)).loadMany([request('a.md')], { detail: true })).toEqual([undefined]);
  });

  it('treats an index of an older format (facts.index.json) as none, and removes it on save', async () => {
    const old = path.join(dir, 'facts.index.json');
    await writeFile(old, JSON.stringify({ format: 2, run: 1, entries: { '0a4d55a8d778e5022fab701977c5d840bbc486d0': [0, 10, 0, 0, 10, 0, 1] } }));
    const store = await FactsStore.open(dir);
    expect(store.empty).toBe(true);
    store.add(request('a.md').key, texts(facts('a.md')));
    await store.close();
    expect(existsSync(old)).toBe(false);
    expect((await FactsStore.open(dir)).loadMany([request('a.md')])[0]?.file).toBe('a.md');
  });

  it.each([
    ['a flipped byte', (bytes: Buffer) => void bytes.writeUInt8(bytes.readUInt8(40) ^ 0x01, 40)],
    ['a flipped byte in a key', (bytes: Buffer) => void bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 0x01, bytes.length - 2)],
    ['a cut', (bytes: Buffer) => bytes.subarray(0, bytes.length - 3)],
    ['bytes appended', (bytes: Buffer) => Buffer.concat([bytes, Buffer.from('xy')])],
    ['another format number', (bytes: Buffer) => void bytes.writeUInt32LE(2, 8)],
    ['another file altogether', () => Buffer.from(JSON.stringify({ format: 3, run: 1, keys: [], numbers: [] }))],
    ['nothing', () => Buffer.alloc(0)],
  ] as [string, (bytes: Buffer) => Buffer | void][])('treats an index with %s as none', async (_, damage) => {
    const store = await FactsStore.open(dir);
    for (const file of ['a.md', 'b.md']) store.add(request(file).key, texts(facts(file)));
    await store.close();
    const file = path.join(dir, 'facts.index');
    const bytes = await readFile(file);
    await writeFile(file, damage(bytes) ?? bytes);
    expect((await FactsStore.open(dir)).empty).toBe(true);
  });

  it('treats an entry with a number that is not a count as none, and keeps the others', async () => {
    const store = await FactsStore.open(dir);
    for (const file of ['a.md', 'b.md']) store.add(request(file).key, texts(facts(file)));
    await store.close();
    const file = path.join(dir, 'facts.index');
    const bytes = await readFile(file);
    bytes.writeDoubleLE(10.5, 32 + 8);
    bytes.writeUInt32LE(crc32(bytes.subarray(32)), 24);
    await writeFile(file, bytes);
    const again = await FactsStore.open(dir);
    expect(again.loadMany(['a.md', 'b.md'].map(request)).map((f) => f?.file)).toEqual([undefined, 'b.md']);
    expect(again.has(request('a.md').key)).toBe(false);
  });

  it('keys facts by code id, API version, content hash and page, with no two inputs meeting', () => {
    const keys = [
      factsKey('id', 'a.md', 'v1.0', 'hash'),
      factsKey('id2', 'a.md', 'v1.0', 'hash'),
      factsKey('id', 'a.md', 'beta', 'hash'),
      factsKey('id', 'a.md', 'v1.0', 'hash2'),
      factsKey('id', 'b.md', 'v1.0', 'hash'),
      factsKey('id', 'hash:a.md', 'v1.0', ''),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('saves the index with every entry and the run that last used it', async () => {
    let store = await FactsStore.open(dir);
    for (const file of ['a.md', 'b.md']) store.add(request(file).key, texts(facts(file)));
    await store.close();
    store = await FactsStore.open(dir);
    store.loadMany([request('b.md')]);
    await store.close();
    const index = readIndexFile(await readFile(path.join(dir, 'facts.index')));
    expect(index).toMatchObject({ run: 2, keys: [request('a.md').key, request('b.md').key] });
    expect(index.numbers.filter((_, i) => i % 7 === 6)).toEqual([1, 2]);
  });

  it('keeps entries marked as wanted by runs that did not load them', async () => {
    const big = 'x'.repeat(200_000);
    let store = await FactsStore.open(dir);
    for (let i = 0; i < 10; i++) store.add(request(`${i}.md`).key, texts(facts(`${i}.md`, big)));
    await store.close();
    const full = (await stat(path.join(dir, 'facts.pack'))).size;
    // Nine runs that load page 0 and keep page 3 (another API version's page, say): the others age out.
    for (let run = 0; run < 9; run++) {
      store = await FactsStore.open(dir);
      store.loadMany([request('0.md')]);
      store.keep([request('3.md').key]);
      await store.close();
    }
    expect((await stat(path.join(dir, 'facts.pack'))).size).toBeLessThan(full / 4);
    store = await FactsStore.open(dir);
    expect(store.loadMany(['0.md', '3.md', '5.md'].map(request), { detail: true }).map((f) => f?.file)).toEqual(['0.md', '3.md', undefined]);
  });

  it('compacts the pack once most of it is entries no recent run used', async () => {
    const big = 'x'.repeat(200_000);
    let store = await FactsStore.open(dir);
    for (let i = 0; i < 10; i++) store.add(request(`${i}.md`).key, texts(facts(`${i}.md`, big)));
    await store.close();
    const full = (await stat(path.join(dir, 'facts.pack'))).size;
    const fullDetail = (await stat(path.join(dir, 'facts.detail.pack'))).size;
    // Nine runs that use only page 0: the others age out.
    for (let run = 0; run < 9; run++) {
      store = await FactsStore.open(dir);
      expect(store.loadMany([request('0.md')])[0]?.file).toBe('0.md');
      await store.close();
    }
    expect((await stat(path.join(dir, 'facts.pack'))).size).toBeLessThan(full / 5);
    expect((await stat(path.join(dir, 'facts.detail.pack'))).size).toBeLessThan(fullDetail);
    store = await FactsStore.open(dir);
    expect(store.loadMany([request('0.md'), request('5.md')], { detail: true }).map((f) => f?.file)).toEqual(['0.md', undefined]);
  });
});
