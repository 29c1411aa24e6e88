/**
 * Hands rendered files to the pool's prettier in batches, while this thread
 * renders the next ones. A pool thread gets its next task only when this thread
 * answers its last one, which waits for the file being printed: with a task per
 * file, each pool thread sat idle for a fifth of the corpus render. So a task
 * carries a batch: a share of the waiting text (`batchBytes`), largest files
 * first, no more tasks out than threads. Batches grow while rendering outpaces
 * prettier and shrink once all is rendered, so the last tasks are small ones
 * and no thread is left alone with a large file at the end.
 */
import type { EmittedFile } from '../emit/emitter.js';

/** What the feed needs of `WorkerPool`. */
export interface FormatPool {
  readonly threads: number;
  format(files: EmittedFile[]): Promise<string[]>;
}

/** A batch holds at most this much text (a larger file goes alone)... */
export const MAX_BATCH_BYTES = 512 * 1024;
/** ...and at least this much while that much waits. */
export const MIN_BATCH_BYTES = 32 * 1024;

/** Bytes of the next batch: a share of the waiting text, so that every thread gets several more tasks. */
export function batchBytes(waitingBytes: number, threads: number): number {
  return Math.min(MAX_BATCH_BYTES, Math.max(MIN_BATCH_BYTES, Math.ceil(waitingBytes / (2 * threads))));
}

export class FormatFeed {
  private waiting: EmittedFile[] = [];
  private waitingBytes = 0;
  private inFlight = 0;
  private closed = false;
  private failure: { error: unknown } | undefined;
  private settle: { resolve: () => void; reject: (error: unknown) => void } | undefined;

  constructor(
    private readonly pool: FormatPool,
    private readonly onFormatted: (path: string, content: string) => void,
  ) {}

  add(file: EmittedFile): void {
    this.waiting.push(file);
    this.waitingBytes += file.content.length;
    this.dispatch();
  }

  /** Resolves once every file added is formatted (rejects with the first failure). */
  close(): Promise<void> {
    this.closed = true;
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.failure === undefined) {
      while (this.waiting.length > 0 && this.inFlight < this.pool.threads) this.send(this.take(batchBytes(this.waitingBytes, this.pool.threads)));
    }
    if (!this.closed || !this.settle || this.inFlight > 0) return;
    if (this.failure) this.settle.reject(this.failure.error);
    else if (this.waiting.length === 0) this.settle.resolve();
  }

  /** The largest waiting files, up to `bytes` (at least one file). */
  private take(bytes: number): EmittedFile[] {
    this.waiting.sort((a, b) => b.content.length - a.content.length);
    let count = 0;
    let taken = 0;
    while (count < this.waiting.length && (count === 0 || taken + this.waiting[count]!.content.length <= bytes)) taken += this.waiting[count++]!.content.length;
    this.waitingBytes -= taken;
    return this.waiting.splice(0, count);
  }

  private send(batch: EmittedFile[]): void {
    this.inFlight++;
    this.pool.format(batch).then(
      (contents) => {
        this.inFlight--;
        batch.forEach((file, i) => this.onFormatted(file.path, contents[i]!));
        this.dispatch();
      },
      (error: unknown) => {
        this.inFlight--;
        this.failure ??= { error };
        this.dispatch();
      },
    );
  }
}
