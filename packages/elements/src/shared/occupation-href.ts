const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The URL as given when it is http(s) or relative, else `null`: `javascript:`, `data:` and the like, control
 * characters and strings that are not URLs at all give no link. Relative URLs resolve against `base`.
 */
export function safeHref(url: string | null | undefined, base = document.baseURI): string | null {
  const href = url?.trim();
  if (!href) return null;
  // Browsers strip tabs and newlines from URLs, which could hide a scheme from the check below (`java\tscript:`).
  if (/[\0-\x1f\x7f]/.test(href)) return null;
  if (SCHEME.test(href) && !/^https?:/i.test(href)) return null;
  try {
    new URL(href, base);
    return href;
  } catch {
    return null;
  }
}

/**
 * Fills the host's `occupation-href` template (e.g. `https://college.example/courses?occupation={code}`) for a code,
 * for every element that links occupations to the host's pages. Only http(s) and relative URLs are allowed (see
 * `safeHref`); the code is URL-encoded wherever `{code}` appears.
 */
export function occupationHref(template: string | null | undefined, code: string, base = document.baseURI): string | null {
  return safeHref(template?.replaceAll('{code}', encodeURIComponent(code)), base);
}
