/**
 * What a run finds on disk before it compares with the last one: the input's
 * pages with their stamps, and the output folder's files with theirs. Eleven
 * thousand pages are some 15,000 `stat` calls, a sixth of a second that an edit
 * run spends waiting on the kernel; the side thread (`side-thread.ts`) takes a
 * survey while this thread reads the last run's manifest and loads modules.
 *
 * In the thread the survey is packed (`packSurvey`): file names joined in one
 * string and stamps in one array, which cross threads a hundred times faster
 * than eleven thousand objects (20-35 ms to copy in, here). Both sides tell
 * pages apart with the same `pagesOf`, so the page stamps line up.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { listInput, MAX_PAGE_BYTES, pagesOf, type InputListing, type InputPage, type InputSet } from '../parse/input.js';
import { hashPage } from './page-includes.js';
import { packStamps, sameStamp, stampCount, stampOf, unpackStamp, type FileStamp, type InputRecord } from '../cache/run-manifest.js';
import { listFiles } from './output-dir.js';

export interface Survey {
  set: InputSet;
  /** Each page's stamp, in `set.pages` order; undefined when it cannot be stat'ed or is not a regular file. */
  pageStamps: (FileStamp | undefined)[];
  /** Content hashes the survey took, in page order: of pages whose stamp did not prove the last run's record. */
  pageHashes?: (string | undefined)[];
  output: OutputListing;
}

export interface OutputListing {
  /** Files in the output folder, sorted. */
  present: string[];
  /** Their stamps; undefined for files that cannot be stat'ed. */
  stamps: Map<string, FileStamp | undefined>;
}

/** A survey as it crosses threads. */
export interface PackedSurvey {
  listing: Omit<InputListing, 'files'> & { files: string };
  pageStamps: Float64Array;
  /** Per page, the hash taken or ''; absent without the last run's records. */
  pageHashes?: string;
  present: string;
  outputStamps: Float64Array;
}

/** The last run's input records, as they cross to the thread taking a survey. */
export interface PackedRecords {
  files: string;
  stamps: Float64Array;
  hashes: string;
  /** When they were stamped (`sameStamp`). */
  stampedAt: number;
}

/** What the thread found besides the survey: the pages whose content changed since the last run. */
export interface SurveyFindings {
  survey: PackedSurvey;
  edited: InputPage[];
}

/** File names never hold a NUL. */
const SEPARATOR = '\0';

/** Takes a survey of `input` (a docs root as the user gave it) and `out`, here. */
export async function survey(input: string, out: string): Promise<Survey> {
  return (await take(input, out)).found;
}

/**
 * Takes a survey, packed to cross to another thread. With the last run's records
 * (which may come while the folders are listed), pages whose stamps do not prove
 * them are hashed, and those whose content changed are told apart.
 */
export async function packSurvey(input: string, out: string, records: Promise<PackedRecords | undefined>): Promise<SurveyFindings> {
  const { listing, found } = await take(input, out);
  const { set, pageStamps, output } = found;
  const survey: PackedSurvey = {
    listing: { ...listing, files: listing.files.join(SEPARATOR) },
    pageStamps: packStamps(pageStamps),
    present: output.present.join(SEPARATOR),
    outputStamps: packStamps(output.present.map((file) => output.stamps.get(file))),
  };
  const last = await records;
  if (!last) return { survey, edited: [] };
  const hashes = last.hashes.split(SEPARATOR);
  const recorded = new Map(splitNames(last.files).map((file, i) => [file, i]));
  const edited: InputPage[] = [];
  survey.pageHashes = set.pages
    .map((page, i) => {
      const stamp = pageStamps[i];
      const at = recorded.get(page.file);
      if (!stamp || stamp.size > MAX_PAGE_BYTES || (at !== undefined && sameStamp(unpackStamp(last.stamps, at)!, stamp, last.stampedAt))) return '';
      const hash = hashPage(page) ?? '';
      if (hash !== '' && at !== undefined && hash !== hashes[at]) edited.push(page);
      return hash;
    })
    .join(SEPARATOR);
  return { survey, edited };
}

/** The records, packed for `packSurvey`. */
export function packRecords(records: readonly InputRecord[], stampedAt: number): PackedRecords {
  return { files: records.map((record) => record.file).join(SEPARATOR), stamps: packStamps(records), hashes: records.map((record) => record.hash).join(SEPARATOR), stampedAt };
}

/** A survey from its packed form (`input` as given to `packSurvey`). */
export function unpackSurvey(packed: PackedSurvey, input: string): Survey {
  const { listing } = packed;
  const set = pagesOf({ ...listing, files: splitNames(listing.files) }, input);
  const present = splitNames(packed.present);
  if (set.pages.length !== stampCount(packed.pageStamps) || present.length !== stampCount(packed.outputStamps)) {
    throw new Error('the survey does not line up with its listing');
  }
  const hashes = packed.pageHashes?.split(SEPARATOR);
  if (hashes && hashes.length !== set.pages.length) throw new Error('the survey does not line up with its listing');
  return {
    set,
    pageStamps: set.pages.map((_, i) => unpackStamp(packed.pageStamps, i)),
    ...(hashes ? { pageHashes: hashes.map((hash) => hash || undefined) } : {}),
    output: { present, stamps: new Map(present.map((file, i) => [file, unpackStamp(packed.outputStamps, i)])) },
  };
}

/** The survey, and the listing its pages were told apart from (what crosses threads). */
async function take(input: string, out: string): Promise<{ listing: InputListing; found: Survey }> {
  const listing = await listInput(input);
  const set = pagesOf(listing, input);
  return { listing, found: { set, pageStamps: set.pages.map((page) => stampFile(page.absolutePath)), output: listOutput(out) } };
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

function splitNames(joined: string): string[] {
  return joined === '' ? [] : joined.split(SEPARATOR);
}
