/**
 * Writes an output folder that holds files docs2ts did not write (`--force`, or
 * files added to it by hand): those are never moved, so the folder is not
 * swapped; each new file is written beside the folder and renamed over its old
 * self, and files of the last output no longer generated are removed. The
 * marker lists the old and the new files while this happens, so a run killed
 * midway leaves no file of its own unlisted (the next run finishes the job).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { withPath, writeAtomic } from './write-atomic.js';
import { markerText, OUTPUT_MARKER } from './output-owner.js';

/** A file of the new folder; `content: null` keeps the current folder's file as it is (the caller knows it is unchanged). */
export interface OutputFile {
  path: string;
  content: string | null;
}

export interface WriteReport {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export interface InPlaceOptions {
  /** The marker's final text. */
  marker: string;
  /** A temporary file beside the folder for the i-th file written. */
  temporary: (i: number) => string;
}

export async function writeInPlace(target: string, files: readonly OutputFile[], previous: ReadonlySet<string>, options: InPlaceOptions): Promise<WriteReport> {
  const report: WriteReport = { written: [], unchanged: [], removed: [] };
  const wanted = new Set(files.map((file) => file.path));
  await writeAtomic(path.join(target, OUTPUT_MARKER), markerText([...new Set([...previous, ...wanted])]));
  let i = 0;
  for (const file of files) {
    const destination = path.join(target, file.path);
    if (file.content === null || (await readFile(destination, 'utf8').catch(() => undefined)) === file.content) {
      report.unchanged.push(file.path);
      continue;
    }
    await writeAtomic(destination, file.content, options.temporary(i++));
    report.written.push(file.path);
  }
  for (const file of [...previous].filter((file) => !wanted.has(file)).sort()) {
    await rm(path.join(target, file), { force: true });
    report.removed.push(file);
  }
  await writeAtomic(path.join(target, OUTPUT_MARKER), options.marker);
  return report;
}
