import type { EmbedDocumentKind } from '../paths.js';
import type { DocumentSchemas, EmbedDocument } from './index.js';
import { validateWith, type Validation } from './validate.js';
import type { Pause } from '../pause.js';

/**
 * Each document's schema behind its own dynamic import, so a bundle that fetches only SOC documents never carries the
 * occupation schema (valibot schemas are values: importing `documentSchemas` pulls in every one of them).
 */
const loaders: { [K in EmbedDocumentKind]: () => Promise<DocumentSchemas[K]> } = {
  meta: () => import('./meta.js').then((module) => module.metaDocument),
  routes: () => import('./routes.js').then((module) => module.routesDocument),
  routeMap: () => import('./route-map.js').then((module) => module.routeMapDocument),
  occupation: () => import('./occupation.js').then((module) => module.occupationDocument),
  standard: () => import('./standard.js').then((module) => module.standardDocument),
  progression: () => import('./progression.js').then((module) => module.progressionDocument),
  soc: () => import('./soc.js').then((module) => module.socDocument),
  searchIndex: () => import('./search-index.js').then((module) => module.searchIndexDocument),
};

/** The schema of one document kind, loaded on first use. */
export function loadDocumentSchema<K extends EmbedDocumentKind>(kind: K): Promise<DocumentSchemas[K]> {
  return loaders[kind]();
}

/**
 * `validateDocument` for code that must not load every schema up front: loads the kind's schema, then validates.
 * With `pause`, a route map is checked a cluster at a time, pausing between slices (see `validateRouteMapInSlices`).
 */
export async function validateDocumentLazily<K extends EmbedDocumentKind>(kind: K, value: unknown, pause?: Pause): Promise<Validation<EmbedDocument<K>>> {
  if (kind === 'routeMap' && pause) {
    const { validateRouteMapInSlices } = await import('./route-map-slices.js');
    return (await validateRouteMapInSlices(value, pause)) as Validation<EmbedDocument<K>>;
  }
  return validateWith(await loadDocumentSchema(kind), value) as Validation<EmbedDocument<K>>;
}
