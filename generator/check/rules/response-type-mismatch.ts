/**
 * A type a Response sentence links differs from the type the first successful (2xx,
 * a `204` with a body too) example response it describes shows in its body: its `@odata.context` or `@odata.type`
 * (of the body, of a `value` array's items, or of one object wrapped in `value`),
 * and whether it is a collection (a `value` array) or one object; of a body that does
 * not parse, only the type its top-level `@odata.context` or `@odata.type` names. Every sentence
 * that links what a success returns is compared (`claims`: a usage report's
 * `### JSON` sentence beside its `### CSV` one); sentences naming the same type
 * say one thing. When they name different types, each describes the examples of
 * its one-word subsection (an example whose name or request URL says `json`), else
 * those answering its status, else its own by order; else none. A type derived from the prose's (or its base)
 * agrees, and so does a type whose page names no base (or an inferred one)
 * when its name ends in the prose type's last word, or when the prose says
 * "derivatives of" the type; responses whose body
 * names no type, primitives and types no page documents are not compared. A sentence naming several types
 * ("a [a](...) or a [b](...) object") is reported only when an example shows a type none of them is and exactly one
 * of them no example shows (at its link). A plural link text (`[identityProviders]`)
 * says collection. Reported at the prose's type link. Not when only the cardinality differs and the example's
 * annotation agrees with the prose: then the body is at odds with its own annotation, which example-type-mismatch
 * reports at the body.
 *
 * ok:     "returns ... a [user](../resources/user.md) object", example `"@odata.context": "...$metadata#users/$entity"`, `"@odata.type": "#microsoft.graph.user"`
 * not ok: "returns ... a [user](../resources/user.md) object", example `{ "value": [ { "@odata.type": "#microsoft.graph.group" } ] }`
 *         → Unexpected `user` object in the Response prose, expected `group` collection as the example response shows (line 60)
 */
import type { BodyFacts, ExampleFacts, HttpMessageFacts, PageFacts, ResponseClaim, ResponseFacts } from '../../extract/facts.js';
import { bodyType } from '../../extract/return-type.js';
import type { SourceRef } from '../../model/diagnostic.js';
import type { ModelOperation, ModelType } from '../../model/ir.js';
import type { CheckContext } from '../context.js';
import { keyOf, locateJson } from '../json-locate.js';
import type { TypeIndex } from '../type-index.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const responseTypeMismatch = defineRule({
  id: 'response-type-mismatch',
  description: 'The type the Response section links is the type (and cardinality) the example response body shows.',
  defaultLevel: 'error',
  check: (ctx) =>
    ctx.pages.flatMap((page) => {
      const linked = ctx.operations(page.file);
      return page.operations.flatMap((operation, i) => {
        const claims = distinct((operation.response?.claims ?? []).filter((claim) => claim.source.file === page.file && !claim.type.isPrimitive));
        return claims.flatMap((claim) => checkClaim(ctx, page, claim, describedBy(claim, claims, operation.examples), proseType(claim, operation.response, linked[i])));
      });
    }),
});

/** The model's resolution of the operation's response type when the claim is that type's link; else the claim's type name. */
function proseType(claim: ResponseClaim, response: ResponseFacts | null, linked: ModelOperation | undefined): string | undefined {
  const said = linked?.response.type;
  const main = response?.typeFrom === 'prose' && response.typeSource?.line === claim.source.line && response.typeSource.column === claim.source.column;
  return main ? (said && !said.name.startsWith('Edm.') ? said.name : undefined) : claim.type.name;
}

/** Claims naming the same type and shape say one thing (the first one stands for them). */
function distinct(claims: ResponseClaim[]): ResponseClaim[] {
  const key = (claim: ResponseClaim) => `${claim.type.name.toLowerCase()}:${claim.type.isCollection}`;
  return claims.filter((claim, i) => claims.findIndex((other) => key(other) === key(claim)) === i);
}

/**
 * The examples a claim describes: all of them when the section makes one claim; else those under the claim's
 * one-word subsection (`### JSON`: an example whose name or request URL says `json`), or answering the claim's
 * status when the claims name different statuses, or the claim's own by order when there are as many examples; else none.
 */
function describedBy(claim: ResponseClaim, claims: ResponseClaim[], examples: ExampleFacts[]): ExampleFacts[] {
  if (claims.length === 1) return examples;
  const word = claim.under && /^[A-Za-z]\w*$/.test(claim.under) ? claim.under.toLowerCase() : null;
  if (word) return examples.filter((example) => words(`${example.name} ${example.request?.url ?? ''}`).includes(word));
  const statuses = new Set(claims.map((c) => c.status));
  if (claim.status !== null && statuses.size === claims.length && !statuses.has(null)) return examples.filter((example) => example.response?.status === claim.status);
  const answered = examples.filter((example) => answers(example.response) && example.response.body.parsed);
  return answered.length === claims.length ? [answered[claims.indexOf(claim)]!] : [];
}

const words = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/);

function checkClaim(ctx: CheckContext, page: PageFacts, claim: ResponseClaim, examples: ExampleFacts[], name: string | undefined): RuleFinding[] {
  const index = ctx.types(page.apiVersion);
  const prose = name === undefined ? undefined : (index.get(name) ?? index.lookup(name)?.type);
  if (!prose) return [];
  const line = ctx.line(page.file, claim.source.line);
  // "a collection of derivatives of [actionResultPart](...)": the prose names a base type on purpose.
  const derivatives = /\bderiv(ed|atives?)\b/i.test(line.slice(0, claim.source.column - 1));
  const related = (example: ModelType, said: ModelType) => derivatives || isRelated(index, example, said);
  if (claim.also) return checkSeveral(ctx, claim, prose, examples, related);
  const shown = shownTypes(ctx, examples, true)[0];
  const example = shown && index.lookup(shown.name)?.type;
  if (!shown || !example || example.origin !== 'documented') return [];
  const isCollection = claim.type.isCollection || pluralLink(line, claim.source.column, prose.name);
  if (related(example, prose) && (isCollection === shown.isCollection || shown.shapeUnknown)) return [];
  // The body alone is a collection (or one object) against its annotation and the prose: example-type-mismatch reports that at the body.
  if (related(example, prose) && shown.annotatedCollection === isCollection) return [];
  return [finding(claim.source, prose, isCollection, related(example, prose) ? prose : example, shown)];
}

/**
 * "a [a](...) or a [b](...) object": every example shows one of the types (or one related to it). Reported only when an
 * example shows a type none of them is, and exactly one named type is shown by no example: at that type's link.
 */
function checkSeveral(ctx: CheckContext, claim: ResponseClaim, first: ModelType, examples: ExampleFacts[], related: (example: ModelType, said: ModelType) => boolean): RuleFinding[] {
  const index = ctx.types(first.apiVersion);
  const named = [{ type: first, source: claim.source }, ...(claim.also ?? []).map((other) => ({ type: index.lookup(other.type.name)?.type, source: other.source }))];
  const shown = shownTypes(ctx, examples, false).flatMap((one) => {
    const type = index.lookup(one.name)?.type;
    return type?.origin === 'documented' ? [{ one, type }] : [];
  });
  if (named.some((n) => !n.type)) return [];
  const other = shown.find(({ type }) => !named.some((n) => related(type, n.type!)));
  const unshown = named.filter((n) => !shown.some(({ type }) => related(type, n.type!)));
  if (!other || unshown.length !== 1) return [];
  return [finding(unshown[0]!.source, unshown[0]!.type!, claim.type.isCollection, other.type, other.one)];
}

/** A type derived from the other (either way), or, when its page names no base (or an inferred one), ending in the same noun (educationFeedbackOutcome, educationOutcome). */
function isRelated(index: TypeIndex, example: ModelType, prose: ModelType): boolean {
  const unsure = (example.baseType === null || example.baseTypeInferred === true) && headNoun(example.name) === headNoun(prose.name);
  return index.isA(example, prose) || index.isA(prose, example) || unsure;
}

function finding(at: SourceRef, prose: ModelType, isCollection: boolean, expected: ModelType, shown: Shown): RuleFinding {
  const label = (type: string, collection: boolean) => `\`${type}\` ${collection ? 'collection' : 'object'}`;
  return {
    at,
    message: `Unexpected ${label(prose.name, isCollection)} in the Response prose, expected ${label(expected.name, shown.isCollection)} as the example response shows (line ${shown.line})`,
    key: `${prose.fullName}:${isCollection}:${expected.fullName}:${shown.isCollection}`,
    related: [{ file: at.file, line: shown.line, column: 1 }],
  };
}

/** The last word of a camel-cased name, lower-cased (`educationFeedbackOutcome` → `outcome`). */
function headNoun(name: string): string {
  return (/[A-Z]?[a-z0-9]+$/.exec(name)?.[0] ?? name).toLowerCase();
}

/** The link at `column` names the type in the plural ("a JSON representation of the [identityProviders](...)"). */
function pluralLink(line: string, column: number, name: string): boolean {
  const text = /^\[([^\]]*)\]/.exec(line.slice(column - 1))?.[1]?.replace(/[`*]/g, '').trim().toLowerCase() ?? '';
  const singular = name.toLowerCase();
  return text !== singular && !singular.endsWith('s') && /(s|es)$/.test(text) && text.startsWith(singular.slice(0, Math.max(3, singular.length - 4)));
}

/**
 * The types the bodies of the successful (2xx) example responses with one show, and their lines; with `first`, only
 * the first such response's (none when it names no type). A JSON body that does not parse (example-json-invalid
 * reports it) shows the type its top-level `@odata.context` or `@odata.type` names (read from its partial tree), its shape unknown.
 */
function shownTypes(ctx: CheckContext, examples: ExampleFacts[], first: boolean): Shown[] {
  const out: Shown[] = [];
  for (const example of examples) {
    const response = example.response;
    if (!answers(response) || (!response.body.parsed && !response.body.raw.trimStart().startsWith('{'))) continue;
    const shown = shownBy(ctx, response);
    if (shown) out.push(shown);
    if (first) break;
  }
  return out;
}

function shownBy(ctx: CheckContext, response: Answer): Shown | null {
  const annotation = response.annotation?.value;
  const annotatedCollection = typeof annotation?.['@odata.type'] === 'string' ? annotation['isCollection'] === true : undefined;
  const line = response.body.source.line;
  if (!response.body.parsed) {
    const type = bodyType({ ...response, body: { ...response.body, json: namesOf(ctx, response.body) } });
    return type && !type.isPrimitive ? { name: type.name, isCollection: type.isCollection, shapeUnknown: true, line } : null;
  }
  const type = bodyType(response) ?? wrappedType(response.body.json);
  // The shape is the body's own: a `value` array or one object (a `Collection(...)` context over one object is the context's fault).
  const isCollection = Array.isArray((response.body.json as Record<string, unknown>)['value']);
  return type && !type.isPrimitive ? { name: type.name, isCollection, ...(annotatedCollection === undefined ? {} : { annotatedCollection }), line } : null;
}

/** The top-level `@odata.*` strings of a body that does not parse, from its partial tree. */
function namesOf(ctx: CheckContext, body: BodyFacts): Record<string, string> {
  const { root } = locateJson(ctx, body);
  const properties = root?.type === 'object' ? (root.children ?? []) : [];
  return Object.fromEntries(
    properties.flatMap((property) => {
      const key = keyOf(property);
      const value: unknown = property.children?.[1]?.value;
      return key?.startsWith('@odata.') && typeof value === 'string' ? [[key, value]] : [];
    }),
  );
}

type Answer = HttpMessageFacts & { body: BodyFacts };

/** A success response (no status line, or 2xx: a `204` with a body shows it too) with a body. */
function answers(response: HttpMessageFacts | null): response is Answer {
  return !!response?.body && (response.status === undefined || (response.status >= 200 && response.status <= 299));
}

interface Shown {
  name: string;
  isCollection: boolean;
  /** The annotation's `isCollection`, when it names a type. */
  annotatedCollection?: boolean;
  /** The body did not parse: only its annotation's type is known. */
  shapeUnknown?: boolean;
  line: number;
}

/**
 * What the body reader (`bodyType`) does not read: one object wrapped in `value` without an array
 * (`{ "value": { "@odata.type": "#x" } }`), or a `value` array under the body's own `@odata.type` whose items name none.
 */
function wrappedType(body: unknown): { name: string; isPrimitive: boolean } | null {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const value = record['value'];
  const inner = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)['@odata.type'] : undefined;
  const type = inner ?? (Array.isArray(value) ? record['@odata.type'] : undefined);
  return typeof type === 'string' && /^#?[A-Za-z][\w.]*$/.test(type) ? { name: type.replace(/^#/, ''), isPrimitive: false } : null;
}
