/**
 * Page facts cached by key (`factsKey`: generator code, API version, content
 * hash, page path). Each page's facts are two JSON texts (`model/facts-parts.ts`):
 * the core, which `generate` reads, in one append-only pack, and the detail,
 * which only `check` and `model` add to it, in another; so `generate` reads and
 * parses less than half of the bytes. An index (`facts-index.ts`) maps key →
 * where both texts are, their checksums and the last run that used them. Every
 * entry is checked on load (index checksum and shape, bounds, checksum, JSON,
 * the page it claims to be, the detail fitting its core), and anything that
 * does not check out is a miss: extracted again, never trusted.
 *
 * JSON rather than `v8.serialize`: on this corpus JSON.parse of the facts is two
 * to three times faster than v8.deserialize. Packs rather than a file per page:
 * one read instead of eleven thousand. Two runs sharing a cache folder at once
 * can lose each other's entries (last index wins), which costs only misses.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PageFacts } from '../../extract/facts.js';
import { joinFacts } from '../../model/facts-parts.js';
import { FactsIndex, LAST_RUN, type IndexEntry, type Span } from './facts-index.js';
import { decode, Pack } from './pack.js';
import { writeAtomic } from '../write-atomic.js';

const INDEX_FILE = 'facts.index';
/** The index of format 2 and before, removed when an index is saved. */
const OLD_INDEX_FILE = 'facts.index.json';
/** Entries unused for this many runs are dropped when the packs are compacted. */
const KEEP_RUNS = 8;
/** Buffered appends are written in pieces of about this size. */
const FLUSH_BYTES = 8 * 1024 * 1024;

export interface FactsRequest {
  key: string;
  file: string;
  apiVersion: string;
}

/** A page's facts as the two JSON texts `extractPageFile` makes. */
export interface FactsTexts {
  core: string;
  detail: string;
}

/**
 * The cache key of a page's facts. A plain join, not a digest (a SHA-1 per page
 * cost a tenth of a second per run on the corpus): the code id and the content
 * hash are hex and an API version has no `:`, so the page path, last, cannot
 * make two keys meet.
 */
export function factsKey(factsId: string, file: string, apiVersion: string, contentHash: string): string {
  return `${factsId}:${apiVersion}:${contentHash}:${file}`;
}

export class FactsStore {
  private pending: { key: string; core: Buffer; detail: Buffer }[] = [];
  private pendingBytes = 0;
  private readonly used = new Set<string>();
  private readonly core: Pack;
  private readonly detail: Pack;
  /** Set when the index did not load: the packs are then started afresh. */
  private fresh: boolean;

  private constructor(
    private readonly dir: string,
    private index: FactsIndex,
    fresh: boolean,
  ) {
    this.fresh = fresh;
    this.core = new Pack(path.join(dir, 'facts.pack'));
    this.detail = new Pack(path.join(dir, 'facts.detail.pack'));
  }

  static async open(dir: string): Promise<FactsStore> {
    await mkdir(dir, { recursive: true });
    const index = FactsIndex.read(path.join(dir, INDEX_FILE));
    return new FactsStore(dir, index ?? FactsIndex.empty(), index === undefined);
  }

  /** True when no entry can hit (then pages are not hashed ahead of extraction). */
  get empty(): boolean {
    return this.index.size === 0;
  }

  /** Whether the index has an entry for the key (it may still fail its checks when loaded). */
  has(key: string): boolean {
    return this.index.has(key);
  }

  /**
   * Facts for each request, or undefined where the cache has none that checks out.
   * Only the core (`model/facts-parts.ts`) unless `detail` is set: then the whole facts.
   * `use: false` reads them without counting them as used by this run (they may age out).
   */
  loadMany(requests: readonly FactsRequest[], { detail = false, use = true }: { detail?: boolean; use?: boolean } = {}): (PageFacts | undefined)[] {
    const hits = requests.map((request) => this.index.get(request.key));
    const cores = this.core.readMany(hits.map((entry) => entry && coreSpan(entry)));
    const details = detail ? this.detail.readMany(hits.map((entry) => entry && detailSpan(entry))) : undefined;
    return requests.map((request, i) => {
      const entry = hits[i];
      if (!entry) {
        // No entry, or one whose numbers do not check out.
        this.index.delete(request.key);
        return undefined;
      }
      let facts = decodeCore(cores[i], coreSpan(entry), request);
      if (facts && details) facts = joinFacts(facts, decode(details[i], detailSpan(entry)));
      if (!facts) this.index.delete(request.key);
      else if (use) this.used.add(request.key);
      return facts;
    });
  }

  /**
   * Marks entries as still wanted although this run did not load them (the pages
   * of API versions it did not link), so they do not age out: a run that loads
   * nothing of an entry is otherwise taken as not using it.
   */
  keep(keys: Iterable<string>): void {
    for (const key of keys) if (this.has(key)) this.used.add(key);
  }

  /** Queues facts (as the JSON texts the worker made) for the packs. */
  add(key: string, texts: FactsTexts): void {
    const core = Buffer.from(texts.core);
    const detail = Buffer.from(texts.detail);
    this.pending.push({ key, core, detail });
    this.used.add(key);
    this.pendingBytes += core.length + detail.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const cores = this.core.append(this.pending.map((p) => p.core), this.fresh);
    const details = this.detail.append(this.pending.map((p) => p.detail), this.fresh);
    this.fresh = false;
    this.pending.forEach(({ key }, i) => this.index.set(key, [...cores[i]!, ...details[i]!, this.index.run + 1]));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Writes what is queued, marks what this run used, compacts when mostly stale, saves the index. */
  async close(): Promise<void> {
    this.flush();
    const run = ++this.index.run;
    for (const key of this.used) this.index.markUsed(key, run);
    const size = (await this.core.size()) + (await this.detail.size());
    if (size > 2 * this.index.liveBytes(run - KEEP_RUNS) + 1024 * 1024) await this.compact(this.index.entries().filter(([, entry]) => entry[LAST_RUN] > run - KEEP_RUNS));
    await writeAtomic(path.join(this.dir, INDEX_FILE), this.index.bytes());
    await rm(path.join(this.dir, OLD_INDEX_FILE), { force: true });
    this.core.forget();
    this.detail.forget();
  }

  /** Rewrites both packs with the live entries only; an entry either pack lacks is dropped. */
  private async compact(live: [string, IndexEntry][]): Promise<void> {
    const present = ([, entry]: [string, IndexEntry]) => this.core.holds(coreSpan(entry)) && this.detail.holds(detailSpan(entry));
    const kept = live.filter(present);
    const cores = await this.core.rewrite(kept.map(([, entry]) => coreSpan(entry)));
    const details = await this.detail.rewrite(kept.map(([, entry]) => detailSpan(entry)));
    const index = FactsIndex.empty();
    index.run = this.index.run;
    kept.forEach(([key, entry], i) => index.set(key, [...cores[i]!, ...details[i]!, entry[LAST_RUN]]));
    this.index = index;
  }
}

function coreSpan(entry: IndexEntry): Span {
  return [entry[0], entry[1], entry[2]];
}

function detailSpan(entry: IndexEntry): Span {
  return [entry[3], entry[4], entry[5]];
}

function decodeCore(bytes: Buffer | undefined, span: Span, request: FactsRequest): PageFacts | undefined {
  const facts = decode(bytes, span) as PageFacts | undefined;
  const ok = typeof facts === 'object' && facts !== null && facts.file === request.file && facts.apiVersion === request.apiVersion && Array.isArray(facts.diagnostics);
  return ok ? facts : undefined;
}
