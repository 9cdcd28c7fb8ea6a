/**
 * Backoff arithmetic for the client's retries, kept pure so it can be tested without waiting.
 */

/**
 * Milliseconds a `Retry-After` header asks us to wait: either delay-seconds (`120`) or an HTTP date. `undefined`
 * when the header is absent or unreadable; never negative.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with "equal jitter": half the exponential delay plus a random share of the other half, so
 * many pages retrying at once spread out while none retries almost at once. `retry` counts from 0.
 */
export function backoffDelay(retry: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(capMs, baseMs * 2 ** retry);
  return exponential / 2 + random() * (exponential / 2);
}

/** The wait before the next attempt: at least what the server asked for, never more than the cap. */
export function retryDelay(retry: number, baseMs: number, capMs: number, retryAfterMs: number | undefined, random?: () => number): number {
  return Math.min(capMs, Math.max(retryAfterMs ?? 0, backoffDelay(retry, baseMs, capMs, random)));
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
