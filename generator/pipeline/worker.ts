/**
 * Worker-thread entry of the pool (`pool.ts`): page extraction and prettier.
 * Each thread loads the markdown processor and prettier once, on first use.
 */
import type { InputPage } from '../parse/input.js';
import type { EmittedFile } from '../emit/emitter.js';
import { extractPageFile, type ExtractedPage } from './extract-page-file.js';

export async function extract(pages: InputPage[]): Promise<ExtractedPage[]> {
  const out: ExtractedPage[] = [];
  for (const page of pages) out.push(await extractPageFile(page));
  return out;
}

/** Formatted text of each file, in order. */
export async function format(files: EmittedFile[]): Promise<string[]> {
  const { formatFile } = await import('../emit/format.js');
  const out: string[] = [];
  for (const file of files) out.push((await formatFile(file)).content);
  return out;
}
