/**
 * What a run finds on disk before it compares with the last one: the input's
 * pages with their stamps, and the output folder's files with theirs (eleven
 * thousand pages: some 15,000 `stat` calls).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { listInput, pagesOf, type InputSet } from '../../parse/input.js';
import { hashOf } from '../../model/hash.js';
import { stampOf, type FileStamp } from './run-manifest.js';
import { listFiles } from '../output-dir.js';

export interface Survey {
  set: InputSet;
  /** Each page's stamp, in `set.pages` order; undefined when it cannot be stat'ed or is not a regular file. */
  pageStamps: (FileStamp | undefined)[];
  output: OutputListing;
}

export interface OutputListing {
  /** Files in the output folder, sorted. */
  present: string[];
  /** Their stamps; undefined for files that cannot be stat'ed. */
  stamps: Map<string, FileStamp | undefined>;
}

/** Takes a survey of `input` (a docs root as the user gave it) and `out`. */
export async function survey(input: string, out: string): Promise<Survey> {
  const set = pagesOf(await listInput(input), input);
  return { set, pageStamps: set.pages.map((page) => stampFile(page.absolutePath)), output: listOutput(out) };
}

/**
 * Watch mode: the last survey with only the pages the watcher reported changed
 * stat'ed again (`changed`: absolute paths), and the output folder listed anew.
 * Undefined, for a full survey, when a reported path is not a page of the last
 * survey or no longer a file (a page added or removed, an include, a folder).
 */
export function resurvey(last: Survey, changed: ReadonlySet<string>, out: string): Survey | undefined {
  const index = new Map(last.set.pages.map((page, i) => [page.absolutePath, i]));
  const pageStamps = [...last.pageStamps];
  for (const file of changed) {
    const i = index.get(file);
    const stamp = i === undefined ? undefined : stampFile(file);
    if (!stamp) return undefined;
    pageStamps[i!] = stamp;
  }
  return { set: last.set, pageStamps, output: listOutput(out) };
}

/** The output folder's files and their stamps. */
export function listOutput(out: string): OutputListing {
  const present = listFiles(out);
  return { present, stamps: new Map(present.map((file) => [file, stampFile(path.join(out, file))])) };
}

/** A regular file's stamp; undefined when it cannot be stat'ed or is not a regular file (a named pipe would block a read). */
export function stampFile(file: string): FileStamp | undefined {
  try {
    const info = statSync(file);
    return info.isFile() ? stampOf(info) : undefined;
  } catch {
    return undefined;
  }
}

/** The file's content hash; undefined when it cannot be read. */
export function hashFile(file: string): string | undefined {
  try {
    return hashOf(readFileSync(file));
  } catch {
    return undefined;
  }
}
