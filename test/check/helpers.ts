/**
 * Check tests that build pages in memory (formatters, robustness): markdown
 * pages → extractPage → linkModel, the input `runRules` takes. Rule fixtures
 * are markdown folders beside each rule instead (test/check/rules.test.ts).
 */
import { extractPage } from '../../generator/extract/page.js';
import { linkModel } from '../../generator/model/link.js';

export type Pages = Record<string, string>;

export function buildPages(pages: Pages) {
  const facts = Object.entries(pages).map(([file, text]) => extractPage({ file, apiVersion: file.split('/')[0]!, text }));
  return { model: linkModel({ pages: facts }), pages: facts };
}
