/**
 * The text of `<version>/runtime.ts`: the one dependency-free module every
 * generated client function calls. Same text for each API version except the
 * default base URL. String.raw keeps its regex escapes as written; its one
 * template-literal type is spelt with substitutions.
 */

export function runtimeSource(apiVersion: string): string {
  const baseUrl = `https://graph.microsoft.com/${encodeURIComponent(apiVersion)}`;
  return RUNTIME.replace('__BASE_URL__', JSON.stringify(baseUrl));
}

const RUNTIME = String.raw`/**
 * Runtime for the generated client functions: no dependencies. Needs the
 * fetch, AbortController and setTimeout globals (Node 18+ or a browser).
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
   * included; or an absolute @odata.nextLink under the base URL.
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

/** A property name of T for $select, while still accepting any string. */
export type SelectKey<T> = Extract<keyof T, string> | (string & Record<never, never>);

/** OData system query options. Lists are joined with commas. */
export interface QueryOptions<T = unknown> {
  $select?: readonly SelectKey<T>[] | string | undefined;
  $expand?: readonly SelectKey<T>[] | string | undefined;
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
  readonly requestId: string | undefined;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    const error = errorOf(body);
    super(error ? status + " " + error.code + ": " + error.message : "HTTP " + status);
    this.status = status;
    this.code = error?.code;
    this.innerError = error?.innerError;
    this.body = body;
    this.requestId = headers["request-id"] ?? headers["client-request-id"];
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
    super("Request body is invalid" + (operation ? " for " + operation : "") + " (" + problems.length + " problems)");
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

export type PathValue = string | number | boolean;

/**
 * One path parameter value, percent-encoded so it cannot change the path: "/",
 * "?", "#" and quotes are encoded, and a value of only dots ("." or "..") is
 * encoded too. Inside an OData string literal (quoted) single quotes are doubled.
 */
export function encodePathValue(value: PathValue, quoted = false): string {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    throw new TypeError("Path parameter must be a string, number or boolean, got " + typeof value);
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("Path parameter must be a finite number");
  let text = String(value);
  if (text === "") throw new TypeError("Path parameter must not be empty");
  if (quoted) text = text.replace(/'/g, "''");
  const encoded = encode(text);
  return /^\.+$/.test(encoded) ? encoded.replace(/\./g, "%2E") : encoded;
}

/** Tag for path templates: every substitution is encoded with encodePathValue. */
export function path(strings: TemplateStringsArray, ...values: PathValue[]): string {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) {
    const next = strings[i + 1] ?? "";
    out += encodePathValue(values[i] as PathValue, out.endsWith("'") && next.startsWith("'")) + next;
  }
  return out;
}

const SYSTEM_OPTIONS = ["$select", "$expand", "$filter", "$orderby", "$search", "$top", "$skip", "$count"];

/** One option's value, percent-encoded; list items are encoded one by one and joined with commas. */
function queryValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => queryValue(key, item)).join(",");
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("Query option " + key + " must be a finite number");
    if ((key === "$top" || key === "$skip") && (!Number.isInteger(value) || value < 0)) {
      throw new TypeError("Query option " + key + " must be a non-negative integer");
    }
    return String(value);
  }
  if (typeof value === "string" || typeof value === "boolean") return encode(String(value));
  throw new TypeError("Query option " + key + " must be a string, number, boolean or list");
}

/** encodeURIComponent, plus the characters it leaves that mean something in OData or paths. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Appends encoded query options (system options first, then the rest in object order). */
export function withQuery(base: string, query: object | undefined): string {
  if (!query) return base;
  const entries = Object.entries(query).filter(([, value]) => value !== undefined);
  entries.sort(([a], [b]) => rank(a) - rank(b));
  const parts = entries.map(([key, value]) => {
    const name = key.startsWith("$") ? "$" + encodeURIComponent(key.slice(1)) : encodeURIComponent(key);
    return name + "=" + queryValue(key, value);
  });
  if (parts.length === 0) return base;
  return base + (base.includes("?") ? "&" : "?") + parts.join("&");
}

function rank(key: string): number {
  const index = SYSTEM_OPTIONS.indexOf(key);
  return index === -1 ? SYSTEM_OPTIONS.length : index;
}

/** What a generated function passes to send. */
export interface Call {
  operation: string;
  method: string;
  path: string;
  query?: object | undefined;
  body?: unknown;
  bodyType?: string | undefined;
  partialBody?: boolean | undefined;
  responseType: ResponseType;
  options?: RequestOptions | undefined;
}

/** Sends one generated call through the client and returns the response body. */
export async function send<T>(client: GraphClient, call: Call): Promise<T> {
  const request: GraphRequest = {
    method: call.method,
    path: withQuery(call.path, call.query),
    responseType: call.responseType,
    operation: call.operation,
  };
  if (call.body !== undefined) request.body = call.body;
  if (call.bodyType !== undefined) request.bodyType = call.bodyType;
  if (call.partialBody) request.partialBody = true;
  if (call.options?.headers) request.headers = call.options.headers;
  if (call.options?.signal) request.signal = call.options.signal;
  const response = await client.request<T>(request);
  return response.body;
}

/**
 * Every page of a collection, following @odata.nextLink (which the fetch client
 * only follows while it stays under its base URL).
 */
export async function* pages<T>(
  client: GraphClient,
  first: ODataCollection<T>,
  options?: RequestOptions,
): AsyncGenerator<ODataCollection<T>, void, undefined> {
  let page: ODataCollection<T> | undefined = first;
  while (page) {
    yield page;
    const next: string | undefined = page["@odata.nextLink"];
    if (!next) return;
    page = await send<ODataCollection<T>>(client, { operation: "nextLink", method: "GET", path: next, responseType: "json", options });
  }
}

/** What a fetch implementation must look like: the global fetch fits. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<FetchResponseLike>;

export interface FetchResponseLike {
  status: number;
  headers: { forEach(callback: (value: string, key: string) => void): void };
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FetchClientOptions {
  /** Service root; default DEFAULT_BASE_URL. */
  baseUrl?: string;
  /** Bearer token provider, called once per request. */
  getToken: () => string | Promise<string>;
  /** Default globalThis.fetch. */
  fetch?: FetchLike;
  /** Per-request timeout covering headers and body; default 100000, 0 turns it off. */
  timeoutMs?: number;
  /** Sent with every request (a request's own headers win). */
  headers?: Record<string, string>;
  /**
   * Checks a request body before anything is sent: return the problems (any shape,
   * e.g. from the generated validators, picked by request.bodyType); a non-empty
   * list throws GraphValidationError.
   */
  validate?: (body: unknown, request: GraphRequest) => readonly unknown[] | undefined;
}

const HEADER_NAME = /^[!#$%&'*+.^_|~0-9A-Za-z-]+$/;

/** Refuses header names that are not tokens and values with CR, LF or NUL (header injection). */
function checkHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) throw new TypeError("Invalid header name: " + JSON.stringify(name));
    if (typeof value !== "string" || /[\r\n\0]/.test(value)) {
      throw new TypeError("Invalid value for header " + name + ": must be a string without CR, LF or NUL");
    }
  }
}

/** A GraphClient over fetch: bearer auth, JSON in and out, GraphError, timeout. */
export function createFetchClient(options: FetchClientOptions): GraphClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 100000;
  const fetchImpl = options.fetch ?? (globalThis as unknown as { fetch?: FetchLike }).fetch;
  if (!fetchImpl) throw new TypeError("No fetch implementation: pass options.fetch");
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new TypeError("timeoutMs must be a non-negative number");

  function urlOf(requestPath: string): string {
    let url: string;
    if (requestPath.startsWith("/") && !requestPath.startsWith("//")) url = baseUrl + requestPath;
    else if (requestPath.startsWith(baseUrl + "/") || requestPath.startsWith(baseUrl + "?")) url = requestPath;
    else throw new TypeError("Refusing to send a request outside " + baseUrl + ": " + requestPath);
    // URL parsing (and so fetch) removes "." and ".." segments even when written %2E / %2E%2E.
    const pathname = url.slice(url.indexOf("/", url.indexOf("//") + 2)).split(/[?#]/)[0] ?? "";
    if (pathname.split("/").some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment))) {
      throw new TypeError("Refusing to send a path with a . or .. segment, which URL parsing would remove: " + url);
    }
    return url;
  }

  return {
    async request<T>(request: GraphRequest): Promise<GraphResponse<T>> {
      const url = urlOf(request.path);
      if (options.validate && request.body !== undefined) {
        const problems = options.validate(request.body, request) ?? [];
        if (problems.length > 0) throw new GraphValidationError(problems, request.operation);
      }
      const token = await options.getToken();
      if (typeof token !== "string" || token === "") throw new TypeError("getToken must return a non-empty string");
      const headers: Record<string, string> = { accept: "application/json", ...lower(options.headers), ...lower(request.headers) };
      headers["authorization"] = "Bearer " + token;
      let body: string | undefined;
      if (request.body !== undefined) {
        body = JSON.stringify(request.body);
        headers["content-type"] ??= "application/json";
      }
      checkHeaders(headers);

      const controller = new AbortController();
      let timedOut = false;
      const timer = timeoutMs > 0 ? setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs) : undefined;
      const onAbort = (): void => controller.abort();
      if (request.signal?.aborted) controller.abort();
      request.signal?.addEventListener("abort", onAbort, { once: true });
      const init: Parameters<FetchLike>[1] = { method: request.method, headers, signal: controller.signal };
      if (body !== undefined) init.body = body;
      try {
        const response = await fetchImpl(url, init);
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, key) => { responseHeaders[key.toLowerCase()] = value; });
        if (response.status < 200 || response.status > 299) {
          throw new GraphError(response.status, parseOrText(await response.text()), responseHeaders);
        }
        let result: unknown;
        if (request.responseType === "arrayBuffer") result = await response.arrayBuffer();
        else {
          const text = await response.text();
          if (request.responseType === "json" && response.status !== 204 && text !== "") {
            try {
              result = JSON.parse(text);
            } catch {
              throw new GraphError(response.status, text, responseHeaders);
            }
          }
        }
        return { status: response.status, headers: responseHeaders, body: result as T };
      } catch (error) {
        if (timedOut) throw new GraphTimeoutError(timeoutMs);
        throw error;
      } finally {
        if (timer !== undefined) clearTimeout(timer);
        request.signal?.removeEventListener("abort", onAbort);
      }
    },
  };
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

function parseOrText(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
`;
