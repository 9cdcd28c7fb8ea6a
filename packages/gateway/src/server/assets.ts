/**
 * The elements' public files under /elements/ (the CDN bundle, its lazy chunks, source maps, theme presets) and, with
 * `--demo`, the demo page at `/`. Runtime-neutral: the files come from an `AssetSource` (node.ts reads them from
 * disk once). Pages on any origin load these files, so they carry `Access-Control-Allow-Origin: *` whatever the
 * `/v1/` allowlist says: a module script from another origin is refused without it.
 */
import type { Context, Hono } from 'hono';

export type Asset = { body: Uint8Array; type: string };
/** The file for a request path (`/index.html`, `/elements/occupational-maps.js`, `/elements/themes/govuk.css`), or null. */
export type AssetSource = (path: string) => Promise<Asset | null>;

/** How long a browser or CDN keeps an entry file or a theme before asking again (with If-None-Match). */
export const ENTRY_MAX_AGE = 300;

/**
 * A chunk name from rollup.config.js (`chunkFileNames: '<prefix>-[name]-[hash].js'`): rollup's [hash] is 8 base64url
 * characters derived from the chunk's final content, so the bytes behind such a name never change. The entry files
 * (`occupational-maps.js`, `occupational-maps.all.js`) and the themes keep their names from release to release.
 */
export const HASHED_CHUNK = /^occupational-maps(?:\.all)?-[\w.-]+-[A-Za-z0-9_-]{8}\.js(?:\.map)?$/;

/** Cache-Control for an asset path: hashed chunks are immutable, everything else is revalidated after a short while. */
export function assetCacheControl(path: string): string {
  const name = path.match(/^\/elements\/([^/]+)$/)?.[1];
  if (name && HASHED_CHUNK.test(name)) return 'public, max-age=31536000, immutable';
  if (path.startsWith('/elements/')) return `public, max-age=${ENTRY_MAX_AGE}`;
  return 'no-cache';
}

/** Headers every /elements/ file carries: any page may load it, as a module script or a stylesheet. */
export const PUBLIC_ASSET_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Timing-Allow-Origin': '*',
};

export interface AssetRoutes<E> {
  assets: AssetSource;
  /** Precompressed codings and the entity tag of a body (once per body: the result is kept per asset). */
  encode(body: Uint8Array): Promise<E>;
  /** The 200 or 304 in the best coding the client accepts. */
  respond(c: Context, encoded: E, headers: Record<string, string>): Response;
  notFound(c: Context, headers: Record<string, string>): Response;
}

/** Adds `/`, `/elements/:file` and `/elements/themes/:file` to the app. */
export function mountAssets<E>(app: Hono, routes: AssetRoutes<E>): void {
  // Sources hand out the same Asset object for the same file, so each body is compressed and hashed once.
  const encoded = new WeakMap<Asset, Promise<E>>();
  const serve = async (c: Context, path: string) => {
    const isPublic = path.startsWith('/elements/');
    const asset = await routes.assets(path);
    if (!asset) return routes.notFound(c, isPublic ? { ...PUBLIC_ASSET_HEADERS } : {});
    let body = encoded.get(asset);
    if (!body) {
      body = routes.encode(asset.body);
      encoded.set(asset, body);
    }
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Cache-Control': assetCacheControl(path),
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      ...(isPublic ? PUBLIC_ASSET_HEADERS : {}),
    };
    return routes.respond(c, await body, headers);
  };
  app.get('/', (c) => serve(c, '/index.html'));
  app.get('/elements/:file', (c) => serve(c, `/elements/${c.req.param('file')}`));
  app.get('/elements/themes/:file', (c) => serve(c, `/elements/themes/${c.req.param('file')}`));
}
