/**
 * One fuzz case through every stage, in process: extract each page, link,
 * emit (and optionally format), check. Returns what went wrong as text; an
 * empty list means the stages finished, reported damage as diagnostics, and
 * placed every position inside its page.
 */
import { createHash } from 'node:crypto';
import ts from 'typescript';
import { extractPage } from '../../generator/extract/page.js';
import type { PageFacts } from '../../generator/extract/facts.js';
import { linkModel } from '../../generator/model/link.js';
import type { Model } from '../../generator/model/ir.js';
import type { SourceRef } from '../../generator/model/diagnostic.js';
import { emitModel } from '../../generator/emit/index.js';
import { EMITTERS } from '../../generator/emit/emitters.js';
import { formatFile } from '../../generator/emit/format.js';
import type { EmittedFile } from '../../generator/emit/emitter.js';
import { runRules, type CheckResult } from '../../generator/check/run-check.js';
import { memoryPages } from '../../generator/check/page-text.js';
import { markdownLines } from './mutate.js';

export interface CasePage {
  /** Input-relative, `/` separators (`v1.0/api/user-get.md`). */
  file: string;
  apiVersion: string;
  text: string;
}

export interface CaseOutcome {
  failures: string[];
  facts: PageFacts[];
  model?: Model;
  check?: CheckResult;
  files: EmittedFile[];
}

/** Emitted files already parsed, by content hash: the runtime files are the same every case. */
const parsedFiles = new Set<string>();

export async function runCase(pages: readonly CasePage[], options: { format?: boolean } = {}): Promise<CaseOutcome> {
  const failures: string[] = [];
  const outcome: CaseOutcome = { failures, facts: [], files: [] };
  const fail = (stage: string, error: unknown) => failures.push(`${stage} threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  for (const page of pages) {
    try {
      outcome.facts.push(extractPage(page));
    } catch (error) {
      fail(`extractPage(${page.file})`, error);
      return outcome;
    }
  }
  try {
    outcome.model = linkModel({ pages: outcome.facts });
  } catch (error) {
    fail('linkModel', error);
    return outcome;
  }
  const model = outcome.model;
  for (const d of model.diagnostics) if (d.code === 'internal-error') failures.push(`internal-error in ${d.file}: ${d.message}`);

  try {
    outcome.files = emitModel(model, { inputLabel: 'fuzz', emitters: EMITTERS });
  } catch (error) {
    fail('emitModel', error);
  }
  for (const file of outcome.files) failures.push(...syntaxErrors(file));
  if (options.format) {
    try {
      await Promise.all(outcome.files.map(formatFile));
    } catch (error) {
      fail('formatFile', error);
    }
  }

  try {
    outcome.check = runRules({ model, pages: outcome.facts }, memoryPages(Object.fromEntries(pages.map((p) => [p.file, p.text]))));
    for (const internal of outcome.check.internalErrors) failures.push(`check rule ${internal.ruleId} threw: ${internal.message}`);
  } catch (error) {
    fail('runRules', error);
  }

  failures.push(...misplaced(pages, outcome));
  return outcome;
}

/** Syntax errors TypeScript finds in an emitted `.ts` file (each distinct file parsed once). */
function syntaxErrors(file: EmittedFile): string[] {
  if (!file.path.endsWith('.ts')) return [];
  const hash = createHash('sha1').update(file.content).digest('hex');
  if (parsedFiles.has(hash)) return [];
  const { diagnostics = [] } = ts.transpileModule(file.content, {
    reportDiagnostics: true,
    fileName: file.path,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  if (diagnostics.length === 0) {
    if (parsedFiles.size > 10_000) parsedFiles.clear();
    parsedFiles.add(hash);
  }
  return diagnostics.map((d) => `emitted ${file.path} does not parse: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')} at ${d.start}`);
}

/**
 * Every diagnostic, check finding and source reference in the page facts must
 * name a page of the case and a line and column inside it.
 */
function misplaced(pages: readonly CasePage[], outcome: CaseOutcome): string[] {
  const lines = new Map(pages.map((page) => [page.file, markdownLines(page.text)]));
  const problems: string[] = [];
  const test = (what: string, ref: SourceRef) => {
    const page = lines.get(ref.file);
    if (!page) return problems.push(`${what} names ${ref.file}, not a page of this case`);
    const line = page[ref.line - 1];
    if (!Number.isInteger(ref.line) || line === undefined) return problems.push(`${what} at ${ref.file}:${ref.line}:${ref.column}: line outside the page's ${page.length} lines`);
    if (!Number.isInteger(ref.column) || ref.column < 1 || ref.column > line.length + 1) {
      return problems.push(`${what} at ${ref.file}:${ref.line}:${ref.column}: column outside the line's ${line.length} characters`);
    }
    return undefined;
  };
  for (const d of outcome.model?.diagnostics ?? []) test(`diagnostic ${d.code}`, d);
  for (const f of outcome.check?.findings ?? []) test(`finding ${f.ruleId}`, f);
  for (const page of outcome.facts) visitSources(page, (ref, path) => test(`source of ${path}`, ref), page.file);
  return [...new Set(problems)].slice(0, 20);
}

function visitSources(value: unknown, visit: (ref: SourceRef, path: string) => void, path: string, depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => visitSources(item, visit, `${path}[${i}]`, depth + 1));
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record['file'] === 'string' && typeof record['line'] === 'number' && typeof record['column'] === 'number') visit(record as unknown as SourceRef, path);
  for (const [key, child] of Object.entries(record)) {
    // Parsed JSON bodies are doc data, not positions.
    if (key !== 'json' && key !== 'value') visitSources(child, visit, `${path}.${key}`, depth + 1);
  }
}
