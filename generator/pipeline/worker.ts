/**
 * Worker-thread entry of the pool (`pool.ts`): page extraction and prettier.
 * Each thread loads the markdown processor and prettier once, on first use.
 */
import type { InputPage } from '../parse/input.js';
import type { EmittedFile } from '../emit/emitter.js';
import { extractPageFile, loadExtractor, type ExtractedPage } from './extract-page-file.js';
import { clockAt, type PageClock } from './page-budget.js';

/**
 * The pages' facts in order, noting on `clock` which page is being extracted (the
 * page budget, `page-budget.ts`) from when the extractor has loaded (loading is
 * not a page's time).
 */
export async function extract({ pages, clock }: { pages: readonly InputPage[]; clock: PageClock }): Promise<ExtractedPage[]> {
  await loadExtractor();
  const out: ExtractedPage[] = [];
  try {
    for (const [index, page] of pages.entries()) {
      clockAt(clock, index);
      out.push(await extractPageFile(page));
    }
  } finally {
    clockAt(clock, -1);
  }
  return out;
}

/** Formatted text of each file, in order. */
export async function format(files: EmittedFile[]): Promise<string[]> {
  const { formatFile } = await import('../emit/format.js');
  const out: string[] = [];
  for (const file of files) out.push((await formatFile(file)).content);
  return out;
}
