/**
 * A page's include files (`parse/includes.ts`) read from the input, and the
 * page's content hash over its bytes and theirs: the facts of a page depend on
 * what it includes, so an edited include gives its pages a new hash and a new
 * facts key. A page without includes hashes as its bytes alone.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { hashOf } from '../model/hash.js';
import { includeLines, MAX_INCLUDE_DEPTH, readsInclude, type IncludeTexts } from '../parse/includes.js';
import { MAX_PAGE_BYTES, type InputPage } from '../parse/input.js';

export interface PageIncludes {
  /** Texts by file relative to the input root, as the extractor takes them. */
  texts: IncludeTexts;
  /** File names and bytes, in page order, for the hash. */
  parts: (string | Uint8Array)[];
}

const NONE: PageIncludes = { texts: {}, parts: [] };

/**
 * The include files the page's bytes name that are in the input (read as UTF-8),
 * and those they name in turn (relative to the include file), up to
 * `MAX_INCLUDE_DEPTH` levels; each file once.
 */
export function readIncludes(page: Pick<InputPage, 'file' | 'absolutePath'>, bytes: Buffer): PageIncludes {
  if (bytes.indexOf('[!INCLUDE') < 0 && bytes.indexOf('[!include') < 0) return NONE;
  const root = page.absolutePath.slice(0, page.absolutePath.length - page.file.length);
  const out: PageIncludes = { texts: {}, parts: [] };
  let level = [{ file: page.file, text: bytes.toString('utf8') }];
  for (let depth = 1; depth <= MAX_INCLUDE_DEPTH && level.length > 0; depth++) {
    const next: typeof level = [];
    for (const { file, text } of level) {
      for (const include of includeLines(text, file)) {
        if (!readsInclude(include) || include.file! in out.texts || include.file === page.file) continue;
        const included = readWhole(path.join(root, ...include.file!.split('/')));
        if (!included) continue;
        out.texts[include.file!] = included.toString('utf8');
        out.parts.push(include.file!, included);
        if (/\[!include/i.test(out.texts[include.file!]!)) next.push({ file: include.file!, text: out.texts[include.file!]! });
      }
    }
    level = next;
  }
  return out;
}

/** The page's content hash: its bytes, and the names and bytes of the files it includes. */
export function pageHash(bytes: Buffer, includes: PageIncludes): string {
  return includes.parts.length === 0 ? hashOf(bytes) : hashOf(bytes, ...includes.parts);
}

/** The page's content hash read from disk; undefined when it cannot be read. */
export function hashPage(page: Pick<InputPage, 'file' | 'absolutePath'>): string | undefined {
  try {
    const bytes = readFileSync(page.absolutePath);
    return pageHash(bytes, readIncludes(page, bytes));
  } catch {
    return undefined;
  }
}

/**
 * The file's bytes, or undefined when it is not a regular file (a named pipe
 * would block the read), unreadable or too large (then `readPage` says why).
 * The file is opened without blocking (a named pipe opens at once) and its
 * descriptor stat'ed and read: one path lookup instead of two (a `statSync`
 * before the read cost 2% of extraction). Synchronous: a thread extracting
 * pages has nothing else to do meanwhile, and a promise per call cost more than the read.
 */
export function readWhole(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    return info.isFile() && info.size <= MAX_PAGE_BYTES ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
