/**
 * Page facts: what one markdown page says, before any cross-page linking.
 * Plain JSON data (no class instances, no mdast nodes), so facts can cross
 * worker threads and be cached by page hash.
 */
import type { Diagnostic, SourceRef } from '../model/diagnostic.js';

export type PageKind = 'api' | 'resource' | 'enum' | 'conceptual';

/**
 * A type as a table cell, a response sentence or an annotation writes it,
 * normalised but not yet resolved against other pages.
 */
export interface TypeRefFacts {
  /** The cell text as written (markdown stripped), for messages. */
  raw: string;
  /**
   * Canonical name: `Edm.String`, `Edm.Int32`, ... for primitives; for documented
   * types the name as written, qualified when the doc qualifies it
   * (`deviceManagementPartnerTenantState`, `microsoft.graph.callRecords.session`).
   */
  name: string;
  isCollection: boolean;
  isPrimitive: boolean;
  /** Link target of the type name when the cell links it (`../resources/x.md`). */
  href?: string;
  /**
   * Every type a cell names when it names several (`[a](a.md) or [b](b.md)`, `a, b, or c`),
   * in cell order; `name` and `href` are the first's. Linking reads them as their common base type.
   */
  alternatives?: TypeAlternativeFacts[];
}

export interface TypeAlternativeFacts {
  name: string;
  href?: string;
}

export interface PropertyFacts {
  name: string;
  type: TypeRefFacts;
  description: string;
  source: SourceRef;
  /** Where the type cell's text starts (a table row's property), for findings about the type as written. */
  typeSource?: SourceRef;
  /** Values listed in the description ("Possible values are: `a`, `b`."). */
  possibleValues?: string[];
  /** Hints the description or a table column states. Absent when the text says nothing. */
  nullable?: boolean;
  readOnly?: boolean;
  required?: boolean;
  /** True when the type cell was empty or unreadable and the type is a guess. */
  typeUnknown?: boolean;
}

export interface MethodFacts {
  title: string;
  href?: string;
  returnType: TypeRefFacts | null;
  description: string;
  source: SourceRef;
}

/** A `<!-- { ... } -->` annotation comment: parsed JSON where it parses. */
export interface AnnotationFacts {
  value: Record<string, unknown> | null;
  raw: string;
  source: SourceRef;
}

/** A fenced code block's body: parsed JSON where it parses, raw text always. */
export interface BodyFacts {
  raw: string;
  /** Parsed JSON, present only when `raw` parsed. */
  json?: unknown;
  parsed: boolean;
  /** Where the body text starts in the page (line/column of its first character). */
  source: SourceRef;
}

export interface JsonRepresentationFacts {
  annotation: AnnotationFacts | null;
  body: BodyFacts;
  source: SourceRef;
}

export interface ResourceFacts {
  /** Bare type name (`deviceManagementPartner`). */
  name: string;
  namespace: string;
  description: string;
  source: SourceRef;
  baseType: { name: string; href?: string; source: SourceRef } | null;
  properties: PropertyFacts[];
  navigationProperties: PropertyFacts[];
  methods: MethodFacts[];
  json: JsonRepresentationFacts | null;
  /** From the JSON representation annotation. */
  keyProperty?: string;
  openType?: boolean;
  isAbstract?: boolean;
  optionalProperties?: string[];
}

export interface EnumMemberFacts {
  name: string;
  value: number | string | null;
  description: string;
  source: SourceRef;
}

export interface EnumFacts {
  name: string;
  namespace: string;
  description: string;
  source: SourceRef;
  members: EnumMemberFacts[];
  isFlags?: boolean;
}

export type OperationKind =
  | 'create'
  | 'get'
  | 'list'
  | 'update'
  | 'delete'
  | 'action'
  | 'function'
  | 'other';

export interface HttpRequestFacts {
  method: string;
  /** Path as written, without host and version (`/users/{id}/messages`). */
  path: string;
  /** Names of `{param}` segments in this path, in order. */
  pathParameters: string[];
  source: SourceRef;
}

export interface PermissionFacts {
  /** `Delegated (work or school account)`, `Delegated (personal Microsoft account)`, `Application`. */
  type: string;
  /**
   * Least privileged first. The "Least privileged permissions" column where the
   * table has one, else the row's list ("from most to least privileged" lists
   * reversed). Empty when the cell says "Not supported."
   */
  permissions: string[];
  /** The "Higher privileged permissions" column, when the table has one (empty for "Not available."). */
  higherPrivileged?: string[];
  /** The resource of a row of a per-resource table (`subscription-get`: `| Supported resource | Delegated ... |`). */
  resource?: string;
  source: SourceRef;
}

export interface HeaderFacts {
  name: string;
  value: string;
  source: SourceRef;
}

export interface ParameterFacts {
  name: string;
  type: TypeRefFacts | null;
  description: string;
  required?: boolean;
  /**
   * Where the parameter came from: a row of the parameter or request-body table
   * (`table`), the request path (`f(on='reviewer')`: `path`), the prose naming the
   * one object a table describes (`prose`), or an example request body only
   * (`example`: a key the table lacks, or the one object the table describes).
   * The extractor sets it on every parameter; models built by hand may leave it out.
   */
  from?: 'table' | 'path' | 'prose' | 'example';
  source: SourceRef;
}

export interface ResponseFacts {
  /** 200, 201, 204, ... or null when the Response section names none. */
  status: number | null;
  type: TypeRefFacts | null;
  /** Where `type` came from: the Response prose, or an example response (`extract/return-type.ts`). */
  typeFrom?: 'prose' | 'example';
  /** Where `type` is said: the prose's type link, or the example response that gave it. */
  typeSource?: SourceRef;
  /** Every sentence of the section (and its subsections but errors) that links the type a success returns; absent when none does. */
  claims?: ResponseClaim[];
  source: SourceRef;
}

/** "returns a `200 OK` response code and a [user](...) object": one sentence's linked type. */
export interface ResponseClaim {
  type: TypeRefFacts;
  /** The status the sentence names (a success status), or null. */
  status: number | null;
  /** The subsection the sentence sits under (`JSON`), or null in the section itself. */
  under: string | null;
  /** The type link. */
  source: SourceRef;
  /** Other types the sentence names beside it ("a [a](...) or a [b](...) object"), absent when none. */
  also?: { type: TypeRefFacts; source: SourceRef }[];
}

/** One annotated request or response block of an example. */
export interface HttpMessageFacts {
  annotation: AnnotationFacts | null;
  /** Request line (requests only). */
  method?: string;
  url?: string;
  /** Status line (responses only). */
  status?: number;
  headers: Record<string, string>;
  /** Absent when the block has no body. */
  body?: BodyFacts;
  /** `truncated: true` in the annotation, or a body cut short with `...`. */
  truncated: boolean;
  source: SourceRef;
}

export interface ExampleFacts {
  /** Annotation `name`, or a name derived from the page and the example's position. */
  name: string;
  request: HttpMessageFacts | null;
  response: HttpMessageFacts | null;
  source: SourceRef;
}

export interface OperationFacts {
  title: string;
  description: string;
  kind: OperationKind;
  httpRequests: HttpRequestFacts[];
  permissions: PermissionFacts[];
  requestHeaders: HeaderFacts[];
  queryParameters: string[];
  /** Rows of a function's or action's parameter table (`## Function parameters`). */
  parameters: ParameterFacts[];
  /** Request-body table rows; null when the page has no request-body table. */
  requestBody: PropertyFacts[] | null;
  /**
   * What the request body is, and where that is said: a type the Request body prose
   * links (`prose`), else one an example request body names (`@odata.type`:
   * `example`), else the table's rows (`table`, no type). Absent for actions and
   * functions (their body is `parameters`) and pages without a body.
   */
  requestBodyType?: { type: TypeRefFacts | null; from: 'table' | 'prose' | 'example'; source: SourceRef };
  response: ResponseFacts | null;
  examples: ExampleFacts[];
  source: SourceRef;
}

export interface HeadingFacts {
  text: string;
  /** GitHub/docs-style anchor slug (`#request-body`). */
  slug: string;
  depth: number;
  source: SourceRef;
}

export interface LinkFacts {
  href: string;
  source: SourceRef;
}

export interface PageFacts {
  /** Relative to the input root, `/` separators. */
  file: string;
  apiVersion: string;
  kind: PageKind;
  /** Front matter `doc_type` as written, or null when absent. */
  docType: string | null;
  title: string | null;
  namespace: string | null;
  resources: ResourceFacts[];
  enums: EnumFacts[];
  operations: OperationFacts[];
  headings: HeadingFacts[];
  links: LinkFacts[];
  diagnostics: Diagnostic[];
}

/** The facts of a page nothing was read from (yet): a conceptual page with only these diagnostics. */
export function emptyFacts(file: string, apiVersion: string, diagnostics: Diagnostic[]): PageFacts {
  return { file, apiVersion, kind: 'conceptual', docType: null, title: null, namespace: null, resources: [], enums: [], operations: [], headings: [], links: [], diagnostics };
}
