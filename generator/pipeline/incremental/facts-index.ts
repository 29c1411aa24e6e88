/**
 * The index of the facts cache (`facts-store.ts`): for each key, where the
 * page's core and detail texts are in their packs (offset, length, crc32 each)
 * and the last run that used them.
 *
 * On disk one binary file, written whole: a header (magic, format, run, entry
 * count, key bytes, crc32 of the rest), the numbers as float64s, then the keys
 * joined by NUL. In memory each key maps to a slot of those numbers, and an
 * entry becomes an array, checked, only when asked for. Read and written so,
 * the corpus index (eleven thousand entries) costs a few milliseconds a run;
 * as JSON it cost tens, most of it building and checking every entry.
 */
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** Where one text is in its pack. */
export type Span = [offset: number, length: number, crc: number];
export type IndexEntry = [...core: Span, ...detail: Span, lastRun: number];

/**
 * 3: keys joined rather than hashed, this binary index (`facts.index`); 2 had
 * SHA-1 keys in `facts.index.json`, 1 whole facts in one pack.
 */
export const FORMAT = 3;
const ENTRY_LENGTH = 7;
export const LAST_RUN = 6;
const MAGIC = 'docs2tsF';
const HEADER_BYTES = 32;

export class FactsIndex {
  /** Slots in use, deleted ones included: the numbers of slot `s` are at `s * ENTRY_LENGTH`. */
  private count: number;

  private constructor(
    public run: number,
    private readonly slots: Map<string, number>,
    private numbers: Float64Array,
  ) {
    this.count = numbers.length / ENTRY_LENGTH;
  }

  static empty(): FactsIndex {
    return new FactsIndex(0, new Map(), new Float64Array(0));
  }

  /** The index in a file, or undefined when it is missing, unreadable, of another format or damaged anywhere. */
  static read(file: string): FactsIndex | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC || bytes.readUInt32LE(8) !== FORMAT) return undefined;
    const [run, count, keyBytes, crc] = [12, 16, 20, 24].map((offset) => bytes.readUInt32LE(offset)) as [number, number, number, number];
    const keysAt = HEADER_BYTES + count * ENTRY_LENGTH * 8;
    if (bytes.length !== keysAt + keyBytes || crc32(bytes.subarray(HEADER_BYTES)) !== crc) return undefined;
    const keys = count === 0 ? [] : bytes.toString('utf8', keysAt).split('\0');
    if (keys.length !== count) return undefined;
    const slots = new Map<string, number>();
    for (let i = 0; i < count; i++) slots.set(keys[i]!, i);
    if (slots.size !== count) return undefined;
    // A copy (float64s need an aligned offset, and the index grows in place).
    const numbers = new Float64Array(count * ENTRY_LENGTH);
    new Uint8Array(numbers.buffer).set(bytes.subarray(HEADER_BYTES, keysAt));
    return new FactsIndex(run, slots, numbers);
  }

  /** The file `read` reads. Keys hold no NUL (`factsKey`: hex, a version, a path). */
  bytes(): Buffer {
    const keys = Buffer.from([...this.slots.keys()].join('\0'));
    const size = this.slots.size;
    const bytes = Buffer.alloc(HEADER_BYTES + size * ENTRY_LENGTH * 8 + keys.length);
    const numbers = new Float64Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, size * ENTRY_LENGTH);
    if (size === this.count) numbers.set(this.numbers.subarray(0, size * ENTRY_LENGTH));
    else {
      let j = 0;
      for (const slot of this.slots.values()) for (let k = slot * ENTRY_LENGTH; k < (slot + 1) * ENTRY_LENGTH; k++) numbers[j++] = this.numbers[k]!;
    }
    keys.copy(bytes, HEADER_BYTES + size * ENTRY_LENGTH * 8);
    bytes.write(MAGIC, 0, 'latin1');
    [FORMAT, this.run, size, keys.length].forEach((n, i) => bytes.writeUInt32LE(n, 8 + 4 * i));
    bytes.writeUInt32LE(crc32(bytes.subarray(HEADER_BYTES)), 24);
    return bytes;
  }

  get size(): number {
    return this.slots.size;
  }

  has(key: string): boolean {
    return this.slots.has(key);
  }

  /** The entry, or undefined when there is none or its numbers are not all counts. */
  get(key: string): IndexEntry | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    const entry: number[] = [];
    for (let i = slot * ENTRY_LENGTH; i < (slot + 1) * ENTRY_LENGTH; i++) {
      const n = this.numbers[i]!;
      if (!Number.isSafeInteger(n) || n < 0) return undefined;
      entry.push(n);
    }
    return entry as IndexEntry;
  }

  set(key: string, entry: IndexEntry): void {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.count++;
      if (this.count * ENTRY_LENGTH > this.numbers.length) {
        const grown = new Float64Array(Math.max(64, 2 * this.count) * ENTRY_LENGTH);
        grown.set(this.numbers);
        this.numbers = grown;
      }
      this.slots.set(key, slot);
    }
    this.numbers.set(entry, slot * ENTRY_LENGTH);
  }

  delete(key: string): void {
    this.slots.delete(key);
  }

  /** Records that `run` used the key's entry, if there is one. */
  markUsed(key: string, run: number): void {
    const slot = this.slots.get(key);
    if (slot !== undefined) this.numbers[slot * ENTRY_LENGTH + LAST_RUN] = run;
  }

  /** Bytes of text (core and detail) of the entries last used after `run`: whether compacting is worth it. */
  liveBytes(run: number): number {
    let bytes = 0;
    for (const slot of this.slots.values()) {
      const at = slot * ENTRY_LENGTH;
      if (this.numbers[at + LAST_RUN]! > run) bytes += this.numbers[at + 1]! + this.numbers[at + 4]!;
    }
    return bytes;
  }

  /** Every entry that checks out (as `get`), in insertion order. */
  entries(): [string, IndexEntry][] {
    const out: [string, IndexEntry][] = [];
    for (const key of this.slots.keys()) {
      const entry = this.get(key);
      if (entry) out.push([key, entry]);
    }
    return out;
  }
}
