/** The `<meta name="…" content="…">` that sets the data source for every element on a page. */
export const API_BASE_META = 'occupational-maps:api-base';

/** Where this module was served from; a bundle served by a gateway finds the API beside it with no configuration. */
const moduleUrl = import.meta.url;

/**
 * The Embed API v1 base for an element, always absolute and ending in `/`:
 * 1. the element's `apiBase` property or `api-base` attribute;
 * 2. `<meta name="occupational-maps:api-base" content="…">` in the document;
 * 3. `/v1/` on the origin that served the elements module.
 * Returns `null` when none gives an http(s) URL (e.g. the module came from a `blob:` or `file:` URL).
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
  return absoluteBase('/v1/', moduleUrl);
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
