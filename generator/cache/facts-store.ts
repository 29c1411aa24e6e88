/**
 * Page facts cached by key (`factsKey`: generator code, page path, API version,
 * content hash). One append-only pack holds the facts as JSON texts; an index
 * maps key → [offset, length, crc32, last run]. Every entry is checked on load
 * (index shape, bounds, checksum, JSON, the page it claims to be), and anything
 * that does not check out is a miss: extracted again, never trusted.
 *
 * JSON rather than `v8.serialize`: on this corpus JSON.parse of the facts is two
 * to three times faster than v8.deserialize. One pack rather than a file per
 * page: one read instead of eleven thousand. Two runs sharing a cache folder at
 * once can lose each other's entries (last index wins), which costs only misses.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { PageFacts } from '../extract/facts.js';
import { hashOf } from './hash.js';
import { writeAtomic } from './write-atomic.js';

type IndexEntry = [offset: number, length: number, crc: number, lastRun: number];

interface IndexFile {
  format: typeof FORMAT;
  run: number;
  entries: Record<string, IndexEntry>;
}

const FORMAT = 1;
/** Entries unused for this many runs are dropped when the pack is compacted. */
const KEEP_RUNS = 8;
/** Buffered appends are written in pieces of about this size. */
const FLUSH_BYTES = 8 * 1024 * 1024;

export interface FactsRequest {
  key: string;
  file: string;
  apiVersion: string;
}

export function factsKey(factsId: string, file: string, apiVersion: string, contentHash: string): string {
  return hashOf(factsId, file, apiVersion, contentHash);
}

export class FactsStore {
  private pending: { key: string; text: Buffer }[] = [];
  private pendingBytes = 0;
  private readonly used = new Set<string>();
  private pack: Buffer | undefined;
  /** Set when the index did not load: the pack is then started afresh. */
  private fresh: boolean;

  private constructor(
    private readonly dir: string,
    private readonly index: IndexFile,
    fresh: boolean,
  ) {
    this.fresh = fresh;
  }

  static async open(dir: string): Promise<FactsStore> {
    await mkdir(dir, { recursive: true });
    const index = readIndex(path.join(dir, 'facts.index.json'));
    return new FactsStore(dir, index ?? { format: FORMAT, run: 0, entries: {} }, index === undefined);
  }

  /** True when no entry can hit (then pages are not hashed ahead of extraction). */
  get empty(): boolean {
    return Object.keys(this.index.entries).length === 0;
  }

  /** Whether the index has an entry for the key (it may still fail its checks when loaded). */
  has(key: string): boolean {
    return Object.hasOwn(this.index.entries, key);
  }

  private get packFile(): string {
    return path.join(this.dir, 'facts.pack');
  }

  /** Facts for each request, or undefined where the cache has none that checks out. */
  loadMany(requests: readonly FactsRequest[]): (PageFacts | undefined)[] {
    const hits = requests.map((request) => this.index.entries[request.key]);
    const bytes = hits.reduce((n, entry) => n + (entry?.[1] ?? 0), 0);
    if (bytes === 0) return requests.map(() => undefined);
    let fd: number | undefined;
    try {
      fd = openSync(this.packFile, 'r');
    } catch {
      return requests.map(() => undefined);
    }
    try {
      const size = fstatSync(fd).size;
      // The whole pack in one read when the hits are a good part of it, else one positioned read per entry.
      if (this.pack === undefined && bytes * 4 >= size) this.pack = readFileSync(fd);
      return requests.map((request, i) => {
        const entry = hits[i];
        if (!entry) return undefined;
        const facts = decode(this.pack ? slice(this.pack, entry) : readAt(fd!, size, entry), entry, request);
        if (facts) this.used.add(request.key);
        else delete this.index.entries[request.key];
        return facts;
      });
    } finally {
      closeSync(fd);
    }
  }

  /** Queues facts (as the JSON text the worker made) for the pack. */
  add(key: string, json: string): void {
    const text = Buffer.from(json);
    this.pending.push({ key, text });
    this.used.add(key);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const fd = openSync(this.packFile, this.fresh ? 'w' : 'a');
    this.fresh = false;
    try {
      let offset = fstatSync(fd).size;
      for (const { key, text } of this.pending) {
        writeSync(fd, text);
        this.index.entries[key] = [offset, text.length, crc32(text), this.index.run + 1];
        offset += text.length;
      }
    } finally {
      closeSync(fd);
    }
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Writes what is queued, marks what this run used, compacts when mostly stale, saves the index. */
  async close(): Promise<void> {
    this.flush();
    const run = ++this.index.run;
    for (const key of this.used) {
      const entry = this.index.entries[key];
      if (entry) entry[3] = run;
    }
    const live = Object.entries(this.index.entries).filter(([, entry]) => entry[3] > run - KEEP_RUNS);
    const liveBytes = live.reduce((n, [, entry]) => n + entry[1], 0);
    const size = await stat(this.packFile).then((info) => info.size, () => 0);
    if (size > 2 * liveBytes + 1024 * 1024) await this.compact(live);
    await writeAtomic(path.join(this.dir, 'facts.index.json'), JSON.stringify(this.index));
    this.pack = undefined;
  }

  private async compact(live: [string, IndexEntry][]): Promise<void> {
    const pack = this.pack ?? readFileSync(this.packFile);
    const pieces: Buffer[] = [];
    const entries: Record<string, IndexEntry> = {};
    let offset = 0;
    for (const [key, [start, length, crc, lastRun]] of live) {
      if (start + length > pack.length) continue;
      pieces.push(pack.subarray(start, start + length));
      entries[key] = [offset, length, crc, lastRun];
      offset += length;
    }
    await writeAtomic(this.packFile, Buffer.concat(pieces));
    this.index.entries = entries;
  }
}

function slice(pack: Buffer, [offset, length]: IndexEntry): Buffer | undefined {
  return offset + length <= pack.length ? pack.subarray(offset, offset + length) : undefined;
}

function readAt(fd: number, size: number, [offset, length]: IndexEntry): Buffer | undefined {
  if (offset + length > size) return undefined;
  const buffer = Buffer.allocUnsafe(length);
  return readSync(fd, buffer, 0, length, offset) === length ? buffer : undefined;
}

function decode(bytes: Buffer | undefined, entry: IndexEntry, request: FactsRequest): PageFacts | undefined {
  if (!bytes || crc32(bytes) !== entry[2]) return undefined;
  try {
    const facts = JSON.parse(bytes.toString('utf8')) as PageFacts;
    const ok = typeof facts === 'object' && facts !== null && facts.file === request.file && facts.apiVersion === request.apiVersion && Array.isArray(facts.diagnostics);
    return ok ? facts : undefined;
  } catch {
    return undefined;
  }
}

function readIndex(file: string): IndexFile | undefined {
  try {
    const index = JSON.parse(readFileSync(file, 'utf8')) as IndexFile;
    if (index?.format !== FORMAT || !Number.isInteger(index.run) || typeof index.entries !== 'object' || index.entries === null) return undefined;
    for (const entry of Object.values(index.entries)) {
      if (!Array.isArray(entry) || entry.length !== 4 || !entry.every((n) => Number.isInteger(n) && n >= 0)) return undefined;
    }
    return index;
  } catch {
    return undefined;
  }
}
