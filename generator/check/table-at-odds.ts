/**
 * An example value at odds with its property's table type while the resource's
 * JSON representation agrees with the example (dynamics item `taxGroupCode`:
 * table `numeric`, JSON representation `"string"`, examples `"FURNITURE"`;
 * presence `activity`: table `String collection`, JSON and examples one
 * string). The table cell is what a reviewer fixes, so example-type-mismatch
 * reports there, once per property, instead of at each example value.
 * Likewise a key the type's table lacks but its JSON representation lists
 * (`riskType` on identityRiskEvent, `chatViewpoint` on chat): table-json-mismatch
 * reports that once, at the resource page, and the example is not at fault.
 */
import type { Node } from 'jsonc-parser';
import type { ResourceFacts } from '../extract/facts.js';
import { primitiveOf } from '../extract/type-cell.js';
import type { SourceRef } from '../model/diagnostic.js';
import type { ModelProperty, ModelType } from '../model/ir.js';
import { cellStart, type CheckContext } from './context.js';
import { keyOf, locateJson } from './json-locate.js';
import { checkPrimitive, mainKindOf, type JsonKind } from './value-formats.js';

export interface TableAtOdds {
  at: SourceRef;
  message: string;
  /** One per property: every example showing it gives the same finding. */
  key: string;
  /** The JSON representation's value that agrees with the example. */
  related: SourceRef[];
}

/** The table type expected of the value: its primitive (undefined for a structured type) and cardinality. */
export interface TableType {
  primitive: string | undefined;
  isCollection: boolean;
}

export function tableAtOdds(ctx: CheckContext, owner: ModelType, prop: ModelProperty, expected: TableType, value: Node): TableAtOdds | undefined {
  const kind = value.type as JsonKind;
  if (kind === 'object' || kind === 'null' || !atOddsWithTable(expected, kind, value)) return undefined;
  const resource = resources(ctx).get(`${owner.apiVersion}:${prop.inheritedFrom ?? owner.fullName}`);
  const row = resource?.properties.find((p) => p.name === prop.name);
  const json = resource?.json;
  if (!row || !json) return undefined;
  const located = locateJson(ctx, json.body);
  const root = located.root;
  const written = root?.type === 'object' ? root.children?.find((m) => keyOf(m) === prop.name)?.children?.[1] : undefined;
  if (!written || !tableAlone(expected, written, value)) return undefined;
  const shown = kind === 'array' ? 'a collection' : `a ${kind}`;
  return {
    at: row.typeSource ?? row.source,
    message: `Unexpected type \`${row.type.raw}\` for \`${prop.name}\` in the properties table, expected ${shown} as the JSON representation (line ${json.source.line}) and the examples show`,
    key: `table:${prop.inheritedFrom ?? owner.fullName}.${prop.name}`,
    related: [located.at(written.offset)],
  };
}

/**
 * An array where the table types a property single and the JSON representation does not list it (chatMessage's
 * `hostedContents`: `[chatMessageHostedContent](...)` in the table, arrays in the examples of three pages): a
 * candidate finding at the table's type cell, kept by `settleMany` only when examples on two pages or more send
 * arrays (then the cell is what a reviewer fixes); one page's array stays at the value. Where the JSON
 * representation lists the property single too, it takes examples of three pages or more (beta message
 * `unsubscribeData`: `String` in both, arrays in the examples of eventmessage-get, mailfolder-list-messages and
 * user-post-messages): one or two pages' arrays stay at the values.
 */
export function manyAtOdds(ctx: CheckContext, owner: ModelType, prop: ModelProperty, expected: TableType, value: Node, spot: SourceRef): TableAtOdds | undefined {
  if (value.type !== 'array' || expected.isCollection) return undefined;
  // The type whose page has the row (message's `unsubscribeData` for an eventMessage body).
  const declaring = ctx.types(owner.apiVersion).chain(owner).find((t) => t.properties.includes(prop) || t.navigationProperties.includes(prop)) ?? owner;
  const resource = resources(ctx).get(`${owner.apiVersion}:${declaring.fullName}`);
  const row = [...(resource?.properties ?? []), ...(resource?.navigationProperties ?? [])].find((p) => p.name === prop.name);
  if (!row) return undefined;
  const pages = resource?.json && jsonRepresentationLists(ctx, declaring, prop.name) ? 3 : 2;
  return {
    at: row.typeSource ?? row.source,
    message: `Unexpected single type \`${row.type.raw}\` for \`${prop.name}\` in the properties table${pages === 3 ? ' and the JSON representation' : ''}, expected a collection as the examples of PAGES pages send`,
    key: `${pages === 3 ? 'many3' : 'many'}:${owner.apiVersion}:${declaring.fullName}.${prop.name}`,
    related: [spot],
  };
}

/** The `manyAtOdds` candidates shown on as many pages as their key asks (two, or three), once at their table cell, in place of the findings at the arrays; the others dropped. */
export function settleMany<T extends { rule: string; at: SourceRef; key: string; message: string; related?: SourceRef[] }>(findings: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const f of findings) if (/^many3?:/.test(f.key)) groups.set(f.key, [...(groups.get(f.key) ?? []), f]);
  const spotId = (s: SourceRef) => `${s.file}:${s.line}:${s.column}`;
  const moved = new Set<string>();
  const kept: T[] = [];
  for (const [key, group] of groups) {
    const spots = group.flatMap((f) => f.related ?? []);
    const pages = new Set(spots.map((s) => s.file)).size;
    if (pages < (key.startsWith('many3:') ? 3 : 2)) continue;
    for (const s of spots) moved.add(spotId(s));
    kept.push({ ...group[0]!, key: `table:${key}`, message: group[0]!.message.replace('PAGES', String(pages)), related: spots });
  }
  const rest = findings.filter((f) => !/^many3?:/.test(f.key) && !(f.rule === 'example-type-mismatch' && moved.has(spotId(f.at))));
  return [...rest, ...kept];
}

/** The resource page of `owner` lists `name` in its JSON representation (the tables lack it: table-json-mismatch reports that). */
export function jsonRepresentationLists(ctx: CheckContext, owner: ModelType, name: string): boolean {
  const json = resources(ctx).get(`${owner.apiVersion}:${owner.fullName}`)?.json;
  const root = json ? locateJson(ctx, json.body).root : undefined;
  return root?.type === 'object' && (root.children ?? []).some((m) => keyOf(m) === name);
}

/**
 * The type a property's link text names when its link goes to another type's page (call's `targets`:
 * `[invitationParticipantInfo](participantinfo.md)`; type-link-mismatch reports the cell): an example object whose
 * `@odata.type` names the text's type is not at fault.
 */
export function linkTextName(ctx: CheckContext, owner: ModelType, prop: ModelProperty): string | undefined {
  const row = resources(ctx).get(`${owner.apiVersion}:${prop.inheritedFrom ?? owner.fullName}`)?.properties.find((p) => p.name === prop.name);
  return row?.type.href && row.type.name !== prop.type.name ? row.type.name : undefined;
}

/** The value does not fit the table type (the cheap test first: most values fit, and then the JSON representation is not read). */
function atOddsWithTable(expected: TableType, kind: JsonKind, value: Node): boolean {
  return expected.isCollection !== (kind === 'array') || (expected.primitive !== undefined && checkPrimitive(expected.primitive, kind, value.value) !== null);
}

/**
 * Table and JSON representation disagree on the cardinality, or on the JSON kind of the primitive
 * (`numeric` vs `"string"`, not `DateTimeOffset` vs `"String"`: then the example's format is at fault), and
 * the example fits the JSON representation, not the table.
 */
function tableAlone(expected: TableType, written: Node, value: Node): boolean {
  const kind = value.type as JsonKind;
  // `"Collection(string)"` is how some JSON representations write a collection.
  const many = written.type === 'array' || (written.type === 'string' && /^collection\(/i.test(String(written.value)));
  if (expected.isCollection || kind === 'array' || many) return many === (kind === 'array') && expected.isCollection !== (kind === 'array');
  if (expected.primitive === undefined || checkPrimitive(expected.primitive, kind, value.value) === null) return false;
  const primitive = written.type === 'string' ? primitiveOf(String(written.value).replace(/\s*\(.*\)$/, '')) : undefined;
  const shown = primitive ? mainKindOf(primitive) : written.type;
  const fits = primitive ? checkPrimitive(primitive, kind, value.value) === null : written.type === kind;
  return fits && shown !== mainKindOf(expected.primitive);
}

/** The values a page's example bodies give one request-body (or parameter) row typed as a collection. */
export interface RowValues {
  prop: ModelProperty;
  file: string;
  array: boolean;
  single: boolean;
  /** Where the single values are. */
  spots: SourceRef[];
}

/** Notes a value of a request-body row typed as a collection (an array, or one value where the row says collection). */
export function noteRowValue(rows: Map<string, RowValues>, file: string, prop: ModelProperty, value: Node, spot: SourceRef): void {
  const key = `${file}\0${prop.name}`;
  const entry = rows.get(key) ?? { prop, file, array: false, single: false, spots: [] };
  if (value.type === 'array') entry.array = true;
  else if (value.type !== 'null') {
    entry.single = true;
    entry.spots.push(spot);
  }
  rows.set(key, entry);
}

/**
 * A request-body row typed as a collection that every example of its page sends as one value (beta
 * group-evaluatedynamicmembership: `memberId | String collection`, bodies `"memberId": "319b..."`): the row's type cell
 * is what a reviewer fixes, so example-type-mismatch reports there once, instead of at each value. A page where some
 * example sends an array keeps the findings at the single values.
 */
export function rowAtOdds(ctx: CheckContext, row: RowValues): TableAtOdds | undefined {
  if (!row.single || row.array || row.prop.source.file !== row.file) return undefined;
  const written = `${row.prop.type.name.replace(/^Edm\./, '')} collection`;
  return {
    at: cellStart(ctx, row.prop.source, 1),
    message: `Unexpected collection type (\`${written}\`) for \`${row.prop.name}\` in the request-body table, expected a single value as every example sends`,
    key: `table:row:${row.prop.name}`,
    related: row.spots,
  };
}

/** Where the page of a type names its base type (the `Inherits from` link), if it names one. */
export function baseSourceOf(ctx: CheckContext, type: ModelType): SourceRef | undefined {
  return resources(ctx).get(`${type.apiVersion}:${type.fullName}`)?.baseType?.source;
}

/** Resource facts by `apiVersion:namespace.name`, the first page documenting each. */
function resources(ctx: CheckContext): Map<string, ResourceFacts> {
  return ctx.memo('table-at-odds', () => {
    const out = new Map<string, ResourceFacts>();
    for (const page of ctx.pages) {
      for (const resource of page.resources) {
        const key = `${page.apiVersion}:${resource.namespace}.${resource.name}`;
        if (!out.has(key)) out.set(key, resource);
      }
    }
    return out;
  });
}
