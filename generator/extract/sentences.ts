/** Splits a paragraph into sentences, keeping the links and bold spans each sentence holds. */
import type { Link, LinkReference, Nodes, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';

export interface Sentence {
  text: string;
  links: Array<Link | LinkReference>;
  /** Text of `**bold**` spans, which older pages use to name types. */
  strong: string[];
}

const BOUNDARY = /(?<=[.!?])\s+(?=[A-Z])/;

export function sentencesOf(paragraph: Paragraph): Sentence[] {
  const out: Sentence[] = [{ text: '', links: [], strong: [] }];
  const walk = (node: Nodes): void => {
    const current = out[out.length - 1]!;
    if (node.type === 'text') {
      const [first, ...rest] = node.value.split(BOUNDARY);
      current.text += first ?? '';
      for (const part of rest) out.push({ text: part, links: [], strong: [] });
    } else if (node.type === 'link' || node.type === 'linkReference') {
      current.links.push(node);
      current.text += toString(node);
    } else if (node.type === 'strong') {
      current.strong.push(toString(node).trim());
      for (const child of node.children) walk(child);
    } else if ('children' in node) {
      for (const child of node.children) walk(child as Nodes);
    } else {
      current.text += toString(node);
    }
  };
  for (const child of paragraph.children) walk(child);
  return out
    .map((sentence) => ({ ...sentence, text: sentence.text.replace(/\s+/g, ' ').trim() }))
    .filter((sentence) => sentence.text !== '');
}
