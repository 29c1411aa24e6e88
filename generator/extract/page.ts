/**
 * One page, markdown text in, PageFacts out: parse, read front matter, classify,
 * then run the extractors for the page's kind. Never throws.
 */
import type { Definition, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import { linearText } from '../parse/linear.js';
import { pageParser, parseMode } from '../parse/parse-memo.js';
import { readFrontMatter } from '../parse/frontmatter.js';
import { diagnostic, sourceOf, type Diagnostic } from '../model/diagnostic.js';
import { emptyFacts, type HeadingFacts, type LinkFacts, type PageFacts, type PageKind } from './facts.js';
import type { PageContext, PageExtractor } from './context.js';
import { classifyPage } from './page-kind.js';
import { splitSections } from './sections.js';
import { spliceIncludes } from './includes.js';
import type { IncludeTexts } from '../parse/includes.js';
import { extractApiPage } from './api-page.js';
import { extractEnumPage, extractEnumTables } from './enum-page.js';
import { extractResourcePage } from './resource-page.js';

const EXTRACTORS: Record<PageKind, PageExtractor[]> = {
  api: [extractApiPage],
  resource: [extractResourcePage, extractEnumTables],
  enum: [extractEnumPage],
  conceptual: [],
};

export interface PageInput {
  file: string;
  apiVersion: string;
  text: string;
  /** Texts of the files the page includes (`parse/includes.ts`), by file relative to the input root; a missing one is reported when it holds facts. */
  includes?: IncludeTexts;
}

/**
 * Blocks recently parsed in this thread (pages share many); 1 MB of text: larger memos cost more in garbage
 * collection than they save. `DOCS2TS_PARSE=micromark` parses each page whole instead (`parse/parse-memo.ts`).
 */
const parse = pageParser(parseMode(), 1 << 20);

/**
 * The text as it is parsed. Every leading BOM goes: micromark drops one more and
 * counts offsets after it, so one left here would shift them. A lone CR ends a
 * line in markdown; as LF (same offsets, same lines) every `\n`-splitting helper
 * agrees with mdast.
 */
export function markdownText(text: string): string {
  return text.replace(/^\uFEFF+/, '').replace(/\r(?!\n)/g, '\n');
}

export function extractPage(input: PageInput): PageFacts {
  const diagnostics: Diagnostic[] = [];
  const text = cutLongLines(markdownText(input.text), input.file, diagnostics);
  const facts = emptyFacts(input.file, input.apiVersion, diagnostics);
  let tree: Root;
  try {
    tree = parseText(text, input.file, diagnostics);
    if (input.includes || /\[!include/i.test(text)) {
      const parseIncluded = (included: string, file: string) => parseText(cutLongLines(markdownText(included), file, diagnostics), file, diagnostics);
      spliceIncludes(tree, { file: input.file, includes: input.includes ?? {}, parse: parseIncluded, diagnostics });
    }
  } catch (error) {
    diagnostics.push(internalError(input.file, 'parse', error));
    return facts;
  }
  try {
    const ctx = buildContext(input, text, tree, diagnostics);
    facts.docType = ctx.frontMatter['doc_type'] ?? null;
    const { kind, from } = classifyPage(facts.docType, input.file, ctx.title, ctx.sections);
    if (from === 'shape-over-doc-type') {
      diagnostics.push(
        diagnostic(
          'doc-type-mismatch',
          'warning',
          kind === 'enum'
            ? `Unexpected doc_type \`${facts.docType}\` on a page headed as an enum type with a Members table, expected enumPageType (read as an enum page)`
            : `Unexpected doc_type \`${facts.docType}\` on a page headed as a resource type with Properties and JSON representation sections, expected resourcePageType (read as a resource page)`,
          sourceOf(input.file, tree.children[0]),
        ),
      );
    }
    if (from === 'shape' && facts.docType !== null) {
      diagnostics.push(
        diagnostic(
          'doc-type-unknown',
          'warning',
          `Unexpected doc_type \`${facts.docType}\`, expected apiPageType, resourcePageType, enumPageType or conceptualPageType (read as ${kind} page from its shape)`,
          sourceOf(input.file, tree.children[0]),
        ),
      );
    }
    facts.kind = kind;
    facts.title = ctx.title;
    facts.namespace = ctx.namespace;
    collectHeadingsAndLinks(ctx, facts);
    for (const extract of EXTRACTORS[kind]) {
      const found = extract(ctx);
      facts.resources.push(...(found.resources ?? []));
      facts.enums.push(...(found.enums ?? []));
      facts.operations.push(...(found.operations ?? []));
    }
  } catch (error) {
    diagnostics.push(internalError(input.file, 'extract', error));
  }
  return facts;
}

function parseText(text: string, file: string, diagnostics: Diagnostic[]): Root {
  const linear = linearText(text, file);
  diagnostics.push(...linear.diagnostics);
  return linear.restore(parse(linear.text));
}

function buildContext(input: PageInput, text: string, tree: Root, diagnostics: Diagnostic[]): PageContext {
  const frontMatter = readFrontMatter(tree, input.file, diagnostics).values;
  const sections = splitSections(tree);
  const h1 = sections.find((s) => s.depth === 1);
  const definitions = new Map<string, string>();
  // A definition is written `[label]: url`: a page without `]:` has none, and its tree need not be walked.
  if (text.includes(']:')) {
    visit(tree, 'definition', (node: Definition) => {
      if (!definitions.has(node.identifier.toLowerCase())) definitions.set(node.identifier.toLowerCase(), node.url);
    });
  }
  return {
    file: input.file,
    apiVersion: input.apiVersion,
    text,
    tree,
    frontMatter,
    sections,
    definitions,
    namespace: readNamespace(tree) ?? 'microsoft.graph',
    title: h1?.title ?? frontMatter['title'] ?? null,
    diagnostics,
  };
}

/** `Namespace: microsoft.graph.callRecords` as the docs write it under the title. */
function readNamespace(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const match = /^\s*namespace\s*:\s*([A-Za-z][\w.]*)/i.exec(toString(node));
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function collectHeadingsAndLinks(ctx: PageContext, facts: PageFacts): void {
  const slugger = new GithubSlugger();
  facts.headings = ctx.sections.flatMap((section): HeadingFacts[] =>
    section.heading
      ? [{ text: section.title, slug: slugger.slug(section.title), depth: section.depth, source: sourceOf(ctx.file, section.heading) }]
      : [],
  );
  const links: LinkFacts[] = [];
  // A plain walk, in the order `visit` takes: `visit` costs a closure and a parents array per node, a twelfth of extraction here.
  const see = (node: Nodes): void => {
    if (node.type === 'link') links.push({ href: node.url, source: sourceOf(ctx.file, node) });
    if (node.type === 'linkReference') {
      const href = ctx.definitions.get(node.identifier.toLowerCase());
      if (href !== undefined) links.push({ href, source: sourceOf(ctx.file, node) });
    }
    if ('children' in node) for (const child of node.children) see(child);
  };
  see(ctx.tree);
  facts.links = links;
}

/**
 * Longer lines are cut before parsing: the markdown parser is superlinear on
 * some of them (an unclosed `<!--` run in a table cell, `[x](` or `**a` runs
 * take minutes at 100,000 characters), and the longest line of the reference
 * docs has 11,721 characters.
 */
export const MAX_LINE_CHARS = 20_000;

function cutLongLines(text: string, file: string, diagnostics: Diagnostic[]): string {
  if (text.length <= MAX_LINE_CHARS) return text;
  const lines = text.split('\n');
  let cut = false;
  lines.forEach((line, i) => {
    if (line.length <= MAX_LINE_CHARS) return;
    const message = `Unexpected line of ${line.length} characters, expected at most ${MAX_LINE_CHARS} (read cut at character ${MAX_LINE_CHARS}; split the line)`;
    diagnostics.push(diagnostic('line-too-long', 'error', message, { file, line: i + 1, column: MAX_LINE_CHARS + 1 }));
    lines[i] = line.slice(0, MAX_LINE_CHARS) + (line.endsWith('\r') ? '\r' : '');
    cut = true;
  });
  return cut ? lines.join('\n') : text;
}

function internalError(file: string, stage: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic('internal-error', 'error', `docs2ts failed to ${stage} this page: ${message}`, { file, line: 1, column: 1 });
}
