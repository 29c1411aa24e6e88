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

/** The line (from 1) of the `nth` line of `text` holding `needle`. */
export function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === nth) return i + 1;
  }
  throw new Error(`no line with ${needle}`);
}
