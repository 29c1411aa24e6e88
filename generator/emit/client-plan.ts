/**
 * What the client emits for one operation, decided as data before any syntax:
 * the path, the path-parameter object, the body, the query and the result.
 */
import type { ModelOperation, ModelProperty, ModelType, TypeRef } from '../model/ir.js';
import { looseName, parsePath, type PathTemplate } from './client-path.js';
import { elementType, isPrimitive, modelTypeOf, typeText, type TypeScope } from './client-type-ref.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** One property of a generated interface. */
export interface Member {
  wire: string;
  type: string;
  description: string;
  required: boolean;
}

export interface PathMember {
  key: string;
  wire: string;
  type: 'string' | 'number' | 'boolean';
}

export type BodyPlan =
  /** The resource type (create) or Partial of it (update). */
  | { kind: 'model'; type: string; fullName: string; partial: boolean; optional: false }
  /** An interface of the request-body or parameter table rows. */
  | { kind: 'members'; members: Member[]; optional: boolean }
  /** Nothing documented: any JSON object. */
  | { kind: 'open'; optional: boolean };

export interface QueryPlan {
  /** Type text of what $select and $expand name (the element type, or `unknown`). */
  element: string;
  /** Function parameters that are not in the path: sent as plain query options. */
  extra: Member[];
  required: boolean;
}

export interface ResultPlan {
  type: string;
  responseType: 'json' | 'void' | 'arrayBuffer';
}

/** One documented path the function can call, and the path parameters that pick it. */
export interface PathPlan {
  template: PathTemplate;
  members: PathMember[];
}

export interface OperationPlan {
  operation: ModelOperation;
  functionName: string;
  /** PascalCase prefix of the operation's type names (`UpdateDeviceManagementPartner`). */
  typePrefix: string;
  method: HttpMethod;
  /**
   * The documented paths the function calls, most parameters first (documented order among
   * equals): the first whose parameters are all given is called.
   */
  paths: PathPlan[];
  /** Documented paths (normalised) with the same parameter keys as an earlier one: not callable, listed in the docs. */
  unreachable: { display: string; sameAs: string }[];
  body: BodyPlan | null;
  query: QueryPlan | null;
  result: ResultPlan;
}

export interface PlanScope extends TypeScope {
  runtimeAlias: string;
}

/** Whether `planOperation` gives a plan: a known method and a usable first path. Cheap (no types read), for deciding which files exist. */
export function isPlannable(operation: ModelOperation): boolean {
  const first = operation.paths[0];
  return METHODS.has(operation.method.trim().toUpperCase()) && first !== undefined && parsePath(first, operation.apiVersion) !== null;
}

/** Null when the operation has no name, no usable path or an unknown method: nothing is emitted for it. */
export function planOperation(operation: ModelOperation, functionName: string, scope: PlanScope): OperationPlan | null {
  if (!isPlannable(operation)) return null;
  const method = operation.method.trim().toUpperCase();
  const templates = operation.paths.flatMap((raw) => parsePath(raw, operation.apiVersion) ?? []);
  const parameterTypes = new Map(operation.parameters.map((parameter) => [looseName(parameter.name), parameter.type]));
  const { paths, unreachable } = choosePaths(templates.map((template) => ({ template, members: template.parameters.map(({ key, wire }) => ({ key, wire, type: scalarOf(parameterTypes.get(looseName(wire))) })) })));
  const inPath = new Set(templates.flatMap((other) => other.parameters.map(({ wire }) => looseName(wire))));
  return {
    operation,
    functionName,
    typePrefix: functionName.charAt(0).toUpperCase() + functionName.slice(1),
    method: method as HttpMethod,
    paths,
    unreachable,
    body: method === 'GET' || method === 'DELETE' ? null : planBody(operation, scope),
    query: method === 'GET' ? planQuery(operation, inPath, scope) : null,
    result: planResult(operation, method, scope),
  };
}

/**
 * One path per set of parameter keys (the first documented; later ones with the same keys
 * are unreachable, since the parameters could not tell them apart), ordered most keys first,
 * documented order among equals (a stable sort).
 */
function choosePaths(all: PathPlan[]): Pick<OperationPlan, 'paths' | 'unreachable'> {
  const byKeys = new Map<string, PathPlan>();
  const unreachable: OperationPlan['unreachable'] = [];
  for (const path of all) {
    const keys = path.members.map(({ key }) => key).sort().join(',');
    const first = byKeys.get(keys);
    if (first) unreachable.push({ display: path.template.display, sameAs: first.template.display });
    else byKeys.set(keys, path);
  }
  const paths = [...byKeys.values()].sort((a, b) => b.members.length - a.members.length);
  return { paths, unreachable };
}

function scalarOf(type: TypeRef | null | undefined): PathMember['type'] {
  if (!type || type.isCollection) return 'string';
  if (type.name === 'Edm.Boolean') return 'boolean';
  return /^Edm\.(S?Byte|Int16|Int32|Int64|Single|Double|Decimal)$/.test(type.name) ? 'number' : 'string';
}

/** An entity or complex type the body or result can be typed as. */
function structuredType(name: string | null | undefined, scope: PlanScope): ModelType | undefined {
  const type = name ? modelTypeOf(name, scope) : undefined;
  return type && (type.kind === 'entity' || type.kind === 'complex') && scope.reference(type.fullName) ? type : undefined;
}

function planBody(operation: ModelOperation, scope: PlanScope): BodyPlan | null {
  if (operation.kind === 'create' || operation.kind === 'update') {
    const responseType = operation.response.type && !operation.response.type.isCollection ? operation.response.type.name : null;
    const target = structuredType(operation.resource, scope) ?? structuredType(responseType, scope);
    const partial = operation.kind === 'update';
    if (target) return { kind: 'model', type: elementType(target.fullName, scope), fullName: target.fullName, partial, optional: false };
    const members = (operation.requestBody ?? []).map((property) => memberOf(property, scope, !partial));
    return members.length > 0 ? { kind: 'members', members: unique(members), optional: false } : { kind: 'open', optional: false };
  }
  const rows = operation.requestBody?.length ? operation.requestBody.map((property) => memberOf(property, scope, true)) : [];
  const members = rows.length > 0 ? rows : operation.parameters.map((parameter) => parameterMember(parameter, scope));
  if (members.length > 0) {
    const distinct = unique(members);
    return { kind: 'members', members: distinct, optional: !distinct.some((member) => member.required) };
  }
  // An empty table (or "Do not supply a request body") means no body; no table at all means unknown.
  return operation.requestBody === null ? { kind: 'open', optional: true } : null;
}

function planQuery(operation: ModelOperation, inPath: ReadonlySet<string>, scope: PlanScope): QueryPlan {
  const responseType = operation.response.type;
  const element = responseType && !isPrimitive(responseType) ? elementType(responseType.name, scope) : 'unknown';
  const extra = unique(
    operation.parameters
      .filter((parameter) => !inPath.has(looseName(parameter.name)) && !parameter.name.startsWith('$'))
      .map((parameter) => parameterMember(parameter, scope)),
  );
  return { element, extra, required: extra.some((member) => member.required) };
}

function planResult(operation: ModelOperation, method: string, scope: PlanScope): ResultPlan {
  const { status, type } = operation.response;
  if (status === 204) return { type: 'void', responseType: 'void' };
  if (!type) {
    const empty = status === 202 || method === 'DELETE' || operation.kind === 'delete';
    return empty ? { type: 'void', responseType: 'void' } : { type: 'unknown', responseType: 'json' };
  }
  if (type.name === 'Edm.Stream' && !type.isCollection) return { type: 'ArrayBuffer', responseType: 'arrayBuffer' };
  const element = elementType(type.name, scope);
  if (type.isCollection || operation.kind === 'list') return { type: `${scope.runtimeAlias}.ODataCollection<${element}>`, responseType: 'json' };
  if (isPrimitive(type)) return { type: `${scope.runtimeAlias}.ODataValue<${element}>`, responseType: 'json' };
  return { type: element, responseType: 'json' };
}

function memberOf(property: ModelProperty, scope: PlanScope, keepRequired: boolean): Member {
  return {
    wire: property.name,
    type: typeText(property.type, scope, property.nullable === true),
    description: property.description,
    required: keepRequired && property.required === true,
  };
}

function parameterMember(parameter: ModelOperation['parameters'][number], scope: PlanScope): Member {
  return {
    wire: parameter.name,
    type: parameter.type ? typeText(parameter.type, scope) : 'unknown',
    description: parameter.description,
    required: parameter.required === true,
  };
}

/** First row wins when a table repeats a name (a repeated key would not compile). */
function unique(members: Member[]): Member[] {
  const seen = new Set<string>();
  return members.filter((member) => !seen.has(member.wire) && seen.add(member.wire));
}
