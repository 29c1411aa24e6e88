/** Worker-thread entry: reads and extracts a batch of pages (one remark processor per thread). */
import { readPage, type InputPage } from '../parse/input.js';
import { extractPage } from '../extract/page.js';
import type { PageFacts } from '../extract/facts.js';

export async function extractPageFile(page: InputPage): Promise<PageFacts> {
  const { text, diagnostics } = await readPage(page);
  const facts = extractPage({ file: page.file, apiVersion: page.apiVersion, text });
  facts.diagnostics.unshift(...diagnostics);
  return facts;
}

export default async function extractBatch(pages: InputPage[]): Promise<PageFacts[]> {
  const out: PageFacts[] = [];
  for (const page of pages) out.push(await extractPageFile(page));
  return out;
}
