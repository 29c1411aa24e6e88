/**
 * Runtime text, part 3: the default fetch transport (bearer token, JSON, header
 * refusal, timeout, validate hook, base-URL confinement).
 */
export const RUNTIME_FETCH = String.raw`/** What a fetch implementation must look like: the global fetch fits. */
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
      const headers: Record<string, string> = { accept: request.responseType === "arrayBuffer" ? "*/*" : "application/json", ...lower(options.headers), ...lower(request.headers) };
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
