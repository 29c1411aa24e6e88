/**
 * Finds the pages of a docs root and reads them. Accepts `<root>/<version>/{api,resources}`,
 * the docs repository's `api-reference/<version>/...` layout, and a single version folder.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';

export interface InputPage {
  /** Relative to the input root, `/` separators. */
  file: string;
  absolutePath: string;
  apiVersion: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface InputSet {
  root: string;
  pages: InputPage[];
  /** Files below the root that are not pages (snippets, media, non-markdown), each with why; `includes/` folders are include sources, not listed. */
  skipped: SkippedFile[];
  /** `includes/` folders below the root (relative, sorted): pages may include their files (`parse/includes.ts`). */
  includeFolders: string[];
  diagnostics: Diagnostic[];
}

/** A usage problem the CLI reports in one line with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const VERSION = /^(v\d+(\.\d+)?|beta)$/i;
/** `page.md`, and `page.md.txt` (one real page is published with that name). */
const PAGE = /\.md(\.txt)?$/i;
/** Folders of the docs repository that hold snippets and media, not pages. */
const NOT_PAGES = new Set(['snippets', 'images', 'media', 'node_modules', '.git']);
/** Folders of include sources: read when a page includes them (`parse/includes.ts`), never as pages, not skipped. */
const INCLUDES = 'includes';
/** Pages above this size are reported and skipped: no reference page comes near it. */
export const MAX_PAGE_BYTES = 8 * 1024 * 1024;

/** The files below a docs root, before `pagesOf` tells the pages among them. */
export interface InputListing {
  root: string;
  /** Every file, relative to the root with `/` separators, sorted. */
  files: string[];
  skipped: SkippedFile[];
  includeFolders: string[];
  diagnostics: Diagnostic[];
}

export async function discoverPages(root: string): Promise<InputSet> {
  return pagesOf(await listInput(root), root);
}

/** Lists a docs root (`root` as the user gave it, for messages). */
export async function listInput(root: string): Promise<InputListing> {
  const absoluteRoot = path.resolve(root);
  const info = await stat(absoluteRoot).catch(() => undefined);
  if (!info) throw new UsageError(`input folder ${root} does not exist: pass --input with a docs folder`);
  if (!info.isDirectory()) throw new UsageError(`input ${root} is not a folder: pass --input with a docs folder`);
  const listing: InputListing = { root: absoluteRoot, files: [], skipped: [], includeFolders: [], diagnostics: [] };
  listing.files = await walk(absoluteRoot, '', listing);
  return listing;
}

/** The pages of a listing, in its order, each with its API version (`root` as the user gave it, for messages). */
export function pagesOf(listing: InputListing, root: string): InputSet {
  const absoluteRoot = listing.root;
  const rootVersion = VERSION.test(path.basename(absoluteRoot)) ? path.basename(absoluteRoot) : undefined;
  const set: InputSet = { root: absoluteRoot, pages: [], skipped: [...listing.skipped], includeFolders: [...listing.includeFolders].sort(), diagnostics: [...listing.diagnostics] };
  // Per folder rather than per page (eleven thousand pages in a few folders): its version (a page's own name,
  // ending in .md, is never one) and its absolute path, with the separator, that a page's name is appended to.
  const folders = new Map<string, { version: string | undefined; absolute: string }>();
  for (const file of listing.files) {
    if (!PAGE.test(file)) {
      set.skipped.push({ file, reason: 'not a markdown page' });
      continue;
    }
    const slash = file.lastIndexOf('/');
    const folderPath = file.slice(0, Math.max(slash, 0));
    let folder = folders.get(folderPath);
    if (!folder) {
      const absolute = path.join(absoluteRoot, folderPath);
      folder = { version: folderPath.split('/').find((segment) => VERSION.test(segment)), absolute: absolute.endsWith(path.sep) ? absolute : absolute + path.sep };
      folders.set(folderPath, folder);
    }
    const version = folder.version ?? rootVersion;
    if (!version) {
      set.diagnostics.push(
        diagnostic(
          'api-version-unknown',
          'warning',
          'Unexpected page outside a version folder, expected it under `v1.0/` or `beta/` (read as v1.0)',
          { file, line: 1, column: 1 },
        ),
      );
    }
    if (/\.md\.txt$/i.test(file)) {
      set.diagnostics.push(
        diagnostic('page-extension', 'info', 'Unexpected page file name ending in `.md.txt`, expected `.md` (read as a page)', {
          file,
          line: 1,
          column: 1,
        }),
      );
    }
    set.pages.push({ file, absolutePath: folder.absolute + file.slice(slash + 1), apiVersion: normalizeVersion(version ?? 'v1.0') });
  }
  set.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (set.pages.length === 0) {
    throw new UsageError(`no markdown pages under ${root}: expected <version>/api/*.md and <version>/resources/*.md`);
  }
  return set;
}

function normalizeVersion(version: string): string {
  return version.toLowerCase() === 'beta' ? 'beta' : version.toLowerCase();
}

/** Every file below `dir`, sorted by relative path (code-point order, machine independent). */
async function walk(root: string, relative: string, set: Pick<InputSet, 'skipped' | 'includeFolders' | 'diagnostics'>): Promise<string[]> {
  // Listed synchronously: `generate` lists the input while the last run's manifest is read off this thread.
  let entries: Dirent[];
  try {
    entries = readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch (error) {
    set.diagnostics.push(
      diagnostic('input-unreadable', 'error', `Unexpected unreadable folder (${errorCode(error)}), expected a readable docs folder`, {
        file: relative || '.',
        line: 1,
        column: 1,
      }),
    );
    entries = [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name.toLowerCase() === INCLUDES) {
        set.includeFolders.push(child);
        continue;
      }
      if (NOT_PAGES.has(entry.name)) set.skipped.push({ file: `${child}/`, reason: `${entry.name} folder (not reference pages)` });
      // One push per file: spreading a subtree's list as arguments overflows the stack past ~100,000 files.
      else for (const file of await walk(root, child, set)) files.push(file);
      if (PAGE.test(entry.name)) notAPage(set, child, 'Unexpected folder named like a page, expected a page file (read as a folder; rename it)');
    } else if (entry.isFile()) {
      files.push(child);
    } else if (entry.isSymbolicLink()) {
      // Links to files are read as pages; links to folders are not followed (no cycles).
      const target = await stat(path.join(root, child)).catch((error: unknown) => error as NodeJS.ErrnoException);
      if (target instanceof Error) notAPage(set, child, `Unexpected symbolic link to a missing or unreadable file (${errorCode(target)}), expected a page (skipped; fix or remove the link)`);
      else if (target.isFile()) files.push(child);
      else if (target.isDirectory()) set.skipped.push({ file: `${child}/`, reason: 'symbolic link to a folder (not followed)' });
      else notAPage(set, child, `Unexpected symbolic link to a ${specialKind(target)}, expected a page file (skipped; replace the link with the page)`);
    } else {
      notAPage(set, child, `Unexpected ${specialKind(entry)}, expected a regular page file (skipped; replace it with the page)`);
    }
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A page name that is not a readable regular file: reported when it is named like a page, else skipped. */
function notAPage(set: Pick<InputSet, 'skipped' | 'diagnostics'>, file: string, message: string): void {
  if (PAGE.test(file)) set.diagnostics.push(diagnostic('page-unreadable', 'error', message, { file, line: 1, column: 1 }));
  else set.skipped.push({ file, reason: 'not a regular file' });
}

function specialKind(entry: { isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  if (entry.isFIFO()) return 'named pipe (FIFO)';
  if (entry.isSocket()) return 'socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'device file';
  return 'special file';
}

export interface PageText {
  text: string;
  diagnostics: Diagnostic[];
}

/**
 * Reads one page as UTF-8. Invalid UTF-8 is decoded with replacement characters and
 * reported; an unreadable or oversized file gives empty text and a diagnostic.
 */
export async function readPage(page: Pick<InputPage, 'file' | 'absolutePath'>): Promise<PageText> {
  const top = { file: page.file, line: 1, column: 1 };
  let bytes: Buffer;
  try {
    const info = await stat(page.absolutePath);
    if (!info.isFile()) {
      // Reading a FIFO would wait forever; a folder cannot be read.
      const what = info.isDirectory() ? 'folder' : specialKind(info);
      return { text: '', diagnostics: [diagnostic('page-unreadable', 'error', `Unexpected ${what} where a page was listed, expected a regular page file (skipped)`, top)] };
    }
    if (info.size > MAX_PAGE_BYTES) {
      const mb = (info.size / 1024 / 1024).toFixed(1);
      return {
        text: '',
        diagnostics: [
          diagnostic('page-too-large', 'error', `Unexpected ${mb} MB page, expected at most ${MAX_PAGE_BYTES / 1024 / 1024} MB (skipped; split the page or check that it is a doc page)`, top),
        ],
      };
    }
    bytes = await readFile(page.absolutePath);
  } catch (error) {
    return {
      text: '',
      diagnostics: [
        diagnostic('page-unreadable', 'error', `Unexpected unreadable page (${errorCode(error)}), expected a readable file (skipped; check that it exists and its permissions)`, top),
      ],
    };
  }
  return decodePage(bytes, page.file);
}

export function decodePage(bytes: Uint8Array, file: string): PageText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), diagnostics: [] };
  } catch {
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      diagnostics: [
        diagnostic('page-encoding', 'error', 'Unexpected bytes that are not UTF-8, expected a UTF-8 page (read with replacement characters; re-save the file as UTF-8)', {
          file,
          line: 1,
          column: 1,
        }),
      ],
    };
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
