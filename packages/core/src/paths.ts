/**
 * Embed API v1 key patterns. With embed-paths.ts (each document's path) and parse-path.ts (the one parser of paths),
 * so the gateway's server, its snapshot writer and the browser client build and check paths the same way. Every path
 * ends in `.json`, so a static snapshot is served by any file server as the same API. Three modules, not one: a
 * bundle places modules whole, and an element's first download needs only the patterns.
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

// The paths themselves are in embed-paths.ts: elements test codes up front and build paths only when they fetch.
export type { EmbedDocumentKind } from './embed-paths.js';
