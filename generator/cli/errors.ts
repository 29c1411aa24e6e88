/**
 * What the command line prints for an error that ends a run, and its exit code
 * (always 2: usage and internal errors; 1 is kept for "the docs have errors").
 * Usage errors and file-system errors are one line naming the path and the fix;
 * anything else is an internal error, with the stack only under `--debug`.
 */
import { UsageError } from '../parse/input.js';

export interface ErrorReport {
  /** Lines for stderr, each ending in a newline. */
  text: string;
  exitCode: 2;
}

/** What a file-system error code means for the path it names, and what to do about it. */
const FILE_SYSTEM: Record<string, (file: string) => string> = {
  ENOENT: (file) => `${file} does not exist: check the path (its parent folder must exist)`,
  ENOTDIR: (file) => `${file}: a file is in the way where a folder is needed: pass a folder path, or move the file`,
  EISDIR: (file) => `${file} is a folder where a file is needed: pass a file path`,
  EEXIST: (file) => `${file} already exists and is in the way: move it or pass another path`,
  EACCES: (file) => `${file}: permission denied: pass a path you can write, or change its permissions`,
  EPERM: (file) => `${file}: operation not permitted: pass a path you can write, or change its permissions`,
  EROFS: (file) => `${file} is on a read-only file system: pass a writable path`,
  ENOSPC: (file) => `no space left on the device writing ${file}: free some space and run again`,
  EDQUOT: (file) => `disk quota exceeded writing ${file}: free some space and run again`,
  EMFILE: (file) => `too many open files while reading ${file}: raise the open-file limit (ulimit -n) or pass --workers 1`,
  ENAMETOOLONG: (file) => `${file}: the path is too long: pass a shorter path`,
  ELOOP: (file) => `${file}: too many symbolic links: fix the link`,
};

export function reportError(error: unknown, debug: boolean): ErrorReport {
  if (error instanceof UsageError) return { text: `docs2ts: ${error.message}\n`, exitCode: 2 };
  const fsError = error as NodeJS.ErrnoException & { dest?: string };
  const explain = typeof fsError?.code === 'string' ? FILE_SYSTEM[fsError.code] : undefined;
  const file = fsError?.dest ?? fsError?.path;
  if (explain && typeof file === 'string') {
    const stack = debug ? `${fsError.stack ?? ''}\n` : '';
    return { text: `docs2ts: ${explain(file)} (${fsError.code} in ${fsError.syscall ?? 'a file operation'})\n${stack}`, exitCode: 2 };
  }
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug ? `${(error as Error)?.stack ?? ''}\n` : '(run again with --debug for details)\n';
  return { text: `docs2ts: internal error: ${message}\n${stack}`, exitCode: 2 };
}
