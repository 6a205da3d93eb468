/**
 * Retries a Google service call that failed for a transient reason (Apps Script's "Service error",
 * timeouts, rate limits, "try again later") with exponential backoff. Anything else fails at once:
 * retrying a contract error or a bad argument would only hide it.
 */
const TRANSIENT = new RegExp(
  [
    'service error', // "Service error: Spreadsheets"
    // "Service Spreadsheets failed while accessing document with id …" (also Documents, Drive, Forms)
    'service \\w+ (?:failed|timed out) while accessing',
    'service invoked too many times in a short time',
    'too many simultaneous invocations',
    'timed out',
    'timeout',
    'try again',
    'rate limit',
    'internal error',
    'backend error',
    'server error', // "We're sorry, a server error occurred. Please wait a bit and try again."
    'unavailable',
  ].join('|'),
  'i',
);

export function isTransient(error: unknown): boolean {
  // Errors thrown by Google's services may come from another realm: read `message`, no instanceof.
  const own = (error as { message?: unknown } | null)?.message;
  const message = typeof own === 'string' ? own : String(error);
  // A daily quota is not transient: it will not recover by waiting seconds.
  if (/too many times for one day/i.test(message)) return false;
  return TRANSIENT.test(message);
}

export function withRetry<T>(work: () => T, attempts = 4, firstDelayMs = 500): T {
  let delay = firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return work();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      Utilities.sleep(delay);
      delay *= 2;
    }
  }
}
