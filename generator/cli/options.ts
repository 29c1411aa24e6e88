/** Options every command takes. */
export interface CommonOptions {
  input: string;
  workers?: number;
  quiet?: boolean;
  debug?: boolean;
}

/** Where page facts and the last run's stamps are kept unless `--cache` says otherwise. */
export const DEFAULT_CACHE_DIR = '.docs2ts-cache';

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
