/**
 * Embed API v1 paths and key patterns. One module so the gateway's server, its snapshot writer and the
 * browser client build and check paths the same way. Every path ends in `.json`, so a static snapshot is
 * served by any file server as the same API.
 */

/** Occupation codes: `OCC0499`, option-level suffixes such as `OCC0397A`. Never `^OCC\d{4}$` alone. */
export const OCCUPATION_CODE = /^OCC\d{3,5}[A-Z]{0,2}$/;
/** Apprenticeship standard references: `ST0499`. */
export const STANDARD_REF = /^ST\d{3,5}[A-Z]?$/;
/** SOC 2020 (and 2010) unit-group codes: four digits. */
export const SOC_CODE = /^\d{4}$/;
/** Route slugs: lower-case words joined by hyphens. */
export const ROUTE_SLUG = /^[a-z]+(?:-[a-z]+){0,7}$/;

/** Upper-cases and trims a code typed by a person or sent with stray spaces by the upstream. */
export const normaliseCode = (code: string): string => code.trim().toUpperCase();

export const embedPaths = {
  meta: () => 'meta.json',
  routes: () => 'routes.json',
  routeMap: (slug: string) => `routes/${slug}.json`,
  occupation: (code: string) => `occupations/${code}.json`,
  standard: (ref: string) => `standards/${ref}.json`,
  progression: (code: string) => `progression/${code}.json`,
  soc: (code: string) => `soc/${code}.json`,
  searchIndex: () => 'search-index.json',
} as const;

export type EmbedDocumentKind = keyof typeof embedPaths;

export type ParsedEmbedPath =
  | { ok: true; kind: EmbedDocumentKind; key: string | null; path: string }
  | { ok: false; reason: string };

const KEYED: ReadonlyArray<{ dir: string; kind: EmbedDocumentKind; pattern: RegExp; normalise: (key: string) => string }> = [
  { dir: 'routes', kind: 'routeMap', pattern: ROUTE_SLUG, normalise: (key) => key.toLowerCase() },
  { dir: 'occupations', kind: 'occupation', pattern: OCCUPATION_CODE, normalise: normaliseCode },
  { dir: 'standards', kind: 'standard', pattern: STANDARD_REF, normalise: normaliseCode },
  { dir: 'progression', kind: 'progression', pattern: OCCUPATION_CODE, normalise: normaliseCode },
  { dir: 'soc', kind: 'soc', pattern: SOC_CODE, normalise: (key) => key },
];

/** Longest path we accept; the longest real one (`progression/OCC00000AA.json`) is far shorter. */
export const MAX_PATH_LENGTH = 128;

/**
 * Parses a path relative to `/v1/` (already percent-decoded once by the caller or not: anything that still
 * contains `%`, a backslash, a dot segment or a control character is refused). Returns the canonical path.
 */
export function parseEmbedPath(path: string): ParsedEmbedPath {
  if (path.length > MAX_PATH_LENGTH) return { ok: false, reason: 'Path is too long.' };
  if (/[%\\\0-\x1f\x7f]/.test(path) || /(^|\/)\.\.?(\/|$)/.test(path)) {
    return { ok: false, reason: 'Path contains characters or segments that are not allowed.' };
  }
  const fixed: Record<string, EmbedDocumentKind> = {
    'meta.json': 'meta',
    'routes.json': 'routes',
    'search-index.json': 'searchIndex',
  };
  if (fixed[path]) return { ok: true, kind: fixed[path], key: null, path };
  const match = path.match(/^([a-z]+)\/([^/]+)\.json$/);
  if (!match) return { ok: false, reason: 'Unknown path. See docs/embed-api.md for the paths of Embed API v1.' };
  const spec = KEYED.find((candidate) => candidate.dir === match[1]);
  if (!spec) return { ok: false, reason: `Unknown document type "${match[1]}".` };
  const key = spec.normalise(match[2]);
  if (!spec.pattern.test(key)) return { ok: false, reason: `"${match[2]}" is not a valid ${spec.kind} key.` };
  return { ok: true, kind: spec.kind, key, path: embedPaths[spec.kind](key) };
}
