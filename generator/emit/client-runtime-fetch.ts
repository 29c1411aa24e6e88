/**
 * Runtime text, part 3: the default fetch transport (bearer token, JSON, header
 * refusal, timeout, retries, validate hook, base-URL confinement decided on the parsed URL).
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
  /** Service root (http or https, no query or fragment); default DEFAULT_BASE_URL. The token is only ever sent under it. */
  baseUrl?: string;
  /** Bearer token provider, called once per request. */
  getToken: () => string | Promise<string>;
  /** Default globalThis.fetch. */
  fetch?: FetchLike;
  /** Per-call timeout covering the whole call (getToken, headers, body, and every retry and wait); default 100000, 0 turns it off. */
  timeoutMs?: number;
  /** Retries of throttled and unavailable responses (RetryOptions); on by default, false turns them off. */
  retry?: RetryOptions | false;
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

/** A GraphClient over fetch: bearer auth, JSON in and out, GraphError, retries, timeout. */
export function createFetchClient(options: FetchClientOptions): GraphClient {
  const base = baseUrlOf(options.baseUrl ?? DEFAULT_BASE_URL);
  /** "/v1.0", or "" for a base URL at the root. */
  const basePath = base.pathname.replace(/\/+$/, "");
  const baseUrl = base.origin + basePath;
  const timeoutMs = options.timeoutMs ?? 100000;
  const retry = retryPolicyOf(options.retry);
  const fetchImpl = options.fetch ?? (globalThis as unknown as { fetch?: FetchLike }).fetch;
  if (!fetchImpl) throw new TypeError("No fetch implementation: pass options.fetch");
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new TypeError("timeoutMs must be a non-negative number");

  /**
   * The URL to fetch for a request path ("/..." under the base URL, or an absolute
   * link such as '@odata.nextLink'), decided on the URL as fetch will parse it:
   * same origin as the base URL and a pathname under the base path, after "\" became
   * "/", tabs and line breaks were dropped and "." / ".." segments were resolved.
   */
  function urlOf(requestPath: string): string {
    if (typeof requestPath !== "string") throw new TypeError("Request path must be a string, got " + typeof requestPath);
    const relative = requestPath.startsWith("/") && !requestPath.startsWith("//");
    const url = parseUrl(relative ? baseUrl + requestPath : requestPath);
    const pathname = url ? url.pathname : "";
    if (!url || url.origin !== base.origin || url.username !== "" || url.password !== "" || (pathname !== basePath && !pathname.startsWith(basePath + "/"))) {
      throw new TypeError("Refusing to send a request outside " + baseUrl + " (the token is only sent there): " + JSON.stringify(requestPath));
    }
    if (hasDotSegment(requestPath)) {
      throw new TypeError("Refusing to send a path with a . or .. segment, which URL parsing would remove: " + JSON.stringify(requestPath));
    }
    return url.href;
  }

  /** One attempt: token, headers, fetch, and the response read (a GraphError for a status outside 200-299). */
  const attempt = async <T>(url: string, request: GraphRequest, signal: AbortSignal): Promise<GraphResponse<T>> => {
    // Each wait ends on the timeout or the caller's abort, whatever getToken or fetch do with the signal.
    const until = <R>(promise: Promise<R>): Promise<R> => untilAborted(promise, signal);
    const token = await until(Promise.resolve().then(() => options.getToken()));
    if (typeof token !== "string" || token === "") throw new TypeError("getToken must return a non-empty string");
    const headers: Record<string, string> = { accept: request.responseType === "arrayBuffer" ? "*/*" : "application/json", ...lower(options.headers), ...lower(request.headers) };
    headers["authorization"] = "Bearer " + token;
    const init: Parameters<FetchLike>[1] = { method: request.method, headers, signal };
    if (request.body !== undefined) {
      init.body = JSON.stringify(request.body);
      headers["content-type"] ??= "application/json";
    }
    checkHeaders(headers);
    const response = await until(fetchImpl(url, init));
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => { responseHeaders[key.toLowerCase()] = value; });
    if (response.status < 200 || response.status > 299) {
      throw new GraphError(response.status, parseOrText(await until(response.text())), responseHeaders);
    }
    let result: unknown;
    if (request.responseType === "arrayBuffer") result = await until(response.arrayBuffer());
    else {
      const text = await until(response.text());
      if (request.responseType === "json" && response.status !== 204 && text !== "") {
        try {
          result = JSON.parse(text);
        } catch {
          throw new GraphError(response.status, text, responseHeaders);
        }
      }
    }
    return { status: response.status, headers: responseHeaders, body: result as T };
  };

  return {
    async request<T>(request: GraphRequest): Promise<GraphResponse<T>> {
      const url = urlOf(request.path);
      if (options.validate && request.body !== undefined) {
        const problems = options.validate(request.body, request) ?? [];
        if (problems.length > 0) throw new GraphValidationError(problems, request.operation);
      }
      const controller = new AbortController();
      let timedOut = false;
      const timer = timeoutMs > 0 ? setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs) : undefined;
      const onAbort = (): void => controller.abort();
      if (request.signal?.aborted) controller.abort();
      request.signal?.addEventListener("abort", onAbort, { once: true });
      const started = retry?.now() ?? 0;
      try {
        for (let attempts = 1; ; attempts++) {
          try {
            return await attempt<T>(url, request, controller.signal);
          } catch (error) {
            if (!retry || controller.signal.aborted) throw error;
            const elapsed = retry.now() - started;
            const delay = retryDelay(retry, error, request.method, attempts, elapsed, timeoutMs > 0 ? timeoutMs - elapsed : Infinity);
            if (delay === undefined) throw error;
            await untilAborted(Promise.resolve().then(() => retry.sleep(delay, controller.signal)), controller.signal);
          }
        }
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

/** The promise, or a rejection with the signal's reason as soon as the signal aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * A "." or ".." segment (also written %2E, or split by tabs or line breaks) in the path
 * part of a request path: refused on top of the confinement check on the parsed URL,
 * because URL parsing would drop it and address another resource under the base path
 * (a path parameter ".." is sent as %2E%2E, which parsing still resolves).
 */
function hasDotSegment(requestPath: string): boolean {
  const pathPart = requestPath.replace(/[\t\n\r]/g, "").split(/[?#]/)[0] ?? "";
  return pathPart.split(/[\/\\]/).some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
}

function baseUrlOf(text: string): URL {
  const base = parseUrl(text);
  if (!base || (base.protocol !== "https:" && base.protocol !== "http:") || base.search !== "" || base.hash !== "" || base.username !== "" || base.password !== "") {
    throw new TypeError("baseUrl must be an http or https URL without query, fragment or credentials: " + JSON.stringify(text));
  }
  return base;
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
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
