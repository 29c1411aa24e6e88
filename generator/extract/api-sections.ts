/**
 * Section helpers for API pages. Language tabs (`# [HTTP](#tab/http)`) are
 * level-1 headings in mdast; they split sections in the middle of an example,
 * so here they are folded back into the section they belong to.
 */
import type { Heading, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { sectionContent, subsections, type Section } from './sections.js';

/** The tab name (`http`, `csharp`) of a `# [HTTP](#tab/http)` heading, or undefined for a real heading. */
export function tabOf(heading: Heading): string | undefined {
  const [only, ...rest] = heading.children;
  if (only?.type !== 'link' || rest.some((node) => toString(node).trim() !== '')) return undefined;
  const match = /^#tab\/(.*)$/i.exec(only.url);
  return match ? (match[1] ?? '').toLowerCase() : undefined;
}

/** Sections with language-tab headings folded into the section before them (tab headings kept as content). */
export function foldTabs(sections: Section[]): Section[] {
  const out: Section[] = [];
  for (const section of sections) {
    const previous = out[out.length - 1];
    if (previous && section.heading && tabOf(section.heading) !== undefined) {
      previous.nodes.push(section.heading, ...section.nodes);
      continue;
    }
    out.push({ ...section, nodes: [...section.nodes], index: out.length });
  }
  return out;
}

/** Sections whose title matches, at any depth. */
export function sectionsTitled(sections: Section[], title: RegExp): Section[] {
  return sections.filter((section) => section.heading !== null && title.test(section.title));
}

/** Content of the matching sections (with their subsections), in page order; a match inside another is read once. */
export function contentOf(sections: Section[], title: RegExp): RootContent[] {
  const out: RootContent[] = [];
  let coveredUntil = -1;
  for (const section of sectionsTitled(sections, title)) {
    if (section.index <= coveredUntil) continue;
    out.push(...sectionContent(sections, section));
    coveredUntil = section.index + subsections(sections, section).length;
  }
  return out;
}

/**
 * Block nodes in document order, descending into lists and block quotes, so a
 * code block inside a bullet is seen like one at the top level.
 */
export function flattenBlocks(nodes: readonly Nodes[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      out.push(...flattenBlocks(node.children));
    } else if (node.type !== 'root') {
      out.push(node as RootContent);
    }
  }
  return out;
}

/** Text of a node with whitespace folded. */
export function textOf(node: Nodes): string {
  return toString(node).replace(/\s+/g, ' ').trim();
}
