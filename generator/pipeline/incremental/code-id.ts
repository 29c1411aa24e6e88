/**
 * What cache keys say about the generator itself: `GENERATOR_VERSION`, the text
 * of every module a stage runs (found by following relative imports from the
 * stage's entry modules) and the versions of the packages those modules import.
 * So an edited extractor invalidates cached page facts, and an edited emitter or
 * linker only the cached output; a version bump alone invalidates everything.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION } from '../../model/version.js';
import { hashOf } from '../../model/hash.js';

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

/** This generator's ids, computed once per process (reading and scanning a hundred-odd modules: some 25 ms). */
export function codeIds(): Promise<CodeIds> {
  ids ??= computeCodeIds(GENERATOR_VERSION);
  return ids;
}

export async function computeCodeIds(version: string): Promise<CodeIds> {
  const facts = hashOf(await graphId(FACTS_ENTRIES.map(module), FACTS_PACKAGES), ...FACTS_FILES.map((file) => readText(file) ?? ''));
  const emit = hashOf(facts, await graphId(EMIT_ENTRIES.map(module), EMIT_PACKAGES));
  return { facts: hashOf(version, facts), emit: hashOf(version, emit) };
}

const RELATIVE = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const BARE = /(?:from|import)\s*\(?\s*['"]((?!node:)[^.'"/][^'"]*)['"]/g;

/** A digest of every module reachable from `entries` (sorted by path) and of the packages they import. */
export async function graphId(entries: string[], extraPackages: string[]): Promise<string> {
  const seen = new Map<string, string>();
  const packages = new Set(extraPackages);
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const text = readText(file) ?? '';
    seen.set(file, text);
    for (const [, specifier] of text.matchAll(RELATIVE)) queue.push(path.resolve(path.dirname(file), specifier!.replace(/\.js$/, EXTENSION)));
    for (const [, specifier] of text.matchAll(BARE)) packages.add(packageName(specifier!));
  }
  const parts: string[] = [];
  for (const file of [...seen.keys()].sort()) parts.push(path.relative(here, file), seen.get(file)!);
  for (const name of [...packages].sort()) parts.push(name, await packageVersion(name));
  return hashOf(...parts);
}

function packageName(specifier: string): string {
  const segments = specifier.split('/');
  return specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0]!;
}

/** The version in the nearest `node_modules/<name>/package.json` above this module, or `?`. */
async function packageVersion(name: string): Promise<string> {
  for (let dir = here; ; dir = path.dirname(dir)) {
    const text = readText(path.join(dir, 'node_modules', name, 'package.json'));
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
