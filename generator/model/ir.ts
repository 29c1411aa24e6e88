/**
 * The intermediate model: one linked model per input, types and operations of
 * every API version, each with its source. This is the `docs2ts model` file
 * format; `schema/model.schema.json` documents it and a test holds the two together.
 */
import type { Diagnostic, SourceRef } from './diagnostic.js';
import type {
  HeaderFacts,
  OperationKind,
  PageKind,
  ParameterFacts,
  PermissionFacts,
} from '../extract/facts.js';

export const SCHEMA_VERSION = 1;

export type TypeKind = 'entity' | 'complex' | 'enum' | 'unresolved';

export interface TypeRef {
  /** `Edm.String`, or the full name of a model type (`microsoft.graph.user`). */
  name: string;
  isCollection: boolean;
}

export interface ModelProperty {
  name: string;
  type: TypeRef;
  description: string;
  source: SourceRef;
  /** Values the description lists ("Possible values are ..."). */
  possibleValues?: string[];
  nullable?: boolean;
  readOnly?: boolean;
  required?: boolean;
  /** Full name of the type that declares this property, when it is inherited. */
  inheritedFrom?: string;
}

export interface EnumMember {
  name: string;
  value: number | string | null;
  description: string;
}

export interface ModelType {
  kind: TypeKind;
  /** Bare name as the docs spell it (`deviceManagementPartner`). */
  name: string;
  namespace: string;
  /** `namespace.name`; unique within an API version. */
  fullName: string;
  apiVersion: string;
  /** Full name of the base type, or null. */
  baseType: string | null;
  /** True when the docs name no base type and `baseType` is `microsoft.graph.entity` by inference (an `id`-keyed entity). */
  baseTypeInferred?: boolean;
  description: string;
  source: SourceRef;
  /** Own (declared) properties, in doc order. */
  properties: ModelProperty[];
  navigationProperties: ModelProperty[];
  /** Enum members (kind `enum` only; empty otherwise). */
  members: EnumMember[];
  keyProperty?: string;
  openType?: boolean;
  isAbstract?: boolean;
  /** Full names of types that name this one as base type, sorted. */
  derivedTypes?: string[];
  /** How the type came to be: documented on a page, synthesized from "Possible values", or only referenced. */
  origin: 'documented' | 'possible-values' | 'referenced';
  /** Every page that documents the type (first one is `source.file`). */
  documentedIn: string[];
}

export interface ModelOperation {
  /** Unique, stable id: `<apiVersion>:<page file stem>` (`v1.0:intune-onboarding-devicemanagementpartner-create`). */
  id: string;
  apiVersion: string;
  kind: OperationKind;
  title: string;
  description: string;
  method: string;
  /** Every path of the HTTP request block, in doc order. */
  paths: string[];
  /** Union of path parameter names over all paths, in first-seen order. */
  pathParameters: string[];
  permissions: Omit<PermissionFacts, 'source'>[];
  /** Where the permissions were read: the page's table, or an include file (`source`: its first row). */
  permissionsFrom?: { from: 'table' | 'include'; source: SourceRef };
  requestHeaders: Omit<HeaderFacts, 'source'>[];
  queryParameters: string[];
  /** `from`: table, path, prose or example (`ParameterFacts`); `source`: the row, path, prose link or example key. */
  parameters: (Omit<ParameterFacts, 'type'> & { type: TypeRef | null })[];
  /** Request-body properties, or null when the page documents no request body. */
  requestBody: ModelProperty[] | null;
  /** What the request body is and where that is said: a type the prose links or an example names, or the table's rows (no type). */
  requestBodyType?: { type: TypeRef | null; from: 'table' | 'prose' | 'example'; source: SourceRef };
  /** `typeFrom`: where the type came from, the Response prose or an example response. */
  response: { status: number | null; type: TypeRef | null; typeFrom?: 'prose' | 'example' };
  /** Full name of the resource type the operation acts on, when known. */
  resource: string | null;
  examples: ModelExample[];
  source: SourceRef;
}

export interface ModelHttpMessage {
  method?: string;
  url?: string;
  status?: number;
  headers: Record<string, string>;
  /** Parsed JSON body; absent when there is none or it did not parse (then `rawBody` holds it). */
  body?: unknown;
  rawBody?: string;
  bodyParsed: boolean;
  truncated: boolean;
  /** `@odata.type` from the annotation (`microsoft.graph.user`), if any. */
  odataType?: string;
  isCollection?: boolean;
  source: SourceRef;
  bodySource?: SourceRef;
}

export interface ModelExample {
  name: string;
  request: ModelHttpMessage | null;
  response: ModelHttpMessage | null;
  source: SourceRef;
}

export interface PageSummary {
  total: number;
  byKind: Record<PageKind, number>;
  /** Pages that yielded no type, enum or operation. */
  empty: number;
}

export interface Model {
  schemaVersion: typeof SCHEMA_VERSION;
  generator: { name: 'docs2ts'; version: string };
  /** API versions present, sorted. */
  apiVersions: string[];
  pages: PageSummary;
  /** Sorted by apiVersion, then fullName. */
  types: ModelType[];
  /** Sorted by id. */
  operations: ModelOperation[];
  /** Sorted by file, line, column, code. */
  diagnostics: Diagnostic[];
}

