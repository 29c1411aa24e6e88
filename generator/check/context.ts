/**
 * What every rule gets: the page facts, the linked model, type lookups per API
 * version, the operations of each page, page text for exact columns, and a memo
 * so rules that share work (walking example bodies) do it once.
 */
import type { PageFacts } from '../extract/facts.js';
import type { SourceRef } from '../model/diagnostic.js';
import type { Model, ModelOperation } from '../model/ir.js';
import { splitLines, type PageTextSource } from './page-text.js';
import { augmentIndexes } from './augment.js';
import { TypeIndex } from './type-index.js';

export interface CheckInput {
  model: Model;
  pages: readonly PageFacts[];
}

/** Absolute folders: the input, and the folder links leaving it are checked against (`linkRoot`). */
export interface LinkRoot {
  input: string;
  root: string;
}

export interface CheckContext {
  model: Model;
  /** The pages read (not those stopped by the page budget or failed). */
  pages: readonly PageFacts[];
  /** Page facts by file (every page). */
  page(file: string): PageFacts | undefined;
  /** Files of every input page. */
  files: ReadonlySet<string>;
  types(apiVersion: string): TypeIndex;
  /** Model operations of a page, in page order. */
  operations(file: string): ModelOperation[];
  /** Lines of a page (index 0 is line 1). */
  lines(file: string): string[];
  /** Text of one line of a page ('' past the end). */
  line(file: string, line: number): string;
  /** Where links leaving the input are checked, when a `linkRoot` is set. */
  linkRoot: LinkRoot | undefined;
  /** Computes once per check run and key. */
  memo<T>(key: string, make: () => T): T;
}

const LINE_CACHE = 32;

/** A page with one of these was not read (over the page budget, or extraction failed): its facts are empty, and no rule checks them. */
const NOT_READ = new Set(['page-too-complex', 'internal-error']);

export function createContext(input: CheckInput, texts: PageTextSource, linkRoot?: LinkRoot): CheckContext {
  const { model, pages } = input;
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const indexes = TypeIndex.forVersions(model);
  augmentIndexes(model, pages, indexes);
  const operations = new Map<string, ModelOperation[]>();
  for (const operation of model.operations) {
    const list = operations.get(operation.source.file);
    if (list) list.push(operation);
    else operations.set(operation.source.file, [operation]);
  }
  const lineCache = new Map<string, string[]>();
  const memo = new Map<string, unknown>();
  const lines = (file: string): string[] => {
    let hit = lineCache.get(file);
    if (!hit) {
      hit = splitLines(texts.text(file));
      if (lineCache.size >= LINE_CACHE) lineCache.delete(lineCache.keys().next().value!);
      lineCache.set(file, hit);
    }
    return hit;
  };
  return {
    model,
    pages: pages.filter((page) => !page.diagnostics.some((d) => d.file === page.file && NOT_READ.has(d.code))),
    page: (file) => byFile.get(file),
    files: new Set(byFile.keys()),
    types: (apiVersion) => indexes.get(apiVersion) ?? new TypeIndex(apiVersion, []),
    operations: (file) => operations.get(file) ?? [],
    lines,
    line: (file, line) => lines(file)[line - 1] ?? '',
    linkRoot,
    memo<T>(key: string, make: () => T): T {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as T;
    },
  };
}

/** `at` moved to the first occurrence of `needle` on its line at or after `from` (0-based), else `at` unchanged. */
export function placeOn(ctx: CheckContext, at: SourceRef, needle: string, from = 0): SourceRef {
  const index = ctx.line(at.file, at.line).indexOf(needle, from);
  return index < 0 ? at : { ...at, column: index + 1 };
}

/** The first occurrence of `needle` on the line of `at` or one of the `lines` after it, else `at`. */
export function findForward(ctx: CheckContext, at: SourceRef, needle: string, lines = 15): SourceRef {
  for (let line = at.line; line < at.line + lines; line++) {
    const index = ctx.line(at.file, line).indexOf(needle, line === at.line ? at.column - 1 : 0);
    if (index >= 0) return { file: at.file, line, column: index + 1 };
  }
  return at;
}

/** Where the content of the `cell`-th (0-based) cell of the table row at `row` starts. */
export function cellStart(ctx: CheckContext, row: SourceRef, cell: number): SourceRef {
  const text = ctx.line(row.file, row.line);
  const bounds: number[] = [];
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '`') inCode = !inCode;
    else if (ch === '|' && !inCode) bounds.push(i);
  }
  const leading = text.trimStart().startsWith('|');
  const start = cell === 0 ? (leading ? (bounds[0] ?? -1) + 1 : 0) : (bounds[leading ? cell : cell - 1] ?? -1) + 1;
  if (start <= 0 && cell > 0) return row;
  let column = start;
  while (column < text.length && (text[column] === ' ' || text[column] === '\t')) column++;
  return { ...row, column: column + 1 };
}
