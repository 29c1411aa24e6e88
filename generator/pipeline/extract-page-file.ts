/**
 * One page read, hashed and extracted, in whichever thread runs it. Facts leave
 * as JSON texts, their core and their detail (`model/facts-parts.ts`): that is
 * what the cache stores, and JSON.parse on the receiving side is cheaper than a
 * structured clone of the same objects (and `generate` parses only the core). The
 * canonical facts of a page are what JSON.parse gives back, cached or not.
 */
import { readFileSync, statSync } from 'node:fs';
import { decodePage, MAX_PAGE_BYTES, readPage, type InputPage } from '../parse/input.js';
import { hashOf } from '../model/hash.js';
import { splitFacts } from '../model/facts-parts.js';
import { diagnostic, type Diagnostic } from '../model/diagnostic.js';
import { emptyFacts } from '../extract/facts.js';

export interface ExtractedPage {
  /** Hash of the bytes the facts were made from; null when the page could not be read whole (not cached). */
  hash: string | null;
  /** JSON of the facts' core: what linking and emitting read. */
  core: string;
  /** JSON of the rest (`FactsDetail`): what only `check` and `model` read. */
  detail: string;
}

/**
 * The extractors (and remark) load on first use: a run that extracts nothing never
 * loads them. Compiled, they load as one bundled module (`scripts/bundle.ts`); from
 * `.ts` sources (under vitest), as modules.
 */
let extractor: Promise<typeof import('../extract/page.js')> | undefined;

const EXTRACTOR_BUNDLE = import.meta.url.endsWith('.js') ? new URL('../../bundles/extract-page.js', import.meta.url) : undefined;

export function loadExtractor(): Promise<typeof import('../extract/page.js')> {
  // Without the bundle (compiled by `tsc` alone), the modules themselves; the facts code id hashes what is there.
  const modules = () => import('../extract/page.js');
  extractor ??= EXTRACTOR_BUNDLE ? (import(EXTRACTOR_BUNDLE.href) as Promise<typeof import('../extract/page.js')>).catch(modules) : modules();
  return extractor;
}

/** Whether this thread has loaded (or is loading) the extractors. */
export function extractorLoaded(): boolean {
  return extractor !== undefined;
}

/**
 * Never rejects for a page: whatever throws while reading, extracting or
 * serializing it (a stack overflow, say) becomes an `internal-error` diagnostic
 * of that page, whose facts are then not cached.
 */
export async function extractPageFile(page: InputPage): Promise<ExtractedPage> {
  const { extractPage } = await loadExtractor();
  try {
    const bytes = readWhole(page.absolutePath);
    const { text, diagnostics } = bytes ? decodePage(bytes, page.file) : await readPage(page);
    const facts = extractPage({ file: page.file, apiVersion: page.apiVersion, text });
    facts.diagnostics.unshift(...diagnostics);
    const { core, detail } = splitFacts(facts);
    return { hash: bytes ? hashOf(bytes) : null, core: JSON.stringify(core), detail: JSON.stringify(detail) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failedPage(page, diagnostic('internal-error', 'error', `docs2ts failed to extract this page: ${message}`, { file: page.file, line: 1, column: 1 }));
  }
}

/** The facts of a page that could not be extracted, with the diagnostic saying why; not cached (no hash). */
export function failedPage(page: InputPage, why: Diagnostic): ExtractedPage {
  const { core, detail } = splitFacts(emptyFacts(page.file, page.apiVersion, [why]));
  return { hash: null, core: JSON.stringify(core), detail: JSON.stringify(detail) };
}

/**
 * The file's bytes, or undefined when it is not a regular file (a named pipe
 * would block the read), unreadable or too large (then `readPage` says why).
 * Synchronous: a thread extracting pages has nothing else to do meanwhile, and
 * a promise per call cost more than the read.
 */
export function readWhole(file: string): Buffer | undefined {
  try {
    const info = statSync(file);
    return info.isFile() && info.size <= MAX_PAGE_BYTES ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}
