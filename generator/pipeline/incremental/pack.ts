/**
 * Append-only pack files of JSON texts, each text found by its span (offset,
 * length, crc32): the facts cache keeps two. Readers check
 * a text's checksum before trusting it (`decode`), so a pack that does not hold
 * what its index says only costs a miss.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { Span } from './facts-index.js';
import { writeAtomic } from '../write-atomic.js';

/** Spans of a pack at most this far apart are read in one piece (`readNear`). */
const NEAR_BYTES = 4 * 1024;

/** One append-only pack file of JSON texts. */
export class Pack {
  /** The whole file, when read whole for compaction (forgotten when appended to). */
  private whole: Buffer | undefined;

  constructor(private readonly file: string) {}

  /** The bytes of each span (undefined where there is no span or the file lacks it). */
  readMany(spans: readonly (Span | undefined)[]): (Buffer | undefined)[] {
    const bytes = spans.reduce((n, span) => n + (span?.[1] ?? 0), 0);
    if (bytes === 0) return spans.map(() => undefined);
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch {
      return spans.map(() => undefined);
    }
    try {
      return readNear(fd, fstatSync(fd).size, spans);
    } finally {
      closeSync(fd);
    }
  }

  /** Appends the texts (to an emptied file when `fresh`); their spans. */
  append(texts: readonly Buffer[], fresh: boolean): Span[] {
    this.whole = undefined;
    const fd = openSync(this.file, fresh ? 'w' : 'a');
    try {
      let offset = fstatSync(fd).size;
      return texts.map((text) => {
        writeSync(fd, text);
        const span: Span = [offset, text.length, crc32(text)];
        offset += text.length;
        return span;
      });
    } finally {
      closeSync(fd);
    }
  }

  size(): Promise<number> {
    return stat(this.file).then((info) => info.size, () => 0);
  }

  /** Whether the file (as read for compaction) holds the span's bytes. */
  holds([offset, length]: Span): boolean {
    return offset + length <= this.readWhole().length;
  }

  /** Rewrites the file with these spans only, in order; their new spans. */
  async rewrite(spans: readonly Span[]): Promise<Span[]> {
    const whole = this.readWhole();
    let offset = 0;
    const out = spans.map(([, length, crc]): Span => {
      const span: Span = [offset, length, crc];
      offset += length;
      return span;
    });
    await writeAtomic(this.file, Buffer.concat(spans.map(([start, length]) => whole.subarray(start, start + length))));
    this.whole = undefined;
    return out;
  }

  private readWhole(): Buffer {
    if (this.whole === undefined) {
      try {
        this.whole = readFileSync(this.file);
      } catch {
        this.whole = Buffer.alloc(0);
      }
    }
    return this.whole;
  }

  forget(): void {
    this.whole = undefined;
  }
}

function slice(pack: Buffer, [offset, length]: Span): Buffer | undefined {
  return offset + length <= pack.length ? pack.subarray(offset, offset + length) : undefined;
}

/**
 * The bytes of each span, spans at most `NEAR_BYTES` apart read in one piece: a
 * positioned read costs about as much as copying 5 KB, and reading the bytes
 * between spans costs about 1.5 ms per MB. Pages cached together lie together:
 * on the corpus the 3,300 v1.0 spans were two reads instead of 3,300 (~35 ->
 * ~12 ms), the 8,000 beta spans two where reading the whole 43 MB pack took
 * ~50-75 ms (~45 ms); spans between others' are read one by one, as before.
 */
function readNear(fd: number, size: number, spans: readonly (Span | undefined)[]): (Buffer | undefined)[] {
  const out: (Buffer | undefined)[] = spans.map(() => undefined);
  const order = spans.flatMap((span, i) => (span && span[0] + span[1] <= size ? [i] : [])).sort((a, b) => spans[a]![0] - spans[b]![0]);
  for (let first = 0; first < order.length; ) {
    const start = spans[order[first]!]![0];
    let end = start + spans[order[first]!]![1];
    let last = first + 1;
    for (; last < order.length && spans[order[last]!]![0] <= end + NEAR_BYTES; last++) end = Math.max(end, spans[order[last]!]![0] + spans[order[last]!]![1]);
    const piece = Buffer.allocUnsafe(end - start);
    let read = 0;
    for (let n = -1; read < piece.length && n !== 0; read += n) n = readSync(fd, piece, read, piece.length - read, start + read);
    if (read === piece.length) {
      for (let k = first; k < last; k++) out[order[k]!] = slice(piece, [spans[order[k]!]![0] - start, spans[order[k]!]![1], 0]);
    }
    first = last;
  }
  return out;
}

/** The JSON value of a text that passes its checksum, or undefined. */
export function decode(bytes: Buffer | undefined, [, , crc]: Span): unknown {
  if (!bytes || crc32(bytes) !== crc) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
