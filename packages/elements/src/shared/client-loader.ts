import type { EmbedClient } from '@occupational-maps/core';

type ClientModule = typeof import('@occupational-maps/core/client');

let loading: Promise<ClientModule> | undefined;

/**
 * The data client's code (and, behind it, the document schemas) loads on the first request an element makes, not with
 * the element: a badge that is never opened, or a page whose data is injected, never downloads it. A failed import
 * (say, a CDN chunk that could not be fetched) may be tried again.
 */
function loadClientModule(): Promise<ClientModule> {
  loading ??= import('@occupational-maps/core/client').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The client an element uses: the one injected through its `client` property, else the page's shared one for `apiBase`. */
export async function clientFor(apiBase: string | null, injected?: EmbedClient): Promise<EmbedClient | null> {
  if (injected) return injected;
  if (!apiBase) return null;
  return (await loadClientModule()).getSharedClient(apiBase);
}
