/**
 * The bytes of a document, one serialisation for the server and the snapshot writer, so a static tree is
 * byte-identical to what the server returns. Plus its strong validator.
 */
const encoder = new TextEncoder();

export function renderDocument(doc: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(doc));
}

/** A strong entity tag from the SHA-256 of the bytes (Web Crypto, so it works on edge runtimes too). */
export async function entityTag(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let binary = '';
  for (const byte of digest.subarray(0, 16)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
