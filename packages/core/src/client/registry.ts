import { createClient, normaliseApiBase } from './client.js';
import type { ClientOptions, EmbedClient } from './types.js';

/** Global so two copies of the bundle on one page (say, a CDN build and an npm build) still share one cache. */
const REGISTRY_KEY = Symbol.for('occupational-maps.clients');

type Registry = Map<string, EmbedClient>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
  return (holder[REGISTRY_KEY] ??= new Map());
}

/**
 * The page's one client for an API base, created on first use. Options count only on creation: later callers
 * share the client as it is, so every element on the page draws from one cache and one set of requests.
 */
export function getSharedClient(apiBase: string, options: Omit<ClientOptions, 'apiBase'> = {}): EmbedClient {
  const key = normaliseApiBase(apiBase);
  const clients = registry();
  let client = clients.get(key);
  if (!client) {
    client = createClient({ ...options, apiBase: key });
    clients.set(key, client);
  }
  return client;
}

/** Drops every shared client (their caches go with them); for tests and single-page apps that switch data sources. */
export function resetSharedClients(): void {
  registry().clear();
}
