/**
 * What cache keys say about the generator itself: `GENERATOR_VERSION`, the text
 * of every module a stage runs (found by following relative imports from the
 * stage's entry modules) and the versions of the packages those modules import.
 * So an edited extractor invalidates cached page facts, and an edited emitter or
 * linker only the cached output; a version bump alone invalidates everything.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION } from '../../model/version.js';
import { hashOf } from '../../model/hash.js';
import { sameStamp, stampOf, type FileStamp } from './run-manifest.js';
import { writeAtomic } from '../write-atomic.js';

export interface CodeIds {
  /** Page facts: reading and extracting one page. */
  facts: string;
  /** Output files from facts: linking, emitting, formatting (includes `facts`). */
  emit: string;
}

/** Running from compiled `.js` or, under tests, from `.ts` sources. */
const EXTENSION = path.extname(fileURLToPath(import.meta.url));
const here = path.dirname(fileURLToPath(import.meta.url));
const module = (relative: string) => path.join(here, relative.replace(/\.js$/, EXTENSION));

const FACTS_ENTRIES = ['../extract-page-file.js'];
/** Files hashed as they are, not followed: the bundled extractor the compiled generator runs (`scripts/bundle.ts`). */
const FACTS_FILES = EXTENSION === '.js' ? [path.join(here, '../../../bundles/extract-page.js')] : [];
const EMIT_ENTRIES = ['../../model/link.js', '../../emit/index.js', '../../emit/emitters.js', '../../emit/format.js'];
/** Packages that shape a stage's result without being imported by name from our modules. */
const FACTS_PACKAGES = ['micromark', 'mdast-util-from-markdown'];
const EMIT_PACKAGES = ['@ts-morph/common', 'typescript'];

let ids: Promise<CodeIds> | undefined;

/**
 * This generator's ids (computed once per process). With `memoFile`, they are
 * taken from there when every file they were computed from (modules, and the
 * package.json files found or looked for) still has the stamp recorded then;
 * else computed, and the memo rewritten. Reading and scanning a hundred modules
 * cost every run 25-35 ms; the stamps cost 2.
 */
export function codeIds(memoFile?: string): Promise<CodeIds> {
  ids ??= memoFile === undefined ? computeCodeIds(GENERATOR_VERSION) : memoizedCodeIds(memoFile);
  return ids;
}

export async function computeCodeIds(version: string, reader = new Reader()): Promise<CodeIds> {
  const facts = hashOf(await graphId(FACTS_ENTRIES.map(module), FACTS_PACKAGES, reader), ...FACTS_FILES.map((file) => reader.read(file) ?? ''));
  const emit = hashOf(facts, await graphId(EMIT_ENTRIES.map(module), EMIT_PACKAGES, reader));
  return { facts: hashOf(version, facts), emit: hashOf(version, emit) };
}

interface Memo {
  format: typeof MEMO_FORMAT;
  version: string;
  /** When the stamps were taken: files touched near then are not trusted by stamp. */
  stampedAt: number;
  /** Every file read: its stamp, or null when it was not there. */
  files: [file: string, stamp: FileStamp | null][];
  ids: CodeIds;
}

const MEMO_FORMAT = 1;

export async function memoizedCodeIds(memoFile: string): Promise<CodeIds> {
  const memo = readMemo(memoFile);
  if (memo && memo.version === GENERATOR_VERSION && memo.files.every(([file, stamp]) => unchanged(file, stamp, memo.stampedAt))) return memo.ids;
  const stampedAt = Date.now();
  const reader = new Reader();
  const computed = await computeCodeIds(GENERATOR_VERSION, reader);
  const saved: Memo = { format: MEMO_FORMAT, version: GENERATOR_VERSION, stampedAt, files: reader.files(), ids: computed };
  // An unwritable cache folder costs the next run the computation, nothing more.
  await writeAtomic(memoFile, JSON.stringify(saved)).catch(() => undefined);
  return computed;
}

function readMemo(file: string): Memo | undefined {
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as Memo;
    const isStamp = (stamp: FileStamp | null) => stamp === null || [stamp?.size, stamp?.mtimeMs, stamp?.ctimeMs, stamp?.ino].every((n) => typeof n === 'number');
    const ok =
      memo?.format === MEMO_FORMAT &&
      typeof memo.version === 'string' &&
      typeof memo.stampedAt === 'number' &&
      typeof memo.ids?.facts === 'string' &&
      typeof memo.ids.emit === 'string' &&
      Array.isArray(memo.files) &&
      memo.files.length > 0 &&
      memo.files.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && isStamp(entry[1]));
    return ok ? memo : undefined;
  } catch {
    return undefined;
  }
}

function unchanged(file: string, recorded: FileStamp | null, stampedAt: number): boolean {
  const info = statSync(file, { throwIfNoEntry: false });
  if (!info || !info.isFile()) return recorded === null;
  return recorded !== null && sameStamp(recorded, stampOf(info), stampedAt);
}

/** Reads files for `graphId`, remembering each file's stamp (taken before the read) or its absence. */
export class Reader {
  private readonly seen = new Map<string, FileStamp | null>();

  read(file: string): string | undefined {
    const info = statSync(file, { throwIfNoEntry: false });
    const text = info?.isFile() ? readText(file) : undefined;
    if (!this.seen.has(file)) this.seen.set(file, info && text !== undefined ? stampOf(info) : null);
    return text;
  }

  files(): [string, FileStamp | null][] {
    return [...this.seen];
  }
}

const RELATIVE = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const BARE = /(?:from|import)\s*\(?\s*['"]((?!node:)[^.'"/][^'"]*)['"]/g;

/** A digest of every module reachable from `entries` (sorted by path) and of the packages they import. */
export async function graphId(entries: string[], extraPackages: string[], reader = new Reader()): Promise<string> {
  const seen = new Map<string, string>();
  const packages = new Set(extraPackages);
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const text = reader.read(file) ?? '';
    seen.set(file, text);
    for (const [, specifier] of text.matchAll(RELATIVE)) queue.push(path.resolve(path.dirname(file), specifier!.replace(/\.js$/, EXTENSION)));
    for (const [, specifier] of text.matchAll(BARE)) packages.add(packageName(specifier!));
  }
  const parts: string[] = [];
  for (const file of [...seen.keys()].sort()) parts.push(path.relative(here, file), seen.get(file)!);
  for (const name of [...packages].sort()) parts.push(name, await packageVersion(name, reader));
  return hashOf(...parts);
}

function packageName(specifier: string): string {
  const segments = specifier.split('/');
  return specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0]!;
}

/** The version in the nearest `node_modules/<name>/package.json` above this module, or `?`. */
async function packageVersion(name: string, reader: Reader): Promise<string> {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const text = reader.read(path.join(dir, 'node_modules', name, 'package.json'));
    if (text !== undefined) return String((JSON.parse(text) as { version?: unknown }).version ?? '?');
    if (path.dirname(dir) === dir) return '?';
  }
}

/**
 * A file's text, or undefined when it cannot be read. Synchronous: a run reads a
 * hundred-odd small modules here before anything else can start, and a promise
 * per file cost more than the read.
 */
function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
