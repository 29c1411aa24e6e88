/** Files replaced whole: a temporary sibling renamed into place, so a killed run leaves the old file or the new one. */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, content).catch(withPath(file));
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
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
