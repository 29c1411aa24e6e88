/**
 * What a `generate` run is asked (`GenerateOptions`, from the command line and
 * the config), as the pipeline's request and the locks it takes: shared by the
 * one-off run (`generate-command.ts`) and `--watch` (`watch.ts`).
 */
import path from 'node:path';
import type { GenerateRequest } from '../pipeline/generate.js';
import type { OutputOptions } from '../pipeline/output-options.js';
import { DEFAULT_CACHE_DIR, DEFAULT_LOCK_WAIT_SECONDS, type CommonOptions } from './options.js';

export interface GenerateOptions extends CommonOptions {
  out: string;
  check?: boolean;
  watch?: boolean;
  /** Cache folder; false with --no-cache. */
  cache?: string | false;
  /** Write into a folder holding files docs2ts did not write (they are kept). */
  force?: boolean;
  /** How long to wait for another run on the same output or cache, in seconds. */
  lockWait?: number;
  /** The slice, emitters and open-type policy (config and flags: `output-flags.ts`). */
  output?: OutputOptions;
}

/** The locks a run takes (`run-lock.ts`): its output folder and its cache. */
export function lockRequest(options: GenerateOptions, cacheDir: string | null) {
  return {
    out: options.out,
    cacheDir,
    waitMs: (options.lockWait ?? DEFAULT_LOCK_WAIT_SECONDS) * 1000,
    ...(options.quiet ? {} : { say: (line: string) => void process.stderr.write(line) }),
  };
}

export function generateRequest(options: GenerateOptions): GenerateRequest {
  return {
    input: options.input,
    out: options.out,
    check: options.check === true,
    // Absolute: a relative folder is made again from the working folder each time (Node's recursive mkdir retries forever where that folder is gone).
    cacheDir: options.cache === false ? null : path.resolve(options.cache ?? DEFAULT_CACHE_DIR),
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.output ? { output: options.output } : {}),
  };
}
