/** Helpers for API page extractor tests: inline markdown in, the page's one operation out. */
import { extractPage } from '../../generator/extract/page.js';
import type { OperationFacts, PageFacts } from '../../generator/extract/facts.js';

/** Lines joined with `\n`; a test writes line numbers as comments beside them. */
export function md(...lines: string[]): string {
  return lines.join('\n');
}

/** Front matter that makes a page an API page; it takes lines 1–3. */
export const API_FRONT_MATTER = ['---', 'doc_type: apiPageType', '---'];

export interface ApiResult {
  facts: PageFacts;
  operation: OperationFacts;
  /** `line:column severity code`, in report order. */
  diagnostics: string[];
}

export function extractApi(markdown: string, file = 'v1.0/api/widget-get.md'): ApiResult {
  const facts = extractPage({ file, apiVersion: file.split('/')[0] ?? 'v1.0', text: markdown });
  const operation = facts.operations[0];
  if (!operation) throw new Error(`no operation extracted from ${file} (kind ${facts.kind})`);
  return { facts, operation, diagnostics: facts.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`) };
}

/** An API page: front matter, then the given lines (so the first given line is line 4). */
export function apiPage(...lines: string[]): ApiResult {
  return extractApi(md(...API_FRONT_MATTER, ...lines));
}
