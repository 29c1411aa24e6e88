/**
 * The one way a file is replaced whole: written to a temporary file, flushed
 * to the disk (fsync), then renamed into place, so a killed run or a power
 * loss leaves the old file or the new one, never a torn or empty one. Output
 * folders swapped by rename (`pipeline/output-dir.ts`) are the folder-level
 * counterpart; every single file replaced goes through here.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `file` with `content`. `temporary` is where the content is written
 * first (default: a unique sibling of `file`); it must be on the same file system.
 */
export async function writeAtomic(file: string, content: string | Uint8Array, temporary = temporaryBeside(file)): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // `flush` (Node 20.10+) syncs the file before the handle closes; an older Node 20 ignores it (atomic, not durable).
    await writeFile(temporary, content, { flush: true }).catch(withPath(file));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function temporaryBeside(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/**
 * Rethrows a file-system error with the file it was about: a failed write
 * (ENOSPC, EDQUOT, ...) names no path, and the user needs one (`cli/errors.ts`).
 */
export function withPath(file: string): (error: unknown) => never {
  return (error) => {
    const fsError = error as NodeJS.ErrnoException;
    if (fsError && typeof fsError.code === 'string' && typeof fsError.path !== 'string') fsError.path = file;
    throw error;
  };
}
