export * from './types.js';
export * from './errors.js';
export * from './failures.js';
export * from './store.js';
export { createClient, normaliseApiBase, CLIENT_DEFAULTS } from './client.js';
export { parseRetryAfter, backoffDelay, retryDelay } from './retry.js';
export { getSharedClient, resetSharedClients } from './registry.js';
