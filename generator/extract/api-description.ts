/** The title (H1) of an API page and the paragraph that describes the operation. */
import type { Heading, Paragraph } from 'mdast';
import { tabOf, textOf } from './api-sections.js';
import type { Section } from './sections.js';

export interface ApiSummary {
  title: string;
  /** The H1, when the page has one. */
  heading: Heading | null;
  description: string;
}

/** A paragraph that is page furniture rather than description. */
function isFurniture(paragraph: Paragraph): boolean {
  const text = textOf(paragraph);
  return (
    text === '' ||
    /^namespace\s*:/i.test(text) ||
    /^\[!(INCLUDE|NOTE|IMPORTANT|TIP|CAUTION|WARNING)\b/i.test(text) ||
    /^(\*\*)?(note|important)(\*\*)?\s*:/i.test(text)
  );
}

export function readSummary(sections: Section[], frontMatter: Record<string, string>, fallbackTitle: string): ApiSummary {
  const titled = sections.find((s) => s.depth === 1 && s.heading !== null && tabOf(s.heading) === undefined);
  const title = titled?.title || frontMatter['title'] || fallbackTitle;
  const lead = titled ?? sections[0];
  const paragraph = lead?.nodes.find((node): node is Paragraph => node.type === 'paragraph' && !isFurniture(node));
  return {
    title,
    heading: titled?.heading ?? null,
    description: paragraph ? textOf(paragraph) : (frontMatter['description'] ?? ''),
  };
}
