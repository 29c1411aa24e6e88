/**
 * Runtime text, part 5: JSON batching. Up to 20 calls built by the generated
 * functions' `.request` go out as one POST to `/$batch`; each comes back as a
 * typed result (body, or GraphError). The batch response is untrusted: its
 * shape is checked and a missing or repeated id is an error result.
 */
export const RUNTIME_BATCH = String.raw`/** Graph takes at most this many requests in one batch. */
export const MAX_BATCH_REQUESTS = 20;

/** A call with an id (default: its 1-based position) and the ids of earlier requests it waits for. */
export interface BatchStep<T = unknown> {
  id?: string;
  call: Call<T>;
  dependsOn?: readonly string[];
}

export type BatchItem<T = unknown> = Call<T> | BatchStep<T>;

/** One request's outcome: its body when the status is 2xx, else its GraphError (424 when a dependency failed). */
export type BatchResult<T> =
  | { id: string; ok: true; status: number; headers: Record<string, string>; body: T }
  | { id: string; ok: false; status: number; headers: Record<string, string>; error: GraphError };

/** What a batch item resolves to. */
export type BatchItemResult<I> = I extends BatchStep<infer T> ? T : I extends Call<infer T> ? T : unknown;

/**
 * Sends up to MAX_BATCH_REQUESTS calls as one JSON batch and returns their results in the
 * order given. Refuses (TypeError, nothing sent) an empty or longer list, ids that are empty
 * or repeated, dependsOn naming anything but an earlier request, calls reading bytes, and
 * paths that are not relative to the base URL. The batch itself is retried like any request;
 * the requests in it are not (a 429 inside is an error result), nor checked by validate.
 */
export async function batch<const I extends readonly BatchItem[]>(
  client: GraphClient,
  items: I,
  options?: RequestOptions,
): Promise<{ -readonly [K in keyof I]: BatchResult<BatchItemResult<I[K]>> }> {
  const requests = batchRequests(items);
  const response = await client.request<unknown>({
    method: "POST",
    path: "/$batch",
    body: { requests },
    responseType: "json",
    operation: "batch",
    headers: options?.headers,
    signal: options?.signal,
  });
  const responses = (response.body as { responses?: unknown } | undefined)?.responses;
  if (!Array.isArray(responses)) throw new GraphError(response.status, response.body, response.headers);
  const byId = new Map<string, Record<string, unknown>>();
  const repeated = new Set<string>();
  for (const entry of responses) {
    if (typeof entry !== "object" || entry === null) continue;
    const id = (entry as { id?: unknown }).id;
    if (typeof id !== "string") continue;
    if (byId.has(id)) repeated.add(id);
    byId.set(id, entry as Record<string, unknown>);
  }
  const results = requests.map(({ id }, index) => {
    const entry = repeated.has(id) ? undefined : byId.get(id);
    const status = entry?.["status"];
    if (!entry || typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) {
      const message = "The batch response has " + (repeated.has(id) ? "more than one response" : "no valid response") + " for request " + id;
      return { id, ok: false, status: 0, headers: {}, error: new GraphError(0, { error: { code: "invalidBatchResponse", message } }) };
    }
    const headers = stringsOf(entry["headers"]);
    const body = entry["body"];
    if (status < 200 || status > 299) return { id, ok: false, status, headers, error: new GraphError(status, body, headers) };
    const wanted = stepOf(items[index]).call.responseType;
    return { id, ok: true, status, headers, body: wanted === "void" ? undefined : body };
  });
  return results as unknown as { -readonly [K in keyof I]: BatchResult<BatchItemResult<I[K]>> };
}

function stepOf(item: BatchItem | undefined): BatchStep {
  if (typeof item !== "object" || item === null) throw new TypeError("A batch item must be a call or { id, call, dependsOn }");
  return "call" in item ? item : { call: item };
}

/** The JSON of the batch's requests, after checking ids, dependsOn and paths. */
function batchRequests(items: readonly BatchItem[]): { id: string; [key: string]: unknown }[] {
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_BATCH_REQUESTS) {
    const count = Array.isArray(items) ? String(items.length) : "none";
    throw new TypeError("A batch takes 1 to " + MAX_BATCH_REQUESTS + " requests, got " + count + " (split longer lists)");
  }
  const seen = new Set<string>();
  return items.map((item, index) => {
    const { id = String(index + 1), call, dependsOn } = stepOf(item);
    if (typeof id !== "string" || id === "" || seen.has(id)) throw new TypeError("Batch request ids must be unique non-empty strings: " + JSON.stringify(id));
    for (const dependency of dependsOn ?? []) {
      if (!seen.has(dependency)) throw new TypeError("Batch request " + id + " depends on " + JSON.stringify(dependency) + ", which is not an earlier request");
    }
    seen.add(id);
    if (call.responseType === "arrayBuffer") throw new TypeError("Batch request " + id + " (" + call.operation + ") reads bytes, which a batch cannot return: send it alone");
    const url = withQuery(call.path, call.query);
    if (typeof url !== "string" || !url.startsWith("/") || url.startsWith("//") || hasDotSegment(url)) {
      throw new TypeError("Batch request " + id + " needs a path relative to the base URL, got " + JSON.stringify(url));
    }
    const request: { id: string; [key: string]: unknown } = { id, method: call.method, url };
    const headers = lower(call.options?.headers);
    if (call.body !== undefined) {
      request["body"] = call.body;
      headers["content-type"] ??= "application/json";
    }
    checkHeaders(headers);
    if (Object.keys(headers).length > 0) request["headers"] = headers;
    if (dependsOn && dependsOn.length > 0) request["dependsOn"] = [...dependsOn];
    return request;
  });
}

/** The string-valued entries of an untrusted headers object, by lower-case name. */
function stringsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof value !== "object" || value === null) return out;
  for (const [name, text] of Object.entries(value)) if (typeof text === "string") out[name.toLowerCase()] = text;
  return out;
}
`;
