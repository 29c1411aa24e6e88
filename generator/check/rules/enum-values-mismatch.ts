/**
 * A property description's "Possible values" disagree with the members of the
 * enum page its type links to: a listed value that is no member, or a member
 * the list leaves out (`unknownFutureValue`, the evolvable-enum sentinel, may
 * be left out). Only documented enums are compared: for a type no page
 * documents the description is the only list there is. Not compared: a value the sentence gives another property
 * ("when the **identitySource** is `external`"), a list none of whose values is a member of the enum an unlinked type
 * cell names (another enum of that name), the members of an enum its page documents twice.
 *
 * ok:     type `state` (members a, b), description "Possible values are: `a`, `b`."
 * not ok: description "Possible values are: `a`, `c`." → Unexpected `c` in "Possible values", expected a member of enum `state` (did you mean `a`?)
 */
import path from 'node:path';
import type { ModelProperty, ModelType } from '../../model/ir.js';
import { placeOn, type CheckContext } from '../context.js';
import { closest, didYouMean } from '../did-you-mean.js';
import { defineRule, type RuleFinding } from '../rule.js';

export const enumValuesMismatch = defineRule({
  id: 'enum-values-mismatch',
  description: '"Possible values" in a property description match the members of its enum page.',
  defaultLevel: 'error',
  check: (ctx) => {
    const out: RuleFinding[] = [];
    for (const type of ctx.model.types) {
      if (type.origin !== 'documented') continue;
      for (const property of [...type.properties, ...type.navigationProperties]) out.push(...checkProperty(ctx, type.apiVersion, property, `${type.fullName}.${property.name}`));
    }
    for (const operation of ctx.model.operations) {
      for (const property of operation.requestBody ?? []) out.push(...checkProperty(ctx, operation.apiVersion, property, `${operation.id}.${property.name}`));
    }
    return out;
  },
});

const SENTINEL = 'unknownFutureValue';

function checkProperty(ctx: CheckContext, apiVersion: string, property: ModelProperty, key: string): RuleFinding[] {
  const listed = property.possibleValues ?? [];
  if (listed.length === 0) return [];
  const type = ctx.types(apiVersion).get(property.type.name);
  if (!type || type.kind !== 'enum' || type.origin !== 'documented' || type.members.length === 0) return [];
  const members = type.members.map((m) => m.name);
  const row = ctx.line(property.source.file, property.source.line);
  // A value the sentence gives another property ("`group` when the **identitySource** is `external`") is not in the list.
  const own = listed.filter((value) => !aboutAnother(row, value));
  // A type cell naming, without a link, an enum none of whose members the list has is another enum of that name
  // (changeNotification's `changeType` string vs enums.md's changeType): nothing to compare.
  if (own.length > 1 && !own.some((v) => members.some((m) => m.toLowerCase() === v.toLowerCase())) && !row.includes(path.basename(type.source.file))) return [];
  const out: RuleFinding[] = [];
  for (const value of own) {
    if (members.includes(value)) continue;
    out.push({
      at: valuePlace(ctx, property, value),
      message: `Unexpected \`${value}\` in "Possible values", expected a member of enum \`${type.name}\`${didYouMean(value, members)}`,
      key: `${key}=${value}`,
    });
  }
  // Not missing: a member the row writes as code outside the list ("or `delegated` for ...", "`null`"), or one a
  // misspelt listed value stands for (that value is reported above, with "did you mean" this member).
  // Nor any member of an enum its page documents twice.
  const misspelt = new Set(own.filter((v) => !members.includes(v)).map((v) => closest(v, members)));
  const twice = documentedTwice(ctx, type);
  const missing = members.filter((m) => m !== SENTINEL && !twice && !own.some((v) => v.toLowerCase() === m.toLowerCase()) && !row.includes(`\`${m}\``) && !misspelt.has(m));
  if (missing.length > 0) {
    out.push({
      at: valuePlace(ctx, property, (own[0] ?? listed[0])!),
      message: `Unexpected "Possible values" without ${list(missing)}, expected every member of enum \`${type.name}\` (${pageOf(type)})`,
      key: `${key}:missing`,
    });
  }
  return out;
}

/** Whether every time the row writes `value` it is what another (bold or camelCase) property is: "when the **identitySource** is `external`". */
function aboutAnother(row: string, value: string): boolean {
  const spots = [...row.matchAll(new RegExp(`\`${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\``, 'g'))].map((m) => m.index);
  return spots.length > 0 && spots.every((at) => /(?:\*\*[^*]+\*\*|\b[a-z]+[A-Z]\w*)(?: property)? (?:is|equals) $/.test(row.slice(Math.max(0, at - 60), at)));
}

/**
 * Whether the enum's page defines it twice (enums.md's two `riskDetail` lists; the model keeps the first): which
 * members the other has is unknown, so none counts as missing (enum-duplicate reports the second list).
 */
function documentedTwice(ctx: CheckContext, type: ModelType): boolean {
  return !!ctx.page(type.source.file)?.diagnostics.some((d) => d.code === 'enum-duplicate' && d.message.includes(`enum \`${type.name}\``));
}

function valuePlace(ctx: CheckContext, property: ModelProperty, value: string) {
  const at = placeOn(ctx, property.source, `\`${value}\``);
  return at === property.source ? placeOn(ctx, property.source, value) : { ...at, column: at.column + 1 };
}

function list(names: string[]): string {
  const shown = names.slice(0, 4).map((n) => `\`${n}\``).join(', ');
  return names.length > 4 ? `${shown} and ${names.length - 4} more` : shown;
}

function pageOf(type: ModelType): string {
  return type.source.file;
}
