import { validateDocument, type EmbedDocument, type EmbedDocumentKind } from '@occupational-maps/core';
import type { CodeOption } from '../catalogue.js';

export type Built<T> = { ok: true; doc: T } | { ok: false; reason: string };

/** No such document; for a bare occupation code with options on the maps, those options. */
export interface NotFound {
  notFound: string;
  options?: CodeOption[];
}

/** What a document builder answers: a valid document, the reason there cannot be one, or not found. */
export type Answer<T> = Built<T> | NotFound;

/** Every document leaves through here: valid against the core contract, or a reason and no document. */
export function validated<K extends EmbedDocumentKind>(kind: K, doc: unknown): Built<EmbedDocument<K>> {
  const valid = validateDocument(kind, doc);
  return valid.ok ? { ok: true, doc: valid.value } : { ok: false, reason: valid.reason };
}
