import * as v from 'valibot';
import type { EmbedDocumentKind } from '../paths.js';
import { errorDocument } from './common.js';
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

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Says where and why a value failed, e.g. `pathways.0.clusters.2.band: Invalid type …`; at most three issues. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const lines = issues.slice(0, 3).map((issue) => {
    const where = v.getDotPath(issue) ?? '(document)';
    return `${where}: ${issue.message}`;
  });
  if (issues.length > 3) lines.push(`… and ${issues.length - 3} more`);
  return lines.join('; ');
}

/** Validates any schema and gives a readable reason on failure. */
export function validateWith<S extends v.GenericSchema>(schema: S, value: unknown): Validation<v.InferOutput<S>> {
  const result = v.safeParse(schema, value);
  return result.success ? { ok: true, value: result.output } : { ok: false, reason: describeIssues(result.issues) };
}

/** Validates an Embed API v1 document of the given kind. */
export function validateDocument<K extends EmbedDocumentKind>(kind: K, value: unknown): Validation<EmbedDocument<K>> {
  return validateWith(documentSchemas[kind], value) as Validation<EmbedDocument<K>>;
}

/** True when a body is an Embed API error document `{ error: { code, message } }`. */
export const isErrorDocument = (value: unknown): value is v.InferOutput<typeof errorDocument> =>
  v.is(errorDocument, value);
