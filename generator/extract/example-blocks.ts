/**
 * The code blocks of an API page that are example requests and responses, in
 * page order. A block is one when its annotation says `blockType: request` or
 * `response` (checked against its first line), or, unannotated, when it is an
 * HTTP block starting with a request line to Microsoft Graph or a status line,
 * under a "Request"/"Response" heading (or bold "**Response**" line) or
 * anywhere below an "Example(s)" heading; or a bare JSON block under a
 * response heading. Code under non-HTTP language tabs, notification payloads
 * and `blockType: ignored` blocks are not examples; an ignored request is
 * returned as a marker, so its response is not paired with an earlier
 * request. A bare JSON block right after a message block is that message's body.
 */
import type { Code, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { AnnotationFacts } from './facts.js';
import { report, type PageContext } from './context.js';
import { annotationString, readAnnotation } from './annotation.js';
import { flattenBlocks, tabOf } from './api-sections.js';
import { isRequestLine, isStatusLine, type MessageRole } from './http-message.js';
import type { Section } from './sections.js';

const HTTP_LANGS = new Set(['', 'http', 'https', 'msgraph-interactive', 'json', 'text', 'rest']);

export interface ExampleBlock {
  /** `ignored-request`: a request the annotation tells checkers to skip; its response is still paired with nothing. */
  role: MessageRole | 'ignored-request';
  code: Code;
  annotation: AnnotationFacts | null;
  /** A separate JSON block right after this one that holds its body. */
  continuation?: Code;
}

/** A request line to Microsoft Graph (or a bare path), not to a bot callback or a token endpoint. */
const GRAPH_URL = /^\S+\s+(https?:\/\/graph\.microsoft\.com\/|\/)/i;

/** Headings an unannotated example block may sit under. */
const EXAMPLE_HEADING = /^(requests?|responses?|examples?)\b(?!\s+(body|headers?|parameters?|codes?)\b)/i;

export function exampleBlocks(ctx: PageContext, sections: Section[]): ExampleBlock[] {
  const blocks: ExampleBlock[] = [];
  let examplesDepth: number | null = null;
  for (const section of sections) {
    if (section.heading && /^examples?\b/i.test(section.title)) examplesDepth = section.depth;
    else if (examplesDepth !== null && section.depth <= examplesDepth) examplesDepth = null;
    const inExamples = examplesDepth !== null;
    let heading = section.title;
    let tab: string | undefined;
    let pending: AnnotationFacts | null = null;
    /** The previous node was an example block: a bare JSON block right after it is its body. */
    let previous: ExampleBlock | undefined;
    for (const node of flattenBlocks(section.nodes)) {
      if (node.type === 'html') {
        pending = readAnnotation(ctx, node) ?? pending;
        continue;
      }
      if (node.type === 'code') {
        if (previous && previous.role !== 'ignored-request' && pending === null && /^\s*[{[]/.test(node.value)) {
          previous.continuation = node;
          previous = undefined;
          continue;
        }
        const role = roleOf(ctx, node, pending, { heading, tab, inExamples });
        previous = role ? { role, code: node, annotation: pending } : undefined;
        if (previous) blocks.push(previous);
        pending = null;
        continue;
      }
      if (node.type === 'heading') {
        tab = tabOf(node);
        pending = null;
      } else if (node.type === 'thematicBreak') {
        tab = undefined;
      } else if (node.type === 'table') {
        pending = null;
      } else if (node.type === 'paragraph' && isBoldLine(node)) {
        heading = toString(node).trim();
      }
      previous = undefined;
    }
  }
  return blocks;
}

/** `**Request**` on a line of its own, used as a heading by older pages. */
function isBoldLine(paragraph: Paragraph): boolean {
  return paragraph.children.length === 1 && paragraph.children[0]?.type === 'strong';
}

interface Place {
  /** The nearest heading (or bold pseudo-heading) above the block. */
  heading: string;
  /** The language tab the block is under, if any. */
  tab: string | undefined;
  /** The block is somewhere below an "Example(s)" heading. */
  inExamples: boolean;
}

function roleOf(ctx: PageContext, code: Code, annotation: AnnotationFacts | null, { heading, tab, inExamples }: Place): ExampleBlock['role'] | null {
  const first = code.value.trimStart().split('\n')[0] ?? '';
  const blockType = annotationString(annotation, 'blockType')?.toLowerCase();
  if (blockType === 'request' || blockType === 'response') {
    const actual = blockType === 'response' && isRequestLine(first) ? 'request' : blockType === 'request' && isStatusLine(first) ? 'response' : blockType;
    if (actual !== blockType) {
      report(ctx, 'example-annotation-mismatch', 'warning', `Unexpected ${actual === 'request' ? 'request line' : 'status line'} in a block annotated \`blockType: ${blockType}\`, expected ${blockType === 'request' ? 'a request line' : 'a status line'} (read as a ${actual})`, code);
    }
    return actual;
  }
  const underExample = (EXAMPLE_HEADING.test(heading) || inExamples) && !/notification/i.test(heading);
  if (blockType === 'ignored' && isRequestLine(first) && underExample) return 'ignored-request';
  if (blockType !== undefined || (tab !== undefined && tab !== 'http')) return null;
  if (!HTTP_LANGS.has((code.lang ?? '').toLowerCase()) || !underExample) return null;
  if (isRequestLine(first)) return GRAPH_URL.test(first) ? 'request' : null;
  if (isStatusLine(first)) return 'response';
  return /^responses?\b/i.test(heading) && /^[{[]/.test(first) ? 'response' : null;
}
