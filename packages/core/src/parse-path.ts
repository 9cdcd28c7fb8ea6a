import { embedPaths, type EmbedDocumentKind } from './embed-paths.js';
import { normaliseCode, OCCUPATION_CODE, ROUTE_SLUG, SOC_CODE, STANDARD_REF } from './paths.js';

// Apart from paths.ts, whose patterns elements use up front: only the client and the gateway parse paths, and a
// module is bundled whole, so this stays out of an element's first download.

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

const FIXED: ReadonlyMap<string, EmbedDocumentKind> = new Map([
  ['meta.json', 'meta'],
  ['routes.json', 'routes'],
  ['search-index.json', 'searchIndex'],
]);

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
  // A Map, not an object literal: `constructor` or `__proto__` must not look up Object.prototype.
  const fixed = FIXED.get(path);
  if (fixed) return { ok: true, kind: fixed, key: null, path };
  const match = path.match(/^([a-z]+)\/([^/]+)\.json$/);
  if (!match) return { ok: false, reason: 'Unknown path. See docs/embed-api.md for the paths of Embed API v1.' };
  const spec = KEYED.find((candidate) => candidate.dir === match[1]);
  if (!spec) return { ok: false, reason: `Unknown document type "${match[1]}".` };
  const key = spec.normalise(match[2]);
  if (!spec.pattern.test(key)) return { ok: false, reason: `"${match[2]}" is not a valid ${spec.kind} key.` };
  return { ok: true, kind: spec.kind, key, path: embedPaths[spec.kind](key) };
}
