/**
 * Runtime text, part 4: the retry policy of the fetch client (429, 503, 504;
 * Retry-After, else exponential backoff with full jitter; capped attempts,
 * delay and total time).
 */
export const RUNTIME_RETRY = String.raw`/**
 * When the fetch client retries. 429 is retried for every method (Graph throttled the
 * request before doing it); 503 and 504 only for GET, HEAD, OPTIONS, PUT and DELETE, since
 * a POST or PATCH may already have taken effect. The wait is Retry-After (seconds or an
 * HTTP date) when the response has one, else a random time up to baseDelayMs * 2^(retry-1)
 * (capped by maxDelayMs). No retry when the wait would pass maxDelayMs (also for
 * Retry-After), maxTotalMs or the client's timeoutMs: the last error is thrown at once.
 */
export interface RetryOptions {
  /** Attempts in all, the first included; default 4. */
  maxAttempts?: number;
  /** First backoff ceiling; default 1000. */
  baseDelayMs?: number;
  /** Longest single wait; default 60000. */
  maxDelayMs?: number;
  /** Longest time from the first attempt to the start of the last; default 120000. */
  maxTotalMs?: number;
  /** Statuses retried; default [429, 503, 504]. */
  statuses?: readonly number[];
  /** Waits (tests pass a fake); default setTimeout. Must reject when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The clock for Retry-After dates and elapsed time; default Date.now. */
  now?: () => number;
  /** Jitter source in [0, 1); default Math.random. */
  random?: () => number;
}

/** RetryOptions with every default filled in. */
type RetryPolicy = Required<RetryOptions>;

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

function retryPolicyOf(options: RetryOptions | false | undefined): RetryPolicy | undefined {
  if (options === false) return undefined;
  const policy: RetryPolicy = {
    maxAttempts: 4,
    baseDelayMs: 1000,
    maxDelayMs: 60000,
    maxTotalMs: 120000,
    statuses: [429, 503, 504],
    sleep: sleepFor,
    now: Date.now,
    random: Math.random,
    ...definedOnly(options ?? {}),
  };
  for (const key of ["maxAttempts", "baseDelayMs", "maxDelayMs", "maxTotalMs"] as const) {
    if (!Number.isFinite(policy[key]) || policy[key] < 0) throw new TypeError("retry." + key + " must be a non-negative number");
  }
  return policy;
}

function definedOnly(options: RetryOptions): RetryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as RetryOptions;
}

/**
 * How long to wait before attempt number attempt + 1, or undefined to give up: the error
 * is not a retried status, the attempts are used up, or the wait would pass a limit.
 * budgetMs is what is left of the client's timeout (Infinity without one).
 */
function retryDelay(policy: RetryPolicy, error: unknown, method: string, attempt: number, elapsedMs: number, budgetMs: number): number | undefined {
  if (!(error instanceof GraphError) || !policy.statuses.includes(error.status)) return undefined;
  if (error.status !== 429 && !IDEMPOTENT.has(method.toUpperCase())) return undefined;
  if (attempt >= policy.maxAttempts) return undefined;
  const retryAfter = retryAfterSeconds(error.headers["retry-after"], policy.now());
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const delay = retryAfter !== undefined ? retryAfter * 1000 : Math.floor(policy.random() * ceiling);
  if (delay > policy.maxDelayMs || elapsedMs + delay > policy.maxTotalMs || delay >= budgetMs) return undefined;
  return delay;
}

/** setTimeout as a promise that rejects with the signal's reason when it aborts. */
function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
`;
