/**
 * Rule fixtures through the real pipeline: markdown pages in memory →
 * extractPage → linkModel → one rule → `line:column: message` lines
 * (prefixed with the file when the finding is not on the first page).
 */
import { extractPage } from '../../generator/extract/page.js';
import { linkModel } from '../../generator/model/link.js';
import { memoryPages } from '../../generator/check/page-text.js';
import { runRules, type CheckSettings } from '../../generator/check/run-check.js';
import type { RuleId } from '../../generator/check/types.js';

export type Pages = Record<string, string>;

export function buildPages(pages: Pages) {
  const facts = Object.entries(pages).map(([file, text]) => extractPage({ file, apiVersion: file.split('/')[0]!, text }));
  return { model: linkModel({ pages: facts }), pages: facts };
}

export function checkPages(pages: Pages, rule: RuleId, settings: CheckSettings = {}): string[] {
  const first = Object.keys(pages)[0];
  const result = runRules(buildPages(pages), memoryPages(pages), { ...settings, only: [rule] });
  if (result.internalErrors.length) throw new Error(result.internalErrors[0]!.message);
  const lines = result.findings.map((f) => `${f.file === first ? '' : `${f.file} `}${f.line}:${f.column}: ${f.message}`);
  if (process.env['PRINT_FINDINGS']) console.log(JSON.stringify(lines, null, 2));
  return lines;
}

/** The 1-based line of the first line of `text` containing `needle` (for readable expectations). */
export function lineOf(text: string, needle: string, nth = 1): number {
  let seen = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === nth) return i + 1;
  }
  throw new Error(`no line with ${needle}`);
}
