import * as v from 'valibot';
import type { EmbedDocumentKind } from '../paths.js';
import { validateWith, type Validation } from './validate.js';
import { metaDocument } from './meta.js';
import { occupationDocument } from './occupation.js';
import { progressionDocument } from './progression.js';
import { routeMapDocument } from './route-map.js';
import { routesDocument } from './routes.js';
import { searchIndexDocument } from './search-index.js';
import { socDocument } from './soc.js';
import { standardDocument } from './standard.js';

export * from './common.js';
export * from './meta.js';
export * from './routes.js';
export * from './route-map.js';
export * from './rich-text.js';
export * from './occupation.js';
export * from './standard.js';
export * from './progression.js';
export * from './soc.js';
export * from './search-index.js';
export * from './validate.js';
export { loadDocumentSchema, validateDocumentLazily } from './load-schema.js';
export { validateRouteMapInSlices } from './route-map-slices.js';

/** The schema of each Embed API v1 document, by the path kind it is served at. */
export const documentSchemas = {
  meta: metaDocument,
  routes: routesDocument,
  routeMap: routeMapDocument,
  occupation: occupationDocument,
  standard: standardDocument,
  progression: progressionDocument,
  soc: socDocument,
  searchIndex: searchIndexDocument,
} as const satisfies Record<EmbedDocumentKind, v.GenericSchema>;

export type DocumentSchemas = typeof documentSchemas;
export type EmbedDocument<K extends EmbedDocumentKind> = v.InferOutput<DocumentSchemas[K]>;

/** Validates an Embed API v1 document of the given kind. */
export function validateDocument<K extends EmbedDocumentKind>(kind: K, value: unknown): Validation<EmbedDocument<K>> {
  return validateWith(documentSchemas[kind], value) as Validation<EmbedDocument<K>>;
}
