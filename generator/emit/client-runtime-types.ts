/**
 * Runtime text, part 1: the transport contract (GraphClient, GraphRequest),
 * query and response shapes, and the error classes. String.raw keeps regex
 * escapes as written; the one template-literal type is spelt with substitutions.
 */
export const RUNTIME_TYPES = String.raw`/**
 * Runtime for the generated client functions: no dependencies. Needs the
 * fetch, URL, AbortController and setTimeout globals (Node 18+ or a browser).
 */

/** The service root requests go to unless createFetchClient is given another. */
export const DEFAULT_BASE_URL = __BASE_URL__;

/** How a response body is read: parsed JSON, discarded, or raw bytes. */
export type ResponseType = "json" | "void" | "arrayBuffer";

/** One request as a generated function hands it to a GraphClient. */
export interface GraphRequest {
  method: string;
  /**
   * Relative to the base URL, starting with "/", already encoded, query string
   * included; or an absolute '@odata.nextLink' under the base URL.
   */
  path: string;
  headers?: Record<string, string> | undefined;
  /** Sent as JSON when defined. */
  body?: unknown;
  signal?: AbortSignal | undefined;
  responseType: ResponseType;
  /** Name of the generated function that made the request. */
  operation?: string | undefined;
  /** Full model name of the body type (create and update), for validation hooks. */
  bodyType?: string | undefined;
  /** True when the body is a partial object (update). */
  partialBody?: boolean | undefined;
}

export interface GraphResponse<T = unknown> {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: T;
}

/** The transport: createFetchClient makes one; tests and other stacks can supply their own. */
export interface GraphClient {
  request<T>(request: GraphRequest): Promise<GraphResponse<T>>;
}

/** Per-call options every generated function accepts last. */
export interface RequestOptions {
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
}

/** A name untypedKey made: accepted by $select and $expand whatever the resource's properties. */
export type UntypedKey = string & { readonly __untypedKey: true };

/** The escape hatch for $select / $expand: a property the docs do not list yet. */
export function untypedKey(name: string): UntypedKey {
  return name as UntypedKey;
}

/** A property name of T (of any member when T is a union of derived types); any string when T is not known. */
export type SelectKey<T> = unknown extends T ? string : (T extends unknown ? Extract<keyof T, string> : never) | UntypedKey;

/** A property name of T for $expand, with nested options ("members($select=id)"). */
export type ExpandKey<T> = unknown extends T ? string : SelectKey<T> | ${"`"}${"$"}{SelectKey<T>}(${"$"}{string})${"`"};

/** OData system query options. Lists are joined with commas; $select and $expand take T's property names (untypedKey for others). */
export interface QueryOptions<T = unknown> {
  $select?: readonly SelectKey<T>[] | undefined;
  $expand?: readonly ExpandKey<T>[] | undefined;
  $filter?: string | undefined;
  $orderby?: readonly string[] | string | undefined;
  $search?: string | undefined;
  $top?: number | undefined;
  $skip?: number | undefined;
  $count?: boolean | undefined;
}

/** A collection response (list operations and collection-valued functions). */
export interface ODataCollection<T> {
  value: T[];
  "@odata.context"?: string;
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
  "@odata.count"?: number;
  [annotation: ${"`"}@${"$"}{string}${"`"}]: unknown;
}

/** A primitive value returned by a function or action. */
export interface ODataValue<T> {
  value: T;
  "@odata.context"?: string;
}

/** Graph's error body. */
export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError?: Record<string, unknown>;
    details?: unknown[];
  };
}

/** A response with a status outside 200-299, or a 2xx whose body is not the JSON it should be. */
export class GraphError extends Error {
  override readonly name = "GraphError";
  readonly status: number;
  /** Graph's error code ("Request_ResourceNotFound"), or undefined when the body has none. */
  readonly code: string | undefined;
  readonly innerError: Record<string, unknown> | undefined;
  /** The parsed body, or its text when it is not JSON. */
  readonly body: unknown;
  /** Every response header, by lower-case name. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request-id header (else client-request-id): what Microsoft support asks for. */
  readonly requestId: string | undefined;
  /** The client-request-id header. */
  readonly clientRequestId: string | undefined;
  /** Retry-After (429, 503) in seconds, from a number of seconds or an HTTP date; undefined when absent or unreadable. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    const error = errorOf(body);
    super(error ? status + " " + error.code + ": " + error.message : "HTTP " + status);
    this.status = status;
    this.code = error?.code;
    this.innerError = error?.innerError;
    this.body = body;
    this.headers = lower(headers);
    this.requestId = this.headers["request-id"] ?? this.headers["client-request-id"];
    this.clientRequestId = this.headers["client-request-id"];
    this.retryAfterSeconds = retryAfterSeconds(this.headers["retry-after"]);
  }
}

/** The request did not complete within timeoutMs. */
export class GraphTimeoutError extends Error {
  override readonly name = "GraphTimeoutError";
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super("Request timed out after " + timeoutMs + " ms");
    this.timeoutMs = timeoutMs;
  }
}

/** The validate hook found problems in a request body; nothing was sent. */
export class GraphValidationError extends Error {
  override readonly name = "GraphValidationError";
  readonly problems: readonly unknown[];
  readonly operation: string | undefined;
  constructor(problems: readonly unknown[], operation: string | undefined) {
    super("Request body is invalid" + (operation ? " for " + operation : "") + ": " + describeProblems(problems));
    this.problems = problems;
    this.operation = operation;
  }
}

function errorOf(body: unknown): GraphErrorBody["error"] | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, message, innerError } = error as Record<string, unknown>;
  if (typeof code !== "string") return undefined;
  return {
    code,
    message: typeof message === "string" ? message : "",
    ...(typeof innerError === "object" && innerError !== null ? { innerError: innerError as Record<string, unknown> } : {}),
  };
}

/** The first problems, one "path: expected X, got Y" each (or the problem's message or text), then "and N more". */
function describeProblems(problems: readonly unknown[]): string {
  const shown = problems.slice(0, 5).map((problem) => {
    try {
      return clip(describeProblem(problem));
    } catch {
      return "unreadable problem";
    }
  });
  const more = problems.length - shown.length;
  return shown.join("; ") + (more > 0 ? "; and " + more + " more" : "");
}

function describeProblem(problem: unknown): string {
  if (typeof problem === "string") return problem;
  if (typeof problem !== "object" || problem === null) return String(problem);
  const { path, expected, actual, message } = problem as Record<string, unknown>;
  const where = typeof path === "string" && path !== "" ? path + ": " : "";
  if (typeof expected === "string" && typeof actual === "string") return where + "expected " + expected + ", got " + actual;
  if (typeof message === "string") return where + message;
  return where + JSON.stringify(problem);
}

function clip(text: string): string {
  return text.length > 200 ? text.slice(0, 199) + "…" : text;
}

/** Retry-After as seconds: a non-negative integer, or an HTTP date from now (0 once past). */
function retryAfterSeconds(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^[0-9]+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
`;
