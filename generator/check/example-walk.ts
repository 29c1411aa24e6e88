/**
 * Walks every example body against the type it should have (see example-target.ts) once per check run, and
 * collects what four rules report: unknown properties, JSON kinds and formats, enum values and `@odata.type`.
 * Keys holding `@` (`@odata.context`, `x@odata.bind`) are instance annotations and are not properties, nor are
 * directory extensions (`extension_{appId}_{name}`). A property that only a derived type defines is not reported:
 * such bodies omit `@odata.type` too often to call each one wrong. Nor is any property of an example whose request
 * path the page does not document (http-request-mismatch reports it; the body is another resource's: `.../format/font`);
 * a create or update request to an action's path or a property's path is checked as its body (request-path-body.ts).
 * A value at odds with its table type that the resource's JSON representation agrees with is reported once at the
 * table's type cell (table-at-odds.ts); the unknown keys of a type whose page lacks its base, once at that page
 * (undocumented-base.ts); a camelCase key a row spells capitalized, at that row (row-case.ts). Left to the rules that
 * report them where they are fixed: a key the JSON representation lists but the table lacks, an `@odata.type`
 * naming the type a table cell's link text names.
 */
import type { Node } from 'jsonc-parser';
import type { SourceRef } from '../model/diagnostic.js';
import type { ModelProperty, ModelType, TypeRef } from '../model/ir.js';
import type { CheckContext } from './context.js';
import { didYouMean } from './did-you-mean.js';
import { exampleMessages, type ExampleMessage } from './examples.js';
import { enumPageOutOfDate } from './example-values.js';
import { collectionAnnotationSpot, singleAnswerSpot } from './answer-shape.js';
import { annotationAtOdds, primitiveAnnotationAtOdds, requestTypeAtOdds, targetOf, type Target } from './example-target.js';
import { keyOf, locateJson, type LocatedJson } from './json-locate.js';
import { article, clip, describe, labelOfType, onlyAnnotationsBeside, property, topLevelOdataType } from './example-walk-node.js';
import { isGraphUrl, requestsMatching } from './request-path.js';
import { capitalizedRow } from './row-case.js';
import type { TypeIndex } from './type-index.js';
import { oncePerKey } from './rule.js';
import { baseSourceOf, jsonRepresentationLists, linkTextName, manyAtOdds, noteRowValue, rowAtOdds, settleMany, tableAtOdds, type RowValues } from './table-at-odds.js';
import { missingBaseFinding, noteObject, settleEvidence, typeKey, type BaseEvidenceStore } from './undocumented-base.js';
import { checkPrimitive, isPlaceholder, type JsonKind } from './value-formats.js';

export type WalkRule = 'example-unknown-property' | 'example-type-mismatch' | 'example-enum-value' | 'example-odata-type';

export interface WalkFinding {
  rule: WalkRule;
  at: SourceRef;
  message: string;
  key: string;
  of?: string; // the type an unknown property was looked up on (undocumented-base.ts)
  related?: SourceRef[]; // `RuleFinding.related`
}

/** An `@odata.type` value met in a body, for the page-level `#` consistency check. */
export interface OdataTypeValue {
  at: SourceRef;
  value: string;
  key: string;
}

export interface WalkResult {
  findings: WalkFinding[];
  odataTypes: Map<string, OdataTypeValue[]>;
}

export function walkExamples(ctx: CheckContext): WalkResult {
  return ctx.memo('example-walk', () => {
    const result: WalkResult = { findings: [], odataTypes: new Map() };
    const gathered: Gathered = { evidence: new Map(), shownBases: new Map(), rows: new Map() };
    for (const item of exampleMessages(ctx)) walkMessage(ctx, item, result, gathered);
    for (const row of gathered.rows.values()) {
      const odds = rowAtOdds(ctx, row);
      if (!odds) continue;
      const single = (f: WalkFinding) => f.rule === 'example-type-mismatch' && f.at.file === row.file && f.key.endsWith(`.${row.prop.name}`) && f.message.includes('expected an array');
      result.findings = [...result.findings.filter((f) => !single(f)), { rule: 'example-type-mismatch', ...odds }];
    }
    // Keys a type's page lacks or spells otherwise, once where the page is fixed (undocumented-base.ts).
    result.findings = settleEvidence(ctx, gathered, result.findings) as WalkFinding[];
    // A table type at odds with the examples is one finding at its cell, however many example values show it.
    result.findings = oncePerKey(settleMany(result.findings), (key) => key.startsWith('table:') || key.startsWith('base:'));
    return result;
  });
}

/** What the walk gathers over every example, settled after it: base evidence (undocumented-base.ts) and collection rows' values (table-at-odds.ts). */
type Gathered = BaseEvidenceStore & { rows: Map<string, RowValues> };

interface Walk extends Gathered {
  ctx: CheckContext;
  index: TypeIndex;
  json: LocatedJson;
  /** Example name and role, the start of every key. */
  prefix: string;
  result: WalkResult;
  file: string;
  /** The example's request goes to a path the page does not document: its bodies are of some other type (not judged for unknown properties). */
  foreign: boolean;
  /** The body's own top-level `@odata.type` was reported as at odds with it (example-target.ts `requestTypeAtOdds`): not followed. */
  topTypeReported?: boolean;
}

function walkMessage(ctx: CheckContext, item: ExampleMessage, result: WalkResult, gathered: Gathered): void {
  const { message } = item;
  if (!message.body?.parsed || (message.status ?? 0) >= 300) return;
  const json = locateJson(ctx, message.body);
  if (!json.root) return;
  const index = ctx.types(item.page.apiVersion);
  const url = item.example.request?.url;
  const foreign = !!url && isGraphUrl(url) && item.operation.httpRequests.length > 0 && requestsMatching(item.operation.httpRequests, url).length === 0;
  const walk: Walk = { ctx, index, json, prefix: `${item.example.name}/${item.role}`, result, ...gathered, file: item.page.file, foreign };
  collectOdataTypes(walk, json.root, '');
  const bodyType = topLevelOdataType(json.root);
  const found = targetOf(ctx, item, index, bodyType);
  if (!found) return;
  const request = requestTypeAtOdds(item, index, found, json.root);
  if (request) report(walk, 'example-odata-type', request.node, '.@odata.type', request.message);
  walk.topTypeReported = !!request;
  const { target, ...odds } = annotationAtOdds(ctx, item, index, request?.target ?? found, bodyType, json.root);
  if (odds.at && odds.message) result.findings.push({ rule: 'example-odata-type', at: odds.at, message: odds.message, key: `${walk.prefix}@annotation` });
  const primitive = primitiveAnnotationAtOdds(ctx, item, target, json.root);
  if (primitive) result.findings.push({ rule: 'example-type-mismatch', ...primitive, key: `${walk.prefix}@annotation` });
  else walkTop(walk, json.root, target, item);
}

/** A body's shape at odds with its annotation or prose is reported where the request shows the fix is (answer-shape.ts). */
function walkTop(walk: Walk, root: Node, target: Target, item: ExampleMessage): void {
  const ref: Expected = { type: target.type, primitive: target.primitive, isCollection: false, anchor: target.anchor };
  const value = root.type === 'object' ? property(root, 'value') : undefined;
  if (target.isCollection) {
    if (root.type === 'array') return walkItems(walk, root, ref, '');
    if (value?.type === 'array') return walkItems(walk, value, ref, '.value');
    const odds = root.type === 'object' && !value ? singleAnswerSpot(walk.ctx, item, target) : undefined;
    if (odds) walk.result.findings.push({ rule: 'example-type-mismatch', at: odds.at, key: `${walk.prefix}@annotation`, message: `Unexpected ${odds.said}, expected a single \`${labelOf(ref)}\` (a get of one item, answered by one object)`, related: [walk.json.at(root.offset)] });
    else if (root.type === 'object' && !value) report(walk, 'example-type-mismatch', root, '', `Unexpected single object, expected a collection (\`{"value": [...]}\`) of \`${labelOf(ref)}\` as the ${target.from} says`);
    return;
  }
  // A primitive or an enum comes back as `{"value": ...}` (an enum-returning function: `{"value": "pending"}`).
  if (target.primitive || (target.type?.kind === 'enum' && value && onlyAnnotationsBeside(root))) {
    if (value) walkValue(walk, value, ref, '.value');
    return;
  }
  if (value?.type === 'array' && target.type && !walk.index.properties(target.type).has('value') && onlyAnnotationsBeside(root)) {
    const odds = collectionAnnotationSpot(walk.ctx, item, target, labelOf(ref));
    if (odds) {
      walk.result.findings.push({ rule: 'example-type-mismatch', ...odds, key: `${walk.prefix}@annotation`, related: [walk.json.at(value.offset)] });
    } else {
      report(walk, 'example-type-mismatch', root.children!.find((m) => keyOf(m) === 'value') ?? root.children![0]!, '.value', `Unexpected collection (\`value\` array), expected a single \`${labelOf(ref)}\` as the ${target.from} says`);
    }
    return;
  }
  if (value?.type === 'object' && target.type && onlyAnnotationsBeside(root) && (!walk.index.properties(target.type).has('value') || property(value, '@odata.type'))) {
    report(walk, 'example-type-mismatch', root.children!.find((m) => keyOf(m) === 'value')!, '.value', `Unexpected \`value\` wrapper around a single \`${labelOf(ref)}\`, expected its properties at the top level of the body`);
    return walkValue(walk, value, ref, '.value');
  }
  walkValue(walk, root, ref, '');
}

interface Expected {
  type: ModelType | undefined;
  primitive: string | undefined;
  isCollection: boolean;
  /** Documented type that `@odata.type` must name or derive from. */
  anchor: ModelType | undefined;
  /** The type a table cell's link text names when its link goes to another page (table-at-odds.ts): `@odata.type` may name it too. */
  alsoA?: ModelType | undefined;
}

function walkItems(walk: Walk, array: Node, expected: Expected, path: string): void {
  (array.children ?? []).forEach((child, i) => walkValue(walk, child, { ...expected, isCollection: false }, `${path}[${i}]`));
}

function walkValue(walk: Walk, node: Node, expected: Expected, path: string): void {
  const kind = node.type as JsonKind;
  if (kind === 'null') return;
  const label = labelOf(expected);
  if (expected.isCollection) {
    if (kind === 'string' && isPlaceholder(String(node.value))) return; // `"enabledServices.value"` stands in for the whole collection
    if (kind !== 'array') return report(walk, 'example-type-mismatch', node, path, `Unexpected ${describe(node)}, expected an array (\`${label}\` collection)`);
    return walkItems(walk, node, expected, path);
  }
  if (expected.primitive) {
    const problem = checkPrimitive(expected.primitive, kind, node.value);
    if (!problem) return;
    const expectedText = problem.kind === 'json' ? `${problem.expected.map(article).join(' or ')} (\`${expected.primitive}\`)` : `${problem.expected} (\`${expected.primitive}\`)`;
    return report(walk, 'example-type-mismatch', node, path, `Unexpected ${describe(node)}, expected ${expectedText}`);
  }
  const type = expected.type;
  if (!type || type.kind === 'unresolved') return;
  if (type.kind === 'enum') return checkEnum(walk, node, type, path);
  if (kind !== 'object') {
    if (kind === 'string' && isPlaceholder(String(node.value))) return;
    return report(walk, 'example-type-mismatch', node, path, `Unexpected ${describe(node)}, expected a${kind === 'array' ? ' single' : ''} \`${label}\` object`);
  }
  walkObject(walk, node, type, expected.anchor ?? (type.namespace ? type : undefined), path, expected.alsoA);
}

function walkObject(walk: Walk, node: Node, declared: ModelType, anchor: ModelType | undefined, path: string, alsoA?: ModelType): void {
  const { index } = walk;
  const odata = path === '' && walk.topTypeReported ? undefined : (property(node, '@odata.type') ?? property(node, 'odata.type'));
  const type = odata?.type === 'string' ? namedType(walk, odata, node, declared, anchor, path, alsoA) : declared;
  const known = type ? index.properties(type) : new Map<string, ModelProperty>();
  const open = !type || index.isOpen(type) || index.hasUnknownBase(type) || type.kind === 'unresolved';
  if (type && !open && !walk.foreign) noteObject(walk.evidence, type, known, node, walk.json.at, (k) => DIRECTORY_EXTENSION.test(k) || index.descendants(type).some((d) => index.properties(d).has(k)));
  for (const member of node.children ?? []) {
    const name = keyOf(member);
    const value = member.children?.[1];
    if (name === undefined || name.includes('@') || DIRECTORY_EXTENSION.test(name)) continue;
    if (name === 'odata.type') {
      report(walk, 'example-unknown-property', member.children![0]!, `${path}.${name}`, 'Unexpected property `odata.type`, expected the annotation `@odata.type` (the `@` is missing)');
      continue;
    }
    const prop = known.get(name);
    if (!prop) {
      if (open || walk.foreign || index.descendants(type).some((d) => index.properties(d).has(name)) || jsonRepresentationLists(walk.ctx, type, name)) continue;
      const row = capitalizedRow(walk.ctx, known, name, walk.json.at(member.children![0]!.offset));
      if (row) walk.result.findings.push({ rule: 'example-unknown-property', ...row });
      else report(walk, 'example-unknown-property', member.children![0]!, `${path}.${name}`, `Unexpected property \`${name}\` on \`${labelOfType(type)}\`, expected one of its properties${didYouMean(name, known.keys())}`, typeKey(type));
      continue;
    }
    const text = type ? linkTextName(walk.ctx, type, prop) : undefined;
    const expected = { ...expectedOf(index, prop.type), ...(text ? { alsoA: index.lookup(text)?.type } : {}) };
    const table = value && type ? tableAtOdds(walk.ctx, type, prop, expected, value) : undefined;
    if (value && type && !type.namespace && prop.type.isCollection) noteRowValue(walk.rows, walk.file, prop, value, walk.json.at(value.offset));
    const many = value && type && !table ? manyAtOdds(walk.ctx, type, prop, expected, value, walk.json.at(value.offset)) : undefined;
    if (many) walk.result.findings.push({ rule: 'example-type-mismatch', ...many });
    if (value && table) walk.result.findings.push({ rule: 'example-type-mismatch', ...table, related: [...table.related, walk.json.at(value.offset)] });
    else if (value) walkValue(walk, value, expected, `${path}.${name}`);
  }
}

/** `extension_{appId without dashes}_{name}`: a directory extension property, which any directory object may carry. */
const DIRECTORY_EXTENSION = /^extension_[0-9a-f]{32}_\w+$/i;

/**
 * The type an object's `@odata.type` names, reported when no page documents it,
 * when it is cased otherwise or when it does not derive from the expected type.
 * The object is then walked as the type it names (its properties are those of
 * that type, not of the expected one); undefined (nothing to check its
 * properties against) when no page documents it.
 */
function namedType(walk: Walk, odata: Node, object: Node, declared: ModelType, anchor: ModelType | undefined, path: string, alsoA?: ModelType): ModelType | undefined {
  const { index } = walk;
  const written = String(odata.value);
  const found = index.lookup(written);
  const key = `${path}.@odata.type`;
  if (!found) {
    const names = [...index.all()].filter((t) => t.origin === 'documented').map((t) => `#${t.fullName}`);
    report(walk, 'example-odata-type', odata, key, `Unexpected \`@odata.type\` \`${written}\` that no page documents, expected a documented type${didYouMean(written.startsWith('#') ? written : `#${written}`, names)}`);
    return undefined;
  }
  if (!found.exact) {
    report(walk, 'example-odata-type', odata, key, `Unexpected \`@odata.type\` \`${written}\`, expected \`#${found.type.fullName}\` as its page spells it`);
  } else if (anchor && anchor.origin === 'documented' && found.type.origin === 'documented' && !index.isA(found.type, anchor) && !(alsoA && index.isA(found.type, alsoA)) && !index.hasUnknownBase(found.type)) {
    const page = missingBaseFinding(walk, index, found.type, anchor, object, baseSourceOf(walk.ctx, found.type));
    const hint = index.chain(found.type).length === 1 ? ` (the page of \`${found.type.name}\` names no base type)` : '';
    if (page) walk.result.findings.push({ rule: 'example-odata-type', ...page, related: [walk.json.at(odata.offset)] });
    else report(walk, 'example-odata-type', odata, key, `Unexpected \`@odata.type\` \`${written}\`, expected \`${anchor.fullName}\` or a type derived from it${hint}`);
  }
  return found.type.origin === 'documented' && found.type.kind !== 'enum' ? found.type : declared;
}

function checkEnum(walk: Walk, node: Node, type: ModelType, path: string): void {
  if (node.type !== 'string') {
    return report(walk, 'example-type-mismatch', node, path, `Unexpected ${describe(node)}, expected a string member of enum \`${type.name}\``);
  }
  const members = type.members.map((m) => m.name);
  if (members.length === 0) return;
  const value = String(node.value);
  if (isPlaceholder(value)) return;
  for (const part of value.split(',').map((p) => p.trim())) {
    if (members.includes(part) || enumPageOutOfDate(walk.ctx, type, part)) continue; // enum-values-mismatch reports the enum page
    const from = type.origin === 'documented' ? 'its enum page' : 'the "Possible values" of its description';
    const cased = members.find((m) => m.toLowerCase() === part.toLowerCase());
    const expected = cased ? `\`${cased}\` as ${from} spells it (enum values are case-sensitive)` : `a member ${from} lists${didYouMean(part, members)}`;
    report(walk, 'example-enum-value', node, `${path}=${part}`, `Unexpected \`${part}\` for enum \`${type.name}\`, expected ${expected}`);
  }
}

function expectedOf(index: TypeIndex, ref: TypeRef): Expected {
  // Workbook APIs type free-form JSON as `Json`: any value.
  if (/(^|\.)json$/i.test(ref.name)) return { type: undefined, primitive: 'Edm.Untyped', isCollection: false, anchor: undefined };
  if (ref.name.startsWith('Edm.')) return { type: undefined, primitive: ref.name, isCollection: ref.isCollection, anchor: undefined };
  const type = index.get(ref.name);
  return { type, primitive: undefined, isCollection: ref.isCollection, anchor: type };
}

function collectOdataTypes(walk: Walk, node: Node, path: string): void {
  if (node.type === 'property') {
    const name = keyOf(node);
    const value = node.children?.[1];
    if (name === '@odata.type' && value?.type === 'string') {
      const list = walk.result.odataTypes.get(walk.file) ?? [];
      list.push({ at: walk.json.at(value.offset), value: String(value.value), key: `${walk.prefix}${path}` });
      walk.result.odataTypes.set(walk.file, list);
    }
    if (value) collectOdataTypes(walk, value, `${path}.${name}`);
    return;
  }
  (node.children ?? []).forEach((child, i) => collectOdataTypes(walk, child, node.type === 'array' ? `${path}[${i}]` : path));
}

function report(walk: Walk, rule: WalkRule, node: Node, path: string, message: string, of?: string): void {
  walk.result.findings.push({ rule, at: walk.json.at(node.offset), message, key: `${walk.prefix}${path}`, ...(of ? { of } : {}) });
}

function labelOf(expected: Expected): string {
  return expected.primitive ?? (expected.type ? labelOfType(expected.type) : 'value');
}
