/**
 * Which type an example body should have.
 * Responses: the annotation's `@odata.type` (+ `isCollection`), else the
 * operation's response type. Requests: the body's own top-level `@odata.type`
 * (else the request annotation's);
 * an action's or function's parameters; for create/update the resource type
 * (with any request-body rows it lacks); else the request-body table alone.
 */
import type { Node } from 'jsonc-parser';
import type { SourceRef } from '../model/diagnostic.js';
import type { ModelOperation, ModelProperty, ModelType, TypeRef } from '../model/ir.js';
import { findForward, type CheckContext } from './context.js';
import { keyOf } from './json-locate.js';
import type { ExampleMessage } from './examples.js';
import { pathBody } from './request-path-body.js';
import { unwrapCollection, type TypeIndex } from './type-index.js';
import { checkPrimitive, type JsonKind } from './value-formats.js';

export interface Target {
  /** The type to check against: a model type, or a synthesized one for parameters and body tables. */
  type?: ModelType;
  /** An Edm primitive (`Edm.String`) when the body is a primitive in `{"value": ...}`. */
  primitive?: string;
  isCollection: boolean;
  /** The documented type `@odata.type` values must derive from (absent for synthesized shapes without one). */
  anchor?: ModelType;
  /** Where the expectation comes from, for messages. */
  from: 'annotation' | 'response section' | 'request body' | 'parameters' | 'resource';
}

export function targetOf(ctx: CheckContext, item: ExampleMessage, index: TypeIndex, topLevelOdataType: string | undefined): Target | undefined {
  if (item.role === 'response') return responseTarget(item, index);
  const path = pathBody(ctx, item, index, requestResource(item, index));
  if (path && 'action' in path) return parametersTarget(path.action);
  if (path) return { type: path.type, anchor: path.type, isCollection: false, from: 'resource' };
  return requestTarget(item, index, topLevelOdataType);
}

/**
 * A response annotation at odds with the body, both documented: the annotation was copied from another page, and
 * the body says what comes back. Either the body's own top-level `@odata.type` neither is nor derives from the
 * annotation's type (nor the reverse), or the body names no type and has properties the annotation's type lacks but
 * the Response section's type (or a type derived from it) has, more of its properties fitting that type (`connector` for a
 * printConnector body, `directory` for a deleted group under directoryObject). The body is then checked as that type,
 * and the one finding is at the annotation's value, where the fix is.
 */
export function annotationAtOdds(ctx: CheckContext, item: ExampleMessage, index: TypeIndex, target: Target, bodyType: string | undefined, root: Node): { target: Target; at?: SourceRef; message?: string } {
  const annotation = item.message.annotation;
  const written = annotation?.value?.['@odata.type'];
  const said = target.type;
  if (item.role !== 'response' || target.from !== 'annotation' || typeof written !== 'string' || !said || !annotation) return { target };
  const fromBody = bodyType !== undefined;
  const fitting = fromBody ? undefined : responseTypeFitting(item, index, said, root);
  const body = fromBody ? index.lookup(bodyType)?.type : fitting?.type;
  if (!body || said.origin !== 'documented' || body.origin !== 'documented' || index.isA(body, said) || index.isA(said, body) || index.hasUnknownBase(said)) return { target };
  if (fromBody && index.hasUnknownBase(body)) return { target };
  const section = item.linked?.response?.type?.name;
  const derived = !fromBody && !fitting?.linked && section !== undefined && index.get(section) !== body;
  const why = fromBody
    ? `as the body's own \`@odata.type\` says (or a type it derives from)`
    : fitting?.linked
      ? `(a type the page links to, whose properties the body has)`
      : derived
      ? `(a type derived from the Response section's \`${section}\`, whose properties the body has)`
      : `(the Response section's type, whose properties the body has)`;
  return {
    target: { ...target, type: body, anchor: body },
    at: findForward(ctx, annotation.source, `"${written}"`),
    message: `Unexpected \`@odata.type\` \`${written}\` in the response annotation, expected \`${body.fullName}\` ${why}`,
  };
}

/**
 * A create or update request body whose own top-level `@odata.type` names a type it does not fit, while the page's
 * resource has every key of the body and the named type lacks two or more (educationsubmission-post-resources: an
 * educationSubmissionResource body, `"@odata.type": "microsoft.graph.educationResource"` at its end). The fix is that
 * `@odata.type` value: one finding there, and the body is checked as the resource.
 */
export function requestTypeAtOdds(item: ExampleMessage, index: TypeIndex, target: Target, root: Node): { target: Target; node: Node; message: string } | undefined {
  const kind = item.linked?.kind;
  const said = target.type;
  const node = root.type === 'object' ? root.children?.find((m) => keyOf(m) === '@odata.type')?.children?.[1] : undefined;
  const keys = (root.children ?? []).map(keyOf).filter((k): k is string => k !== undefined && !k.includes('@'));
  if (item.role === 'request' && target.from === 'parameters' && said && node) return parametersTypeAtOdds(index, target, said, node, keys);
  if (item.role !== 'request' || target.from !== 'annotation' || !said || !node || (kind !== 'create' && kind !== 'update')) return undefined;
  const resource = requestResource(item, index);
  if (!resource || index.isA(resource, said) || index.isA(said, resource)) return undefined;
  const has = index.properties(resource);
  if (!keys.every((k) => has.has(k)) || keys.filter((k) => !index.properties(said).has(k)).length < 2) return undefined;
  return {
    target: { type: resource, anchor: resource, isCollection: false, from: 'resource' },
    node,
    message: `Unexpected \`@odata.type\` \`${String(node.value)}\` on the request body, expected \`${resource.fullName}\` (the page's resource, whose properties the body has)`,
  };
}

/**
 * An action's body (its parameters) whose own top-level `@odata.type` names a type that lacks every key of the body,
 * each a parameter (cloudpcprovisioningpolicy-assign: `"@odata.type": "#microsoft.graph.cloudPcProvisioningPolicyAssignment"`
 * beside the parameter `assignments`): the fix is that `@odata.type`, one finding there; the body stays checked as the
 * parameters.
 */
function parametersTypeAtOdds(index: TypeIndex, target: Target, params: ModelType, node: Node, keys: string[]): { target: Target; node: Node; message: string } | undefined {
  const named = index.lookup(String(node.value))?.type;
  const names = new Set(params.properties.map((p) => p.name));
  if (!named || named.origin !== 'documented' || keys.length === 0 || !keys.every((k) => names.has(k) && !index.properties(named).has(k))) return undefined;
  const listed = keys.map((k) => `\`${k}\``).join(', ');
  return { target, node, message: `Unexpected \`@odata.type\` \`${String(node.value)}\` on the request body, expected none: the body is the ${params.name} (${listed}), which \`${named.fullName}\` lacks` };
}

/**
 * A response annotation naming a primitive the body does not have, while the Response prose names the type the body
 * has: an object (group-evaluatedynamicmembership: a string collection annotated, an evaluation result returned), or
 * the primitive of the body's `value` (serviceupdatemessage-unarchive: `"string"` annotated, `{"value": true}` and
 * "a Boolean value" in the prose). The fix is the annotation: one finding at its `@odata.type` value; the body is not
 * walked against the annotation's primitive.
 */
export function primitiveAnnotationAtOdds(ctx: CheckContext, item: ExampleMessage, target: Target, root: Node): { at: SourceRef; message: string } | undefined {
  const annotation = item.message.annotation;
  const written = annotation?.value?.['@odata.type'];
  const prose = item.linked?.response;
  if (item.role !== 'response' || target.from !== 'annotation' || !target.primitive || !annotation || typeof written !== 'string') return undefined;
  if (prose?.typeFrom !== 'prose' || !prose.type || root.type !== 'object') return undefined;
  const value = root.children?.find((m) => keyOf(m) === 'value')?.children?.[1];
  const said = prose.type.name;
  const shows = said.startsWith('Edm.')
    ? value !== undefined && value.type !== 'object' && value.type !== 'array' && checkPrimitive(target.primitive, value.type as JsonKind, value.value) !== null && checkPrimitive(said, value.type as JsonKind, value.value) === null
    : value === undefined && (root.children ?? []).some((m) => !keyOf(m)?.includes('@'));
  if (!shows) return undefined;
  return {
    at: findForward(ctx, annotation.source, `"${written}"`),
    message: `Unexpected \`${written}\` in the response annotation, expected \`${said}\` as the Response section says and the body shows`,
  };
}

/**
 * The Response section's type, when the body (or its first `value` item) has more of its properties than `said` has,
 * among them some `said` lacks; an open section type (fieldValueSet) fits any keys `said` lacks. Else a type the page
 * links to (`See [teamsappdefinition](...)`) that has most of the body's keys while `said` lacks three or more.
 */
function responseTypeFitting(item: ExampleMessage, index: TypeIndex, said: ModelType, root: Node): { type: ModelType; linked: boolean } | undefined {
  const ref = item.linked?.response;
  const type = ref?.type && ref.typeFrom !== 'example' && !ref.type.name.startsWith('Edm.') ? index.get(ref.type.name) : undefined;
  const items = root.type === 'object' ? root.children?.find((m) => keyOf(m) === 'value')?.children?.[1] : undefined;
  const object = items?.type === 'array' ? items.children?.[0] : root;
  if (object?.type !== 'object') return undefined;
  const keys = (object.children ?? []).map(keyOf).filter((k): k is string => k !== undefined && !k.includes('@'));
  const extra = keys.filter((k) => !index.properties(said).has(k) && !index.descendants(said).some((d) => index.properties(d).has(k)));
  if (extra.length === 0) return undefined;
  // The Response section's type explains more of the body than the annotation's (printConnector has all but `name`);
  // else the type derived from it that explains the most (a deleted group under directoryObject).
  const fits = (candidate: ModelType) => {
    if (candidate === type && index.isOpen(candidate) && 2 * extra.length > keys.length) return keys.length;
    const has = index.properties(candidate);
    return extra.some((k) => has.has(k)) ? keys.filter((k) => has.has(k)).length : 0;
  };
  if (type) {
    const best = [type, ...index.descendants(type)].reduce((a, b) => (fits(b) > fits(a) ? b : a));
    if (fits(best) > keys.length - extra.length) return { type: best, linked: false };
  }
  const linked = extra.length >= 3 ? linkedTypes(item, index).filter((t) => t !== said && !index.isOpen(t)) : [];
  const best = linked.reduce<ModelType | undefined>((a, b) => (!a || fits(b) > fits(a) ? b : a), undefined);
  return best && fits(best) > keys.length - extra.length && 2 * fits(best) > keys.length ? { type: best, linked: true } : undefined;
}

/** The documented types whose resource pages the page links to, in link order (`exact`: only names the file name spells as the type does). */
function linkedTypes(item: ExampleMessage, index: TypeIndex, exact = false): ModelType[] {
  const out: ModelType[] = [];
  for (const link of item.page.links) {
    const match = /(?:^|\/)resources\/([^/#]+)\.md(?:#.*)?$/i.exec(link.href);
    const found = match ? index.lookup(match[1]!) : undefined;
    if (found && (found.exact || !exact) && found.type.kind !== 'enum' && !out.includes(found.type)) out.push(found.type);
  }
  return out;
}

function responseTarget(item: ExampleMessage, index: TypeIndex): Target | undefined {
  const annotation = item.message.annotation?.value;
  const written = annotation?.['@odata.type'];
  if (typeof written === 'string' && written.trim() !== '') {
    const { name, isCollection } = unwrapCollection(written.replace(/^#/, ''));
    const many = isCollection || annotation?.['isCollection'] === true || annotation?.['isCollection'] === 'true';
    const primitive = primitiveName(name);
    if (primitive) return { primitive, isCollection: many, from: 'annotation' };
    const found = index.lookup(name);
    return found ? { type: found.type, anchor: found.type, isCollection: many, from: 'annotation' } : undefined;
  }
  const ref = item.linked?.response.type;
  if (!ref) return undefined;
  return fromRef(ref, index, 'response section');
}

function requestTarget(item: ExampleMessage, index: TypeIndex, topLevelOdataType: string | undefined): Target | undefined {
  const linked = item.linked;
  if (!linked) return undefined;
  // What the body says it is: its own top-level `@odata.type`, else the request annotation's.
  const annotated = item.message.annotation?.value?.['@odata.type'];
  const written = topLevelOdataType ?? (typeof annotated === 'string' && annotated.trim() !== '' ? annotated : undefined);
  const own = written ? index.lookup(written) : undefined;
  const resource = requestResource(item, index);
  const anchor = own?.type ?? resource;
  if ((linked.kind === 'action' || linked.kind === 'function') && linked.parameters.length > 0) return parametersTarget(linked);
  const rows = linked.requestBody ?? [];
  const base = own?.type ?? ((linked.kind === 'create' || linked.kind === 'update') && resource ? resource : undefined);
  if (base) {
    const known = index.properties(base);
    const extra = rows.filter((row) => !known.has(row.name));
    if (extra.length === 0) return { type: base, anchor: base, isCollection: false, from: own ? 'annotation' : 'resource' };
    return { type: synthesized(base.fullName, extra, base.fullName), anchor: anchor ?? base, isCollection: false, from: 'resource' };
  }
  if (rows.length > 0) return { type: synthesized(`request body of ${linked.title}`, rows, null), isCollection: false, from: 'request body' };
  return undefined;
}

function parametersTarget(operation: ModelOperation): Target {
  const properties = operation.parameters.map((p) => property(p.name, p.type ?? { name: 'Edm.Untyped', isCollection: false }, p.source));
  return { type: synthesized(`parameters of ${operation.title}`, properties, null), isCollection: false, from: 'parameters' };
}

/**
 * The resource a create/update request body represents: the model's (the
 * response type, else the first linked resource page), except for `202
 * Accepted` operations, whose response is a status object, not the resource:
 * then the first resource page the page links to.
 */
function requestResource(item: ExampleMessage, index: TypeIndex): ModelType | undefined {
  const linked = item.linked!;
  if (item.operation.response?.status !== 202) return linked.resource ? index.get(linked.resource) : undefined;
  return linkedTypes(item, index, true)[0];
}

function fromRef(ref: TypeRef, index: TypeIndex, from: Target['from']): Target | undefined {
  if (ref.name.startsWith('Edm.')) return { primitive: ref.name, isCollection: ref.isCollection, from };
  const type = index.get(ref.name);
  return type ? { type, anchor: type, isCollection: ref.isCollection, from } : undefined;
}

/** A type for a parameter list or body table; a base type makes it extend a real type. */
function synthesized(label: string, properties: ModelProperty[], baseType: string | null): ModelType {
  return {
    kind: 'complex',
    name: label,
    namespace: '',
    fullName: `(${label})`,
    apiVersion: '',
    baseType,
    description: '',
    source: properties[0]?.source ?? { file: '', line: 1, column: 1 },
    properties,
    navigationProperties: [],
    members: [],
    origin: 'documented',
    documentedIn: [],
  };
}

function property(name: string, type: TypeRef, source: ModelProperty['source']): ModelProperty {
  return { name, type, description: '', source };
}

const PRIMITIVE_NAMES = new Set(['string', 'boolean', 'int16', 'int32', 'int64', 'double', 'single', 'decimal', 'guid', 'datetimeoffset', 'date', 'timeofday', 'duration', 'binary', 'stream', 'byte', 'sbyte']);

function primitiveName(name: string): string | undefined {
  const bare = name.replace(/^edm\./i, '');
  const lower = bare.toLowerCase();
  if (!PRIMITIVE_NAMES.has(lower) || (!/^edm\./i.test(name) && name !== bare)) return undefined;
  const canonical = [...PRIMITIVE_NAMES].find((p) => p === lower)!;
  const cased: Record<string, string> = { datetimeoffset: 'DateTimeOffset', timeofday: 'TimeOfDay', sbyte: 'SByte' };
  return `Edm.${cased[canonical] ?? canonical[0]!.toUpperCase() + canonical.slice(1)}`;
}
