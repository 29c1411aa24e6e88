/**
 * The "Response" section: the success status code and the type the sentence
 * says the body holds ("returns a `200 OK` response code and a [user](...)
 * collection in the response body"), or a primitive it states in words; and
 * every sentence that links what a success returns (`claims`: a usage report's
 * `### JSON` sentence beside its `### CSV` one).
 */
import type { Link, LinkReference, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ResponseClaim, ResponseFacts, TypeRefFacts } from './facts.js';
import { at, type PageContext } from './context.js';
import { flattenBlocks } from './api-sections.js';
import { subsections, type Section } from './sections.js';
import { sentencesOf, type Sentence } from './sentences.js';
import { primitiveOf, typeRefOf } from './type-cell.js';
import { primitiveInProse } from './return-type.js';

const REASON = /\b([1-5]\d\d)\s+(OK|Created|Accepted|No Content|Non-Authoritative Information|Reset Content|Partial Content|Multi-Status|Found|See Other|Not Modified|Moved Permanently|Temporary Redirect|Permanent Redirect)\b/i;
const STATUS_WORD = /\b([1-5]\d\d)\b(?=[^.]*\b(response|status)( code)?\b)/i;
const SAYS_BODY = /\b(returns?|response body|in the body)\b/i;

/** The first "Response" section that is not part of an example. */
export function responseSection(sections: Section[]): Section | undefined {
  const firstExample = sections.find((s) => s.heading !== null && /^examples?\b/i.test(s.title));
  const candidates = sections.filter((s) => s.heading !== null && /^responses?\b/i.test(s.title));
  return candidates.find((s) => !firstExample || s.index < firstExample.index) ?? candidates.find((s) => s.depth <= 2);
}

export function readResponse(ctx: PageContext, sections: Section[]): ResponseFacts | null {
  const section = responseSection(sections);
  if (!section) return null;
  const own = [section, ...subsections(sections, section).filter((s) => !/\berror/i.test(s.title))];
  const sentences = own.flatMap((s) =>
    flattenBlocks(s.nodes)
      .filter((n): n is Paragraph => n.type === 'paragraph')
      .flatMap((paragraph) => sentencesOf(paragraph).map((sentence) => ({ sentence, paragraph, under: s === section ? null : s.title }))),
  );
  const withStatus = sentences.find(({ sentence }) => statusOf(sentence.text) !== null);
  const status = withStatus ? statusOf(withStatus.sentence.text) : null;
  const found =
    (withStatus && !namesLocationOnly(status, withStatus.sentence.text) ? typeInSentence(ctx, withStatus.sentence) : null) ??
    sentences
      .filter(({ sentence }) => [null, status].includes(statusOf(sentence.text)) && !namesLocationOnly(status, sentence.text))
      .map(({ sentence }) => typeInSentence(ctx, sentence, SAYS_BODY))
      .find((type) => type !== null) ??
    null;
  const typed = found?.type ?? primitiveInProse(sentences.map(({ sentence }) => sentence.text));
  const place = withStatus?.paragraph ?? sentences[0]?.paragraph ?? section.heading ?? undefined;
  const link = found?.link ? { typeSource: at(ctx, found.link) } : {};
  const claims = sentences.flatMap(({ sentence, under }): ResponseClaim[] => {
    const said = statusOf(sentence.text);
    const claim = (said === null || (said >= 200 && said <= 299)) && !namesLocationOnly(said ?? status, sentence.text) ? typeInSentence(ctx, sentence, sentence === withStatus?.sentence ? undefined : SAYS_BODY) : null;
    if (!claim?.link) return [];
    const also = alternativesOf(ctx, sentence, claim.link, claim.type.isCollection);
    return [{ type: claim.type, status: said, under, source: at(ctx, claim.link), ...(also.length ? { also } : {}) }];
  });
  return { status, type: typed, ...(typed ? { typeFrom: 'prose' as const, ...link } : {}), ...(claims.length ? { claims } : {}), source: at(ctx, place) };
}

/**
 * "returns a `202 Accepted` response code with a Location header pointing to the
 * [operation](...) resource": the link is where the header points, and a 202 has no body.
 */
function namesLocationOnly(status: number | null, text: string): boolean {
  return status === 202 && /\bLocation:?\s+(HTTP\s+)?header\b/i.test(text) && !/\b(response body|in the body|body of the response)\b/i.test(text);
}

export function statusOf(text: string): number | null {
  const match = REASON.exec(text) ?? STATUS_WORD.exec(text);
  return match ? Number(match[1]) : null;
}

/** The first linked type in the sentence (with its link), or a type or primitive it names in bold or words. */
export function typeInSentence(ctx: PageContext, sentence: Sentence | undefined, mustSay?: RegExp): { type: TypeRefFacts; link?: Link | LinkReference } | null {
  if (!sentence || (mustSay && !mustSay.test(sentence.text))) return null;
  const isCollection = /\bcollection\b|\barray of\b|\blist of\b/i.test(sentence.text);
  const link = sentence.links.find((l) => isTypeLink(ctx, l));
  if (link) {
    const name = toString(link).replace(/[`*]/g, '').trim();
    const type = typeRefOf(name, isCollection);
    const href = hrefOf(ctx, link);
    if (href !== undefined && !type.isPrimitive) type.href = href;
    return { type, link };
  }
  const named = sentence.strong.find((word) =>
    new RegExp(`\\b(a|an|the|updated|new|of)\\s+${escape(word)}\\s+(objects?|collection|resources?|entity|entities)\\b`, 'i').test(sentence.text),
  );
  const primitive = /\b(Edm\.\w+|String|Boolean|Int32|Int64|Double|DateTimeOffset|Guid|Stream|Binary)\s+(?:value|object|collection|array|in the)\b/.exec(sentence.text);
  const word = (named && /^[A-Za-z][\w.]*$/.test(named) ? named : undefined) ?? (primitive?.[1] && primitiveOf(primitive[1]) ? primitive[1] : undefined);
  return word === undefined ? null : { type: typeRefOf(word, isCollection) };
}

/** The type links that follow `first` in the sentence joined by `,`, `or`, `and`, `and/or` ("a [a](...) or a [b](...) object"). */
function alternativesOf(ctx: PageContext, sentence: Sentence, first: Link | LinkReference, isCollection: boolean): NonNullable<ResponseClaim['also']> {
  const out: NonNullable<ResponseClaim['also']> = [];
  let previous = first;
  for (const link of sentence.links.slice(sentence.links.indexOf(first) + 1)) {
    const between = ctx.text.slice(previous.position?.end.offset ?? 0, link.position?.start.offset ?? 0).replace(/[`*]/g, '').trim();
    if (!isTypeLink(ctx, link) || !/^(,|,?\s*(and\/or|or|and))(\s+(an?|the))?$/i.test(between)) break;
    const name = toString(link).replace(/[`*]/g, '').trim();
    out.push({ type: typeRefOf(name, isCollection), source: at(ctx, link) });
    previous = link;
  }
  return out;
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
