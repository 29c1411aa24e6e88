/**
 * Runtime text, part 2: path and query encoding, and `send`/`pages`, which every
 * generated function calls.
 */
export const RUNTIME_ENCODING = String.raw`export type PathValue = string | number | boolean;

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
  const encoded = encode(text, "Path parameter");
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
  if (typeof value === "string" || typeof value === "boolean") return encode(String(value), "Query option " + key);
  throw new TypeError("Query option " + key + " must be a string, number, boolean or list");
}

/** uriComponent, plus the characters it leaves that mean something in OData or paths. */
function encode(text: string, what: string): string {
  return uriComponent(text, what).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** encodeURIComponent, with a TypeError saying which value has a lone surrogate (text with no UTF-8 form). */
function uriComponent(text: string, what: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new TypeError(what + " must be well-formed text, without a lone surrogate");
  }
}

/** Appends encoded query options (system options first, then the rest in object order). */
export function withQuery(base: string, query: object | undefined): string {
  if (!query) return base;
  const entries = Object.entries(query).filter(([, value]) => value !== undefined);
  entries.sort(([a], [b]) => rank(a) - rank(b));
  const parts = entries.map(([key, value]) => {
    const name = key.startsWith("$") ? "$" + uriComponent(key.slice(1), "Query option name") : uriComponent(key, "Query option name");
    return name + "=" + queryValue(key, value);
  });
  if (parts.length === 0) return base;
  return base + (base.includes("?") ? "&" : "?") + parts.join("&");
}

function rank(key: string): number {
  const index = SYSTEM_OPTIONS.indexOf(key);
  return index === -1 ? SYSTEM_OPTIONS.length : index;
}

/** A request a generated function's .request builds (and the function sends); T is what it resolves to. */
export interface Call<T = unknown> {
  operation: string;
  method: string;
  path: string;
  query?: object | undefined;
  body?: unknown;
  bodyType?: string | undefined;
  partialBody?: boolean | undefined;
  responseType: ResponseType;
  options?: RequestOptions | undefined;
  /** Type only, never set: what the call resolves to. */
  readonly __result?: T;
}

/** Sends one generated call through the client and returns the response body. */
export async function send<T>(client: GraphClient, call: Call<T>): Promise<T> {
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

/** What a generated function calls when its params match none of its documented paths (a call the types forbid). */
export function noPath(operation: string, wanted: string): never {
  throw new TypeError("The params given to " + operation + " match no documented path: give " + wanted);
}

/**
 * Every page of a collection, following '@odata.nextLink' (which the fetch client
 * only follows while it stays under its base URL: same origin, path under the
 * base path; anything else is a TypeError naming the link, and nothing is sent).
 */
export async function* pages<T>(
  client: GraphClient,
  first: ODataCollection<T>,
  options?: RequestOptions,
): AsyncGenerator<ODataCollection<T>, void, undefined> {
  let page: ODataCollection<T> | undefined = first;
  while (page) {
    yield page;
    const next: unknown = page["@odata.nextLink"];
    if (next === undefined || next === null || next === "") return;
    if (typeof next !== "string") throw new TypeError("@odata.nextLink must be a string, got " + typeof next);
    page = await send<ODataCollection<T>>(client, { operation: "nextLink", method: "GET", path: next, responseType: "json", options });
  }
}
`;
