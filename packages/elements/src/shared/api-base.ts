/** The `<meta name="…" content="…">` that sets the data source for every element on a page. */
export const API_BASE_META = 'occupational-maps:api-base';

/** Where this module was served from; a bundle served by a gateway finds the API beside it with no configuration. */
const moduleUrl = import.meta.url;

/**
 * The Embed API v1 base for an element, always absolute and ending in `/`:
 * 1. the element's `apiBase` property or `api-base` attribute;
 * 2. `<meta name="occupational-maps:api-base" content="…">` in the document;
 * 3. the default for where the elements module came from (`defaultApiBase`).
 * Returns `null` when none applies (then the element says which attribute or meta tag to set, and requests nothing).
 */
export function resolveApiBase(element: Element & { apiBase?: string | null }): string | null {
  const candidates = [
    // The property mirrors the attribute and can also be set on its own (frameworks that set properties).
    element.apiBase ?? element.getAttribute('api-base'),
    element.ownerDocument.querySelector(`meta[name="${API_BASE_META}"]`)?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const trimmed = candidate?.trim();
    if (trimmed) return absoluteBase(trimmed, element.ownerDocument.baseURI);
  }
  const document = element.ownerDocument;
  return defaultApiBase(moduleUrl, document.defaultView?.origin ?? new URL(document.URL).origin);
}

/**
 * Where the data is when nothing says so, from the elements module's URL and the page's origin:
 * - a module in a folder named `elements/` (a gateway's `/elements/`, or a static site with `elements/` and `v1/`
 *   side by side, under any path) reads the `v1/` folder beside it;
 * - a module from the page's own origin (an app's bundle) reads `/v1/` on that origin, which its server or proxy answers;
 * - anywhere else (a public CDN such as jsDelivr or unpkg serves the code, never the data): none.
 */
export function defaultApiBase(module: string, pageOrigin: string): string | null {
  try {
    const url = new URL(module);
    if (/\/elements\/[^/]*$/.test(url.pathname)) return absoluteBase('../v1/', module);
    return url.origin === pageOrigin ? absoluteBase('/v1/', module) : null;
  } catch {
    return null;
  }
}

function absoluteBase(value: string, relativeTo: string): string | null {
  try {
    const url = new URL(value, relativeTo);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.search = '';
    url.hash = '';
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return null;
  }
}
