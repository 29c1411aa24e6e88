/** Splits a page into heading sections. */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface Section {
  heading: Heading | null;
  /** 0 for the content before the first heading. */
  depth: number;
  /** Heading text, trimmed; '' for the leading section. */
  title: string;
  /** Content up to the next heading of any depth. */
  nodes: RootContent[];
  /** Index in the flat section list. */
  index: number;
}

export function splitSections(tree: Root): Section[] {
  const sections: Section[] = [{ heading: null, depth: 0, title: '', nodes: [], index: 0 }];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      sections.push({
        heading: node,
        depth: node.depth,
        title: toString(node).replace(/\s+/g, ' ').trim(),
        nodes: [],
        index: sections.length,
      });
    } else {
      sections[sections.length - 1]!.nodes.push(node);
    }
  }
  return sections;
}

/** The first section whose title matches, at any depth. */
export function findSection(sections: Section[], title: RegExp): Section | undefined {
  return sections.find((section) => section.heading !== null && title.test(section.title));
}

/** Every section whose title matches. */
export function findSections(sections: Section[], title: RegExp): Section[] {
  return sections.filter((section) => section.heading !== null && title.test(section.title));
}

/** A section's content including its subsections (until a heading of the same or a higher level). */
export function sectionContent(sections: Section[], section: Section): RootContent[] {
  const nodes = [...section.nodes];
  for (let i = section.index + 1; i < sections.length; i++) {
    const next = sections[i]!;
    if (section.depth > 0 && next.depth <= section.depth) break;
    if (next.heading) nodes.push(next.heading);
    nodes.push(...next.nodes);
  }
  return nodes;
}

/** Subsections directly or indirectly below a section. */
export function subsections(sections: Section[], section: Section): Section[] {
  const out: Section[] = [];
  for (let i = section.index + 1; i < sections.length; i++) {
    const next = sections[i]!;
    if (section.depth > 0 && next.depth <= section.depth) break;
    out.push(next);
  }
  return out;
}
