/**
 * The print memos (`emit/print-memo.ts`) of a run's output files, kept in the
 * cache between runs: one file per output file, read when that file is rendered
 * again, rewritten when its render printed a statement the memo did not have.
 *
 * A memo file is a header line (format, the generator's emit code id, the output
 * path, the hash of the rest) and the memo's entries as JSON. A memo made by other
 * code, for another path, cut short or altered is not used: the file is then
 * printed whole again, which costs only time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hashOf } from '../cache/hash.js';
import { writeAtomic } from '../cache/write-atomic.js';
import { PrintMemo } from '../emit/print-memo.js';

const FORMAT = 1;

/** The memo folder of the (input, output) pair whose run manifest is `manifestFile`. */
export function printMemoFolder(manifestFile: string): string {
  return path.join(path.dirname(manifestFile), '..', 'print', path.basename(manifestFile, '.json'));
}

interface Header {
  format: number;
  code: string;
  file: string;
  check: string;
}

export class PrintMemos {
  private readonly saving: Promise<void>[] = [];

  /** `dir`: this (input, output) pair's memo folder; `code`: the generator's emit code id. */
  constructor(
    private readonly dir: string,
    private readonly code: string,
  ) {}

  /** The memo the last run saved for output file `file`, read on its first use; empty when there is none fit to use. */
  memo(file: string): PrintMemo {
    return new PrintMemo(() => this.read(file));
  }

  /** Saves the memo of `file` when its render printed something it did not have (off this thread's critical path: see `settled`). */
  save(file: string, memo: PrintMemo): void {
    if (memo.printed === 0) return;
    const body = JSON.stringify(memo.entries());
    const header: Header = { format: FORMAT, code: this.code, file, check: hashOf(body) };
    // A memo that cannot be saved costs the next run only time.
    this.saving.push(writeAtomic(this.fileOf(file), `${JSON.stringify(header)}\n${body}`).catch(() => undefined));
  }

  /** When every memo given to `save` is written (or failed to be). */
  async settled(): Promise<void> {
    await Promise.all(this.saving);
  }

  private read(file: string): [string, string][] {
    try {
      const text = readFileSync(this.fileOf(file), 'utf8');
      const end = text.indexOf('\n');
      if (end < 0) return [];
      const header = JSON.parse(text.slice(0, end)) as Partial<Header>;
      const body = text.slice(end + 1);
      if (header.format !== FORMAT || header.code !== this.code || header.file !== file || header.check !== hashOf(body)) return [];
      const entries = JSON.parse(body) as unknown;
      return Array.isArray(entries) && entries.every(isEntry) ? entries : [];
    } catch {
      return [];
    }
  }

  private fileOf(file: string): string {
    return path.join(this.dir, `${hashOf(file).slice(0, 24)}.memo`);
  }
}

function isEntry(entry: unknown): entry is [string, string] {
  return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string';
}
