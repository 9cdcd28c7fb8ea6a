import { validateDocument, type EmbedDocument, type EmbedDocumentKind } from '@occupational-maps/core';

export type Built<T> = { ok: true; doc: T } | { ok: false; reason: string };

/** Every document leaves through here: valid against the core contract, or a reason and no document. */
export function validated<K extends EmbedDocumentKind>(kind: K, doc: unknown): Built<EmbedDocument<K>> {
  const valid = validateDocument(kind, doc);
  return valid.ok ? { ok: true, doc: valid.value } : { ok: false, reason: valid.reason };
}
