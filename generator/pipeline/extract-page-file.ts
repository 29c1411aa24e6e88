/**
 * One page read, hashed and extracted, in whichever thread runs it. Facts leave
 * as JSON text: that is what the cache stores, and JSON.parse on the receiving
 * side is cheaper than a structured clone of the same objects. The canonical
 * facts of a page are what JSON.parse gives back, cached or not.
 */
import { readFile, stat } from 'node:fs/promises';
import { decodePage, MAX_PAGE_BYTES, readPage, type InputPage } from '../parse/input.js';
import { hashOf } from '../cache/hash.js';

export interface ExtractedPage {
  /** Hash of the bytes the facts were made from; null when the page could not be read whole (not cached). */
  hash: string | null;
  json: string;
}

/** The extractors (and remark) load on first use: a run that extracts nothing never loads them. */
let extractor: Promise<typeof import('../extract/page.js')> | undefined;

export async function extractPageFile(page: InputPage): Promise<ExtractedPage> {
  const { extractPage } = await (extractor ??= import('../extract/page.js'));
  const bytes = await readWhole(page.absolutePath);
  const { text, diagnostics } = bytes ? decodePage(bytes, page.file) : await readPage(page);
  const facts = extractPage({ file: page.file, apiVersion: page.apiVersion, text });
  facts.diagnostics.unshift(...diagnostics);
  return { hash: bytes ? hashOf(bytes) : null, json: JSON.stringify(facts) };
}

/** The file's bytes, or undefined when it is not a regular file, unreadable or too large (then `readPage` says why). */
export async function readWhole(file: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(file);
    return info.isFile() && info.size <= MAX_PAGE_BYTES ? await readFile(file) : undefined;
  } catch {
    return undefined;
  }
}
