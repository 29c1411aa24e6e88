/**
 * Worker-thread entry of the pool (`pool.ts`): page extraction, printing and
 * prettier. Each thread loads the markdown processor, ts-morph and prettier once,
 * on first use (a render thread, on its `warm` task).
 */
import type { InputPage } from '../parse/input.js';
import type { EmittedFile, PrintJob } from '../emit/emitter.js';
import type { FormattedByParts, LastOutput, SplitText } from '../emit/format.js';
import { StructureKind } from '../emit/ts-morph-values.js';
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
  return (await import('../emit/format.js')).formatFiles(files);
}

/** A file's text, printed by ts-morph. */
export async function print(job: PrintJob): Promise<string> {
  return (await import('../emit/ts-print.js')).printJob(job);
}

/** `formatByParts` (`emit/format.ts`) of a file. */
export async function formatByParts({ file, split, last }: { file: EmittedFile; split: SplitText; last: LastOutput }): Promise<FormattedByParts | undefined> {
  return (await import('../emit/format.js')).formatByParts(file, split, last);
}

/** Loads ts-morph and prettier and runs each once, so that a render thread prints and formats its first file warm. */
export async function warm(): Promise<void> {
  const text = await print({ header: '', statements: [{ kind: StructureKind.Interface, isExported: true, name: 'A', docs: ['A.'], properties: [{ name: 'a', type: 'string', hasQuestionToken: true, docs: ['A.'] }] }] });
  await format([{ path: 'warm.ts', content: text }]);
}
