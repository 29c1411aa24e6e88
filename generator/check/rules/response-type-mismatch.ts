/**
 * The type the Response prose links differs from the type the first successful
 * example response shows in its body: its `@odata.context` or `@odata.type`
 * (of the body, or of a `value` array's items), and whether it is a collection
 * (a `value` array) or one object. A type derived from the prose's (or its base)
 * agrees, and so does a type whose page names no base (or an inferred one)
 * when its name ends in the prose type's last word, or when the prose says
 * "derivatives of" the type; responses whose body
 * names no type, primitives, types no page documents and sentences naming
 * several types are not compared. A plural link text (`[identityProviders]`)
 * says collection. Reported at the prose's type link. Not when only the cardinality differs and the example's
 * annotation agrees with the prose: then the body is at odds with its own annotation, which example-type-mismatch
 * reports at the body.
 *
 * ok:     "returns ... a [user](../resources/user.md) object", example `"@odata.context": "...$metadata#users/$entity"`, `"@odata.type": "#microsoft.graph.user"`
 * not ok: "returns ... a [user](../resources/user.md) object", example `{ "value": [ { "@odata.type": "#microsoft.graph.group" } ] }`
 *         → Unexpected `user` object in the Response prose, expected `group` collection as the example response shows (line 60)
 */
import type { ExampleFacts, PageFacts } from '../../extract/facts.js';
import { bodyType, isSuccess } from '../../extract/return-type.js';
import type { ModelOperation } from '../../model/ir.js';
import type { CheckContext } from '../context.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const responseTypeMismatch = defineRule({
  id: 'response-type-mismatch',
  description: 'The type the Response section links is the type (and cardinality) the example response body shows.',
  defaultLevel: 'error',
  check: (ctx) =>
    ctx.pages.flatMap((page) => {
      const linked = ctx.operations(page.file);
      return page.operations.flatMap((operation, i) => checkOperation(ctx, page, operation.examples, operation.response, linked[i]));
    }),
});

function checkOperation(ctx: CheckContext, page: PageFacts, examples: ExampleFacts[], response: PageFacts['operations'][number]['response'], linked: ModelOperation | undefined): RuleFinding[] {
  const said = linked?.response.type;
  if (!response?.typeSource || response.typeFrom !== 'prose' || !said || said.name.startsWith('Edm.') || response.typeSource.file !== page.file) return [];
  const line = ctx.line(page.file, response.typeSource.line);
  // "a collection of [a](...) and/or [b](...) objects": the prose names several types.
  if (/^\[[^\]]*\]\([^)]*\)\s*(,|and\/or|or|and)\s*\[/.test(line.slice(response.typeSource.column - 1))) return [];
  const shown = shownType(examples);
  if (!shown) return [];
  const index = ctx.types(page.apiVersion);
  const prose = index.get(said.name);
  const example = index.lookup(shown.name)?.type;
  if (!prose || !example || example.origin !== 'documented') return [];
  // A type whose page names no base (or only an inferred one) may derive from the prose's when its name ends in the same noun (educationFeedbackOutcome, educationOutcome).
  const unsure = (example.baseType === null || example.baseTypeInferred === true) && headNoun(example.name) === headNoun(prose.name);
  // "a collection of derivatives of [actionResultPart](...)": the prose names a base type on purpose.
  const derivatives = /\bderiv(ed|atives?)\b/i.test(line.slice(0, response.typeSource.column - 1));
  const related = index.isA(example, prose) || index.isA(prose, example) || unsure || derivatives;
  const isCollection = said.isCollection || pluralLink(line, response.typeSource.column, prose.name);
  if (related && isCollection === shown.isCollection) return [];
  // The body alone is a collection (or one object) against its annotation and the prose: example-type-mismatch reports that at the body.
  if (related && shown.annotatedCollection === isCollection) return [];
  const label = (name: string, collection: boolean) => `\`${name}\` ${collection ? 'collection' : 'object'}`;
  return [
    {
      at: response.typeSource,
      message: `Unexpected ${label(prose.name, isCollection)} in the Response prose, expected ${label(related ? prose.name : example.name, shown.isCollection)} as the example response shows (line ${shown.line})`,
      key: `${prose.fullName}:${isCollection}:${example.fullName}:${shown.isCollection}`,
    },
  ];
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

/** The type the body of the first successful example response with one shows, and its line; null when it names none. */
function shownType(examples: ExampleFacts[]): { name: string; isCollection: boolean; annotatedCollection?: boolean; line: number } | null {
  for (const example of examples) {
    const response = example.response;
    if (!response?.body?.parsed || !isSuccess(response)) continue;
    const type = bodyType(response);
    // The shape is the body's own: a `value` array or one object (a `Collection(...)` context over one object is the context's fault).
    const isCollection = Array.isArray((response.body.json as Record<string, unknown>)['value']);
    const annotation = response.annotation?.value;
    const annotatedCollection = typeof annotation?.['@odata.type'] === 'string' ? annotation['isCollection'] === true : undefined;
    return type && !type.isPrimitive ? { name: type.name, isCollection, ...(annotatedCollection === undefined ? {} : { annotatedCollection }), line: response.body.source.line } : null;
  }
  return null;
}
