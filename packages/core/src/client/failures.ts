import { EmbedError, type EmbedErrorOption } from './errors.js';

// The client's own errors, apart from errors.ts: elements construct EmbedErrors up front, these only load with the client.

export const abortedError = (url: string, cause?: unknown): EmbedError =>
  new EmbedError('aborted', `The request for ${url} was cancelled.`, { url, cause });

/**
 * The error for an HTTP status that is not 2xx; `serverMessage` is the API's own `error.message` when it sent one,
 * `options` the occupations its 404 named instead (a standard's options).
 */
export function errorForStatus(status: number, url: string, serverMessage?: string, options?: readonly EmbedErrorOption[]): EmbedError {
  const detail = serverMessage ? ` The server said: “${serverMessage}”` : '';
  if (status === 404 || status === 410) {
    return new EmbedError('not-found', `Nothing was found at ${url} (HTTP ${status}).${detail}`, { url, status, options });
  }
  if (status === 429) {
    return new EmbedError('rate-limited', `Too many requests were made to ${url} (HTTP 429); it will be tried again shortly.${detail}`, { url, status });
  }
  if (status === 408) {
    return new EmbedError('network', `The request for ${url} timed out at the server (HTTP 408).${detail}`, { url, status });
  }
  if (status >= 500) {
    return new EmbedError('server', `The data service failed for ${url} (HTTP ${status}).${detail}`, { url, status });
  }
  return new EmbedError('bad-request', `The request for ${url} was refused (HTTP ${status}); check the api-base and the code.${detail}`, { url, status });
}
