/**
 * A property description's "Possible values" disagree with the members of the
 * enum page its type links to: a listed value that is no member, or a member
 * the list leaves out (`unknownFutureValue`, the evolvable-enum sentinel, may
 * be left out). Only documented enums are compared: for a type no page
 * documents the description is the only list there is.
 *
 * ok:     type `state` (members a, b), description "Possible values are: `a`, `b`."
 * not ok: description "Possible values are: `a`, `c`." → Unexpected `c` in "Possible values", expected a member of enum `state` (did you mean `a`?)
 */
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
  const out: RuleFinding[] = [];
  for (const value of listed) {
    if (members.includes(value)) continue;
    out.push({
      at: valuePlace(ctx, property, value),
      message: `Unexpected \`${value}\` in "Possible values", expected a member of enum \`${type.name}\`${didYouMean(value, members)}`,
      key: `${key}=${value}`,
    });
  }
  // Not missing: a member the row writes as code outside the list ("or `delegated` for ...", "`null`"), or one a
  // misspelt listed value stands for (that value is reported above, with "did you mean" this member).
  const row = ctx.line(property.source.file, property.source.line);
  const misspelt = new Set(listed.filter((v) => !members.includes(v)).map((v) => closest(v, members)));
  const missing = members.filter((m) => m !== SENTINEL && !listed.some((v) => v.toLowerCase() === m.toLowerCase()) && !row.includes(`\`${m}\``) && !misspelt.has(m));
  if (missing.length > 0) {
    out.push({
      at: valuePlace(ctx, property, listed[0]!),
      message: `Unexpected "Possible values" without ${list(missing)}, expected every member of enum \`${type.name}\` (${pageOf(type)})`,
      key: `${key}:missing`,
    });
  }
  return out;
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
