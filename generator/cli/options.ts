/** Options every command takes. */
export interface CommonOptions {
  input: string;
  workers?: number;
  quiet?: boolean;
  debug?: boolean;
}

/** Where page facts and the last run's stamps are kept unless `--cache` says otherwise. */
export const DEFAULT_CACHE_DIR = '.docs2ts-cache';
/** The input and output folders unless a flag or the config (`config.ts`) says otherwise. */
export const DEFAULT_INPUT = 'docs-input';
export const DEFAULT_OUTPUT = 'generated';
/** How long a run waits for another on the same output folder or cache (`run-lock.ts`). */
export const DEFAULT_LOCK_WAIT_SECONDS = 60;

export function parseLockWait(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 3600) throw new Error(`--lock-wait takes a number of seconds from 0 to 3600, not ${value}`);
  return n;
}

export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--workers takes a whole number from 1 to 64, not ${value}`);
  return n;
}

export function parseMaxWarnings(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--max-warnings takes a whole number from 0, not ${value}`);
  return n;
}
