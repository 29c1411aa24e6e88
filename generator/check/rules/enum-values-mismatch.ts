/**
 * A property description's "Possible values" disagree with the members of the
 * enum page its type links to: a listed value that is no member, or a member
 * the list leaves out (`unknownFutureValue`, the evolvable-enum sentinel, may
 * be left out). Only documented enums are compared: for a type no page
 * documents the description is the only list there is. Not compared: a value the sentence gives another property
 * ("when the **identitySource** is `external`"), a list none of whose values is a member of the enum an unlinked type
 * cell names (another enum of that name), the members of an enum its page documents twice. When the examples give the
 * property the listed values the enum lacks and never its members' spellings, or two property rows or more write a value
 * the enum lacks and none writes the member closest to it (identityUserFlowAttributeInputType's `dateTimeDropdown` on
 * 4 pages vs the enum page's `dateTimeDropDown`), the enum page is out of date: reported once there (the member written
 * otherwise, or after its last member), with the lists as related spots.
 *
 * ok:     type `state` (members a, b), description "Possible values are: `a`, `b`."
 * not ok: description "Possible values are: `a`, `c`." → Unexpected `c` in "Possible values", expected a member of enum `state` (did you mean `a`?)
 */
import path from 'node:path';
import type { SourceRef } from '../../model/diagnostic.js';
import type { ModelProperty, ModelType } from '../../model/ir.js';
import { placeOn, type CheckContext } from '../context.js';
import { closest, didYouMean } from '../did-you-mean.js';
import { exampleValues } from '../example-values.js';
import { defineRule, oncePerKey, type RuleFinding } from '../rule.js';

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
    return oncePerKey(out, (key) => key.startsWith('enum:'));
  },
});

const SENTINEL = 'unknownFutureValue';

function checkProperty(ctx: CheckContext, apiVersion: string, property: ModelProperty, key: string): RuleFinding[] {
  const listed = property.possibleValues ?? [];
  if (listed.length === 0) return [];
  const type = ctx.types(apiVersion).get(property.type.name);
  if (!type || type.kind !== 'enum' || type.origin !== 'documented' || type.members.length === 0) return [];
  const members = type.members.map((m) => m.name);
  const row = rowLines(ctx, property.source).map((at) => ctx.line(at.file, at.line)).join(' ');
  // A value the sentence gives another property ("`group` when the **identitySource** is `external`") is not in the list.
  const own = listed.filter((value) => !aboutAnother(row, value));
  // A type cell naming, without a link, an enum none of whose members the list has is another enum of that name
  // (changeNotification's `changeType` string vs enums.md's changeType): nothing to compare.
  if (own.length > 1 && !own.some((v) => members.some((m) => m.toLowerCase() === v.toLowerCase())) && !row.includes(path.basename(type.source.file))) return [];
  const out: RuleFinding[] = [];
  const strangers = own.filter((value) => !members.includes(value));
  const byExamples = enumPageAtFault(ctx, apiVersion, property.name, strangers, members);
  for (const value of strangers) {
    const rows = byExamples ? 0 : rowsAgainstEnum(ctx, type, value, members);
    const onEnum = byExamples || rows > 1 ? enumPlace(ctx, type, property.name, value, rows) : undefined;
    if (onEnum) {
      out.push({ ...onEnum, key: `enum:${type.fullName}=${value}`, related: [valuePlace(ctx, property, value)] });
      continue;
    }
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
  // Nor when the row says it lists a subset ("Supports a subset of the values for **updateCategory**").
  const subset = /\bsubset of\b/i.test(row);
  const missing = members.filter((m) => m !== SENTINEL && !twice && !subset && !own.some((v) => v.toLowerCase() === m.toLowerCase()) && !row.includes(`\`${m}\``) && !misspelt.has(m));
  if (missing.length > 0) {
    out.push({
      at: valuePlace(ctx, property, (own[0] ?? listed[0])!),
      message: `Unexpected "Possible values" without ${list(missing)}, expected every member of enum \`${type.name}\` (${pageOf(type)})`,
      key: `${key}:missing`,
    });
  }
  return out;
}

/**
 * The enum page is out of date, not the list, when the examples give the property a listed value the enum lacks
 * (`"type": "roster"`, `"tlpLevel": "green"`) and never the member such a value is closest to (`Green`).
 */
function enumPageAtFault(ctx: CheckContext, apiVersion: string, name: string, strangers: readonly string[], members: readonly string[]): boolean {
  const used = exampleValues(ctx, apiVersion).get(name);
  if (!used || !strangers.some((value) => used.has(value))) return false;
  return !strangers.some((value) => {
    const member = closest(value, members);
    return member !== undefined && used.has(member);
  });
}

/**
 * How many property rows of the enum's API version write `value` in the "Possible values" of a property of that enum,
 * or 0 when a row writes the member closest to it (the rows disagree: each is the list's own problem).
 */
function rowsAgainstEnum(ctx: CheckContext, type: ModelType, value: string, members: readonly string[]): number {
  const rows = listedValues(ctx, type.apiVersion).get(type.fullName);
  const member = closest(value, members);
  return member !== undefined && (rows?.get(member)?.size ?? 0) > 0 ? 0 : (rows?.get(value)?.size ?? 0);
}

/** Per enum (full name), the rows (file:line) of an API version whose "Possible values" write each value. */
function listedValues(ctx: CheckContext, apiVersion: string): Map<string, Map<string, Set<string>>> {
  return ctx.memo(`possible-values:${apiVersion}`, () => {
    const out = new Map<string, Map<string, Set<string>>>();
    const properties = [
      ...ctx.model.types.filter((t) => t.origin === 'documented' && t.apiVersion === apiVersion).flatMap((t) => [...t.properties, ...t.navigationProperties]),
      ...ctx.model.operations.filter((o) => o.apiVersion === apiVersion).flatMap((o) => o.requestBody ?? []),
    ];
    for (const property of properties) {
      const type = property.possibleValues?.length ? ctx.types(apiVersion).get(property.type.name) : undefined;
      if (type?.kind !== 'enum') continue;
      const values = out.get(type.fullName) ?? new Map<string, Set<string>>();
      out.set(type.fullName, values);
      for (const value of property.possibleValues!) values.set(value, (values.get(value) ?? new Set()).add(`${property.source.file}:${property.source.line}`));
    }
    return out;
  });
}

/**
 * Where the enum page gets the value: the row of the member it writes otherwise (`Green` for `green`), or the line
 * after its last member row, where a missing one goes. `rows`: how many property rows write it (0: the examples say so).
 */
function enumPlace(ctx: CheckContext, type: ModelType, name: string, value: string, rows: number): Omit<RuleFinding, 'key'> | undefined {
  const facts = ctx.page(type.source.file)?.enums.find((e) => e.name === type.name && e.source.line === type.source.line);
  const last = facts?.members.at(-1);
  if (!facts || !last) return undefined;
  const variant = facts.members.find((m) => m.name.toLowerCase() === value.toLowerCase());
  const because = rows > 0 ? `as the "Possible values" of ${rows} property rows have it` : `as the "Possible values" of \`${name}\` have it (the examples use that list's values)`;
  return variant
    ? { at: placeOn(ctx, variant.source, variant.name), message: `Unexpected member \`${variant.name}\` of enum \`${type.name}\`, expected \`${value}\` ${because}` }
    : { at: { file: last.source.file, line: last.source.line + 1, column: 1 }, message: `Unexpected enum \`${type.name}\` without \`${value}\`, expected that member ${because}` };
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

/** Where the row writes `value`: on its line or a line it runs on to (a row split across lines, table-row-split's finding). */
function valuePlace(ctx: CheckContext, property: ModelProperty, value: string) {
  for (const line of rowLines(ctx, property.source)) {
    const at = placeOn(ctx, line, `\`${value}\``);
    if (at !== line) return { ...at, column: at.column + 1 };
  }
  return placeOn(ctx, property.source, value);
}

/** The row's line and the lines without a leading `|` it runs on to, up to a blank line or the next row. */
function rowLines(ctx: CheckContext, at: SourceRef): SourceRef[] {
  const out = [at];
  for (let line = at.line + 1; line < at.line + 10; line++) {
    const text = ctx.line(at.file, line).trim();
    if (text === '' || text.startsWith('|') || text.startsWith('#') || text.startsWith('<!--') || text.startsWith('```')) break;
    out.push({ file: at.file, line, column: 1 });
  }
  return out;
}

function list(names: string[]): string {
  const shown = names.slice(0, 4).map((n) => `\`${n}\``).join(', ');
  return names.length > 4 ? `${shown} and ${names.length - 4} more` : shown;
}

function pageOf(type: ModelType): string {
  return type.source.file;
}
