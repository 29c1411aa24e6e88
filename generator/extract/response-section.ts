/**
 * The "Response" section: the success status code and the type the sentence
 * says the body holds ("returns a `200 OK` response code and a [user](...)
 * collection in the response body").
 */
import type { Link, LinkReference, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ResponseFacts, TypeRefFacts } from './facts.js';
import { at, type PageContext } from './context.js';
import { flattenBlocks } from './api-sections.js';
import { sectionContent, type Section } from './sections.js';
import { sentencesOf, type Sentence } from './sentences.js';
import { primitiveOf, readTypeText } from './type-cell.js';

const REASON = /\b([1-5]\d\d)\s+(OK|Created|Accepted|No Content|Non-Authoritative Information|Reset Content|Partial Content|Multi-Status|Found|See Other|Not Modified|Moved Permanently|Temporary Redirect|Permanent Redirect)\b/i;
const STATUS_WORD = /\b([1-5]\d\d)\b(?=[^.]*\b(response|status)( code)?\b)/i;

/** The first "Response" section that is not part of an example. */
export function responseSection(sections: Section[]): Section | undefined {
  const firstExample = sections.find((s) => s.heading !== null && /^examples?\b/i.test(s.title));
  const candidates = sections.filter((s) => s.heading !== null && /^responses?\b/i.test(s.title));
  return candidates.find((s) => !firstExample || s.index < firstExample.index) ?? candidates.find((s) => s.depth <= 2);
}

export function readResponse(ctx: PageContext, sections: Section[]): ResponseFacts | null {
  const section = responseSection(sections);
  if (!section) return null;
  const paragraphs = flattenBlocks(sectionContent(sections, section)).filter((n): n is Paragraph => n.type === 'paragraph');
  for (const paragraph of paragraphs) {
    const sentences = sentencesOf(paragraph);
    const index = sentences.findIndex((s) => statusOf(s.text) !== null);
    if (index < 0) continue;
    const status = statusOf(sentences[index]!.text);
    const type = typeIn(ctx, sentences[index]!) ?? typeIn(ctx, sentences[index + 1], /\bbody\b/i);
    return { status, type, source: at(ctx, paragraph) };
  }
  return { status: null, type: null, source: at(ctx, section.heading ?? undefined) };
}

export function statusOf(text: string): number | null {
  const match = REASON.exec(text) ?? STATUS_WORD.exec(text);
  return match ? Number(match[1]) : null;
}

/** The first linked type in the sentence, or a primitive it names in code or bold. */
function typeIn(ctx: PageContext, sentence: Sentence | undefined, mustSay?: RegExp): TypeRefFacts | null {
  if (!sentence || (mustSay && !mustSay.test(sentence.text))) return null;
  const isCollection = /\bcollection\b|\barray of\b|\blist of\b/i.test(sentence.text);
  const link = sentence.links.find((l) => isTypeLink(ctx, l));
  if (link) {
    const name = toString(link).replace(/[`*]/g, '').trim();
    const { type } = readTypeText(name, isCollection ? `${name} collection` : name);
    const href = hrefOf(ctx, link);
    if (href !== undefined && !type.isPrimitive) type.href = href;
    return type;
  }
  const primitive = /\b(?:a|an|the)\s+[`*]*(Edm\.\w+|String|Boolean|Int32|Int64|Double|DateTimeOffset|Guid|Stream|Binary)[`*]*\s+(?:value|object|collection|in\b)/i.exec(sentence.text);
  if (primitive?.[1] && primitiveOf(primitive[1])) {
    return readTypeText(primitive[1], isCollection ? `${primitive[1]} collection` : primitive[1]).type;
  }
  return null;
}

function hrefOf(ctx: PageContext, link: Link | LinkReference): string | undefined {
  return link.type === 'link' ? link.url : ctx.definitions.get(link.identifier.toLowerCase());
}

/** Links to a resource page name a type; links to errors, concepts or status codes do not. */
function isTypeLink(ctx: PageContext, link: Link | LinkReference): boolean {
  const href = hrefOf(ctx, link) ?? '';
  const text = toString(link).trim();
  if (statusOf(text) !== null || /^\d/.test(text)) return false;
  return /(^|\/)resources?\/|(^|\/)[\w.-]+\.md(#.*)?$/i.test(href) && !/\/(errors|concepts)\b|\bquery-parameters\b/i.test(href);
}
