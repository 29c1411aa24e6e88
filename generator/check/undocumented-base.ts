/**
 * A type whose page names no base type, while its example objects carry an
 * `id` and more keys it lacks than keys it has (openShiftChangeRequest
 * documents `openShiftId` only; its bodies carry `id`, `createdDateTime`,
 * `state`, `senderMessage`, ... of an entity base the page never names): the
 * page is missing its base, so example-unknown-property reports that once, at
 * the type's page, instead of at every key of every example of the type.
 */
import type { Node } from 'jsonc-parser';
import type { SourceRef } from '../model/diagnostic.js';
import type { ModelProperty, ModelType } from '../model/ir.js';
import { cellStart, type CheckContext } from './context.js';
import { closest, editDistance } from './did-you-mean.js';
import { keyOf } from './json-locate.js';
import { jsonRepresentationLists } from './table-at-odds.js';
import type { TypeIndex } from './type-index.js';

export interface BaseEvidence {
  type: ModelType;
  /** Keys the type lacks, over all its example objects, in first-seen order. */
  unknown: Set<string>;
  /** Some object had an unknown `id` and more unknown keys than known ones. */
  baseless: boolean;
  /** The page lists `id` alone while some object carried three or more keys it lacks (an Intune "shared" page whose rows are on another page). */
  idOnly?: boolean;
  /** Where the objects that show it are (their `id`, else their first key the type lacks): the spots the finding rests on. */
  spots: SourceRef[];
  /** The pages whose examples carry each key the type lacks (`staleKeys`). */
  pages: Map<string, Set<string>>;
  /** The type's own keys some example spells as the page does. */
  spelt: Set<string>;
  /** Where each key the type lacks is, over all its example objects. */
  keyAt: Map<string, SourceRef[]>;
  /** Keys the type lacks that name a documented type no property uses (`orphanKeys`). */
  orphans?: string[];
}

/** The walk's evidence, by `typeKey`; and the types `missingBaseFinding` found naming no base, with the base their objects show. */
export interface BaseEvidenceStore {
  evidence: Map<string, BaseEvidence>;
  shownBases: Map<string, ModelType>;
}

/**
 * The keys examples on three pages or more carry while the type lacks them, and no row of it is spelt within two
 * edits of (that is `renamedRows`' finding): teamsAppDefinition's `createdBy`, `azureADAppId`, ... in the installed-apps
 * examples of teams, chats and the app catalog; appRoleAssignment's `deletedDateTime` in the examples of eleven pages.
 * The page is out of date, so example-unknown-property reports that once, at the type's Properties table, instead of
 * at every object. A key on fewer pages stays at the examples (either side may be wrong).
 */
export function staleKeys(entry: BaseEvidence): string[] {
  const own = entry.type.properties.map((p) => p.name.toLowerCase());
  const near = (key: string) => own.some((row) => editDistance(key.toLowerCase(), row, 2) <= 2);
  return [...entry.pages].filter(([key, pages]) => (pages.size >= 3 || entry.orphans?.includes(key)) && !near(key)).map(([key]) => key);
}

/**
 * Keys a type lacks that name a complex or entity type of the version (`timeClockSettings`) that no property,
 * parameter or response of the version uses: the type is documented for that key, so the page lacking it is out of
 * date even when the examples of one page carry it (beta schedule's `timeClockSettings`).
 */
function orphanKeys(ctx: CheckContext, entry: BaseEvidence): string[] {
  const orphans = ctx.memo(`orphan-types:${entry.type.apiVersion}`, () => {
    const types = [...ctx.types(entry.type.apiVersion).all()];
    const used = new Set(types.flatMap((t) => [...t.properties, ...t.navigationProperties].map((p) => p.type.name.toLowerCase())));
    for (const o of ctx.model.operations) for (const ref of [o.response.type, ...o.parameters.map((p) => p.type)]) if (ref) used.add(ref.name.toLowerCase());
    return new Set(types.filter((t) => t.origin === 'documented' && t.kind !== 'enum' && !t.derivedTypes?.length && !used.has(t.fullName.toLowerCase()) && !used.has(t.name.toLowerCase())).map((t) => t.name.toLowerCase()));
  });
  return [...entry.keyAt.keys()].filter((key) => orphans.has(key.toLowerCase()));
}

/** Notes an example object walked as `type` (a documented type): the keys it lacks, by page, and for a type whose page names no base, whether the object shows that. */
export function noteObject(evidence: Map<string, BaseEvidence>, type: ModelType, known: ReadonlyMap<string, ModelProperty>, object: Node, at: (offset: number) => SourceRef, skip: (key: string) => boolean): void {
  // Not the shapes synthesized for parameter and body tables (no namespace).
  if (type.origin !== 'documented' || !type.namespace) return;
  const keys = (object.children ?? []).map(keyOf).filter((k): k is string => k !== undefined && !k.includes('@') && !skip(k));
  const unknown = keys.filter((k) => !known.has(k));
  const entry = evidence.get(typeKey(type)) ?? { type, unknown: new Set<string>(), baseless: false, spots: [], pages: new Map<string, Set<string>>(), spelt: new Set<string>(), keyAt: new Map<string, SourceRef[]>() };
  evidence.set(typeKey(type), entry);
  for (const key of keys) if (known.has(key)) entry.spelt.add(key);
  for (const member of object.children ?? []) {
    const key = keyOf(member);
    if (key !== undefined && unknown.includes(key) && member.children?.[0]) entry.keyAt.set(key, [...(entry.keyAt.get(key) ?? []), at(member.children[0].offset)]);
  }
  if (unknown.length === 0) return;
  for (const key of unknown) entry.unknown.add(key);
  for (const key of unknown) entry.pages.set(key, (entry.pages.get(key) ?? new Set<string>()).add(at(object.offset).file));
  evidence.set(typeKey(type), entry);
  // Below: only a type whose page names no base.
  if (type.baseType !== null && !type.baseTypeInferred) return;
  const baseless = unknown.includes('id') && unknown.length >= 3 && unknown.length > keys.length - unknown.length;
  const idOnly = known.size === 1 && known.has('id') && unknown.length >= 3;
  const shown = baseless || idOnly ? object.children?.find((member) => keyOf(member) === (baseless ? 'id' : unknown[0]))?.children?.[0] : undefined;
  if (shown) entry.spots.push(at(shown.offset));
  entry.baseless ||= baseless;
  entry.idOnly ||= idOnly;
  evidence.set(typeKey(type), entry);
}

/** A type's key among the evidence and in the `of` of an unknown-property finding (a name is unique within its API version). */
export function typeKey(type: ModelType): string {
  return `${type.apiVersion}:${type.fullName}`;
}

/** The one finding at the page of a type the evidence shows is missing its base (or every property but `id`). */
export function baselessFinding(entry: BaseEvidence): { at: SourceRef; message: string; key: string; related: SourceRef[] } {
  const unknown = [...entry.unknown];
  const listed = unknown.slice(0, 4).map((k) => `\`${k}\``).join(', ') + (unknown.length > 4 ? ` (+${unknown.length - 4} more)` : '');
  const stale = !entry.baseless && !entry.idOnly;
  if (stale) {
    const keys = staleKeys(entry);
    const named = keys.slice(0, 4).map((k) => `\`${k}\``).join(', ') + (keys.length > 4 ? ` (+${keys.length - 4} more)` : '');
    return {
      // At the Properties table (its first row), where the rows go; the title when the page lists none.
      at: entry.type.properties[0]?.source ?? entry.type.source,
      message: `Unexpected example ${keys.length === 1 ? 'property' : 'properties'} ${named} that \`${entry.type.fullName}\` lacks while ${keys.every((k) => entry.pages.get(k)!.size >= 3) ? `examples of ${Math.min(...keys.map((k) => entry.pages.get(k)!.size))} pages or more carry ${keys.length === 1 ? 'it' : 'each'}` : `${keys.length === 1 ? 'a page documents it' : 'pages document them'} as a type no property uses`}, expected the page to list ${keys.length === 1 ? 'it' : 'them'}`,
      key: `stale:${entry.type.fullName}`,
      related: keys.flatMap((key) => entry.keyAt.get(key) ?? []),
    };
  }
  return {
    at: entry.type.source,
    message: entry.baseless
      ? `Unexpected example properties ${listed} that \`${entry.type.fullName}\` lacks and its page names no base type for, expected the page to name its base type (Inherits from ...) or list them`
      : `Unexpected example properties ${listed} that \`${entry.type.fullName}\` lacks, its page listing \`id\` alone, expected the page to list them`,
    key: `baseless:${entry.type.fullName}`,
    related: entry.spots,
  };
}

/**
 * An object whose `@odata.type` names a documented type that is not the expected one nor derives from it, while most
 * keys of the object (no fewer than the expected type has) are the named type's, and its page names no base or a base the expected
 * type derives from too (educationFeedbackOutcome names none where an educationOutcome is expected; beta event names
 * entity where an outlookItem is): the object is right and the page lacks its base. One finding per type, at the
 * page's base (`baseSource`) or its title; undefined when the object's keys point at a wrong `@odata.type` instead.
 */
export function missingBaseFinding(store: BaseEvidenceStore, index: TypeIndex, named: ModelType, expected: ModelType, object: Node, baseSource: SourceRef | undefined): { at: SourceRef; message: string; key: string } | undefined {
  const keys = (object.children ?? []).map(keyOf).filter((k): k is string => k !== undefined && !k.includes('@') && k !== 'odata.type');
  const own = index.properties(named);
  const fit = keys.filter((k) => own.has(k)).length;
  const base = named.baseTypeInferred ? undefined : index.chain(named)[1];
  // The object is of the named type: most of its keys are that type's, and no fewer than the expected type's.
  if (2 * fit <= keys.length || fit < keys.filter((k) => index.properties(expected).has(k)).length || (base !== undefined && !index.isA(expected, base)) || !named.namespace) return undefined;
  if (!base) store.shownBases.set(typeKey(named), expected);
  const said = base ? `names \`${base.name}\` as its base` : 'names no base type';
  return {
    at: base && baseSource ? baseSource : named.source,
    message: `Unexpected page of \`${named.fullName}\` that ${said}, expected \`${expected.fullName}\` (or a type derived from it) as its base, as example objects where ${/^[aeiou]/i.test(expected.name) ? 'an' : 'a'} \`${expected.name}\` belongs name \`#${named.fullName}\``,
    key: `base:${named.fullName}`,
  };
}

/**
 * The keys of an object whose type's page names no base (educationPointsOutcome) that the base its objects show lists
 * in its table or JSON representation (educationOutcome's `lastModifiedBy`): the base's keys, so the fix is naming the
 * base on that page and the base's own table, both reported at those pages, not at the example.
 */
function baseKeys(ctx: CheckContext, entry: BaseEvidence, shownBases: BaseEvidenceStore['shownBases']): string[] {
  const base = shownBases.get(typeKey(entry.type));
  return base ? [...entry.keyAt.keys()].filter((key) => ctx.types(entry.type.apiVersion).properties(base).has(key) || jsonRepresentationLists(ctx, base, key)) : [];
}

interface UnknownFinding {
  rule: string;
  at: SourceRef;
  message: string;
  key: string;
  of?: string;
  related?: SourceRef[];
}

/**
 * The example-unknown-property findings the evidence settles: a type whose page names no base, lists `id` alone or
 * is out of date is one finding at its page, in place of its objects' keys; a key examples of three pages or more spell
 * one way while the type's own row spells it another (one or two edits, case or a plural: teamworkTagMember's `userID`,
 * the examples' `userId`) and no example spells it as the row does is one finding at that row, in place of the keys;
 * so is a key examples of fewer pages spell as the type's page of another API version does (v1.0 signIn's row
 * `appliedConditionalAccessPolicy`, beta's and the examples' `appliedConditionalAccessPolicies`).
 */
export function settleEvidence<T extends UnknownFinding>(ctx: CheckContext, { evidence, shownBases }: BaseEvidenceStore, findings: T[]): (T | UnknownFinding)[] {
  const gone = (entry: BaseEvidence, f: T, keys: string[]) => typeKey(entry.type) === f.of && keys.some((k) => f.message.startsWith(`Unexpected property \`${k}\` `));
  // A key naming a type no property uses, when reported at the examples (one the JSON representation lists is table-json-mismatch's).
  for (const entry of evidence.values()) entry.orphans = orphanKeys(ctx, entry).filter((key) => findings.some((f) => gone(entry, f, [key])));
  const pageWide = [...evidence.values()].filter((entry) => entry.baseless || entry.idOnly || staleKeys(entry).length > 0);
  // Only keys reported at the examples (one the JSON representation lists is table-json-mismatch's).
  const renamed = [...evidence.values()].filter((entry) => !entry.baseless && !entry.idOnly).flatMap((entry) => renamedRows(ctx, entry)).filter((r) => findings.some((f) => gone(r.entry, f, [r.spelt])));
  const based = [...evidence.values()].filter((entry) => !entry.baseless && !entry.idOnly).flatMap((entry) => baseKeysFinding(ctx, entry, (keys) => findings.some((f) => gone(entry, f, keys))));
  // Each entry's keys found once, not again for every finding.
  const stale = new Map(pageWide.map((entry) => [entry, staleKeys(entry)]));
  const ofBase = [...evidence.values()].map((entry) => ({ entry, keys: baseKeys(ctx, entry, shownBases) })).filter(({ keys }) => keys.length > 0);
  const kept = findings.filter(
    (f) =>
      !pageWide.some((entry) => typeKey(entry.type) === f.of && (entry.baseless || entry.idOnly || gone(entry, f, stale.get(entry)!))) &&
      !renamed.some((r) => gone(r.entry, f, [r.spelt])) &&
      !based.some((b) => gone(b.entry, f, b.keys)) &&
      !ofBase.some((b) => gone(b.entry, f, b.keys)),
  );
  return [...kept, ...pageWide.map((entry) => ({ rule: 'example-unknown-property', ...baselessFinding(entry) })), ...renamed.map((r) => r.finding), ...based.map((b) => b.finding)];
}

/**
 * Keys the examples give a type that pages act on by key (get, list, create, update, delete: an entity, so it has a
 * base) while its page names none, each an own property of a base five types or more name (`id` of
 * entity on secureScoreControlProfile and beta workforceIntegration), the examples carrying every own property of
 * that base (a lone shared name such as `name` or `status` proves none): the page lacks its base, so that
 * is one finding at its title, where "Inherits from" goes, the keys related. `id` on a type no page acts on
 * (rubricCriterion, participantInfo) stays at the examples: a complex type has no base to name.
 */
function baseKeysFinding(ctx: CheckContext, entry: BaseEvidence, reported: (keys: string[]) => boolean): { entry: BaseEvidence; keys: string[]; finding: UnknownFinding }[] {
  const { type } = entry;
  if ((type.baseType !== null && !type.baseTypeInferred) || !actedOn(ctx, type.apiVersion).has(type.fullName)) return [];
  const bases = commonBases(ctx, type.apiVersion);
  const stale = staleKeys(entry);
  const unknown = [...entry.keyAt.keys()];
  // Every own property of the base is among the keys (a lone shared name such as `name` or `status` proves no base).
  const whole = (key: string) => bases.get(key)!.properties.every((p) => unknown.includes(p.name));
  const keys = unknown.filter((key) => bases.has(key) && !stale.includes(key) && bases.get(key)!.fullName !== type.baseType && whole(key));
  if (keys.length === 0 || !reported(keys)) return [];
  const named = keys.map((k) => `\`${k}\``).join(', ');
  const from = [...new Set(keys.map((k) => bases.get(k)!.fullName))].map((b) => `\`${b}\``).join(', ');
  const message = `Unexpected example ${keys.length === 1 ? 'property' : 'properties'} ${named} that \`${type.fullName}\` lacks and its page names no base type for, expected the page to name its base type (${from} has ${keys.length === 1 ? 'it' : 'them'})`;
  return [{ entry, keys, finding: { rule: 'example-unknown-property', at: type.source, message, key: `base-keys:${type.fullName}`, related: keys.flatMap((k) => entry.keyAt.get(k) ?? []) } }];
}

/** The types get, list, create, update and delete pages of a version act on. */
function actedOn(ctx: CheckContext, apiVersion: string): Set<string> {
  return ctx.memo(`acted-on:${apiVersion}`, () => {
    const crud = new Set(['get', 'list', 'create', 'update', 'delete']);
    return new Set(ctx.model.operations.filter((o) => o.apiVersion === apiVersion && o.resource && crud.has(o.kind)).map((o) => o.resource!));
  });
}

/** Each own property of a documented type five types or more name as their base, with the type most name (`id` → entity). */
function commonBases(ctx: CheckContext, apiVersion: string): Map<string, ModelType> {
  return ctx.memo(`common-bases:${apiVersion}`, () => {
    const out = new Map<string, ModelType>();
    const bases = [...ctx.types(apiVersion).all()].filter((t) => t.origin === 'documented' && (t.derivedTypes?.length ?? 0) >= 5);
    for (const base of bases.sort((a, b) => (b.derivedTypes?.length ?? 0) - (a.derivedTypes?.length ?? 0))) {
      for (const p of base.properties) if (!out.has(p.name)) out.set(p.name, base);
    }
    return out;
  });
}

function renamedRows(ctx: CheckContext, entry: BaseEvidence): { entry: BaseEvidence; spelt: string; finding: UnknownFinding }[] {
  const own = new Map(entry.type.properties.map((p) => [p.name, p]));
  return [...entry.keyAt].flatMap(([spelt, spots]) => {
    const pages = entry.pages.get(spelt)?.size ?? 0;
    const row = closest(spelt, own.keys());
    const prop = row === undefined ? undefined : own.get(row);
    if (!prop || !row || entry.spelt.has(row)) return [];
    // Or fewer pages, with the type's page of another API version spelling the row as the examples do (and never as this one).
    const other = pages < 3 ? otherVersionSpelling(ctx, entry.type, spelt, row) : undefined;
    if ((pages < 3 && !other) || (editDistance(spelt.toLowerCase(), row.toLowerCase(), 2) > 2 && !isPlural(spelt, row))) return [];
    const message = `Unexpected property name \`${row}\` in the properties table of \`${entry.type.fullName}\`, expected \`${spelt}\` as the examples of ${pages} ${pages === 1 ? 'page' : 'pages'}${other ? ` and the ${other} page spell it` : ' spell it'}`;
    return [{ entry, spelt, finding: { rule: 'example-unknown-property', at: cellStart(ctx, prop.source, 0), message, key: `renamed:${entry.type.fullName}.${row}`, related: spots } }];
  });
}

/** The other API version whose page of the type has a row spelt `spelt` and none spelt `row` (beta signIn's `appliedConditionalAccessPolicies`). */
function otherVersionSpelling(ctx: CheckContext, type: ModelType, spelt: string, row: string): string | undefined {
  return ctx.model.apiVersions.find((version) => {
    const same = version === type.apiVersion ? undefined : ctx.types(version).get(type.fullName);
    const names = same?.origin === 'documented' ? ctx.types(version).properties(same) : undefined;
    return !!names && names.has(spelt) && !names.has(row);
  });
}

/** `policies` for `policy`, `items` for `item`: a plural the row writes singular (or the other way round). */
function isPlural(a: string, b: string): boolean {
  const plural = (w: string) => [`${w}s`, `${w}es`, w.replace(/y$/, 'ies')];
  return plural(a).includes(b) || plural(b).includes(a);
}
