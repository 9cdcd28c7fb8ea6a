/** Content codings. Precompressed once per document; Node gets gzip and brotli, other runtimes gzip via CompressionStream. */
export interface Compressor {
  gzip(bytes: Uint8Array): Promise<Uint8Array>;
  brotli?(bytes: Uint8Array): Promise<Uint8Array>;
}

async function streamThrough(bytes: Uint8Array, format: 'gzip'): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Works wherever `CompressionStream` exists (Node 18+, Deno, Workers, browsers). */
export const webCompressor: Compressor = { gzip: (bytes) => streamThrough(bytes, 'gzip') };

export type Coding = 'br' | 'gzip' | 'identity';

/**
 * Picks a coding from `Accept-Encoding` (RFC 9110 §12.5.3): brotli before gzip when both are acceptable,
 * `q=0` refuses one, `*` stands for any not named.
 */
export function negotiateEncoding(header: string | null | undefined, available: readonly Coding[]): Coding {
  if (!header) return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => param.trim().match(/^q=([01](?:\.\d{0,3})?)$/)).find(Boolean);
    weights.set(name, q ? Number(q[1]) : 1);
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  const candidates = (['br', 'gzip'] as const).filter((coding) => available.includes(coding) && weight(coding) > 0);
  candidates.sort((a, b) => weight(b) - weight(a));
  return candidates[0] ?? 'identity';
}
