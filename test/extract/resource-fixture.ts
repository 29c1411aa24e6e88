/** Runs the resource page extractor on inline markdown, without the other extractors. */
import type { Definition } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../../generator/parse/processor.js';
import { splitSections } from '../../generator/extract/sections.js';
import type { PageContext } from '../../generator/extract/context.js';
import type { ResourceFacts } from '../../generator/extract/facts.js';
import { extractResourcePage } from '../../generator/extract/resource-page.js';

export const FILE = 'v1.0/resources/x.md';

export function contextOf(markdown: string): PageContext {
  const tree = parseMarkdown(markdown);
  const sections = splitSections(tree);
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });
  const namespace = tree.children
    .filter((node) => node.type === 'paragraph')
    .map((node) => /^\s*namespace\s*:\s*([\w.]+)/i.exec(toString(node))?.[1])
    .find((name) => name !== undefined);
  return {
    file: FILE,
    apiVersion: 'v1.0',
    text: markdown,
    tree,
    frontMatter: {},
    sections,
    definitions,
    namespace: namespace ?? 'microsoft.graph',
    title: sections.find((s) => s.depth === 1)?.title ?? null,
    diagnostics: [],
  };
}

export interface Extracted {
  resources: ResourceFacts[];
  /** `line:column code` per diagnostic, in report order. */
  diagnostics: string[];
}

export function extract(markdown: string): Extracted {
  const ctx = contextOf(markdown);
  const { resources = [] } = extractResourcePage(ctx);
  return { resources, diagnostics: ctx.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`) };
}

/** Markdown from lines, so fixtures read as pages and line numbers are easy to count. */
export function md(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

export const at = (line: number, column = 1) => ({ file: FILE, line, column });
