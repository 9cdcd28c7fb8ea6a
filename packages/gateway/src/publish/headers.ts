/**
 * `_headers` for Netlify and Cloudflare Pages: the same CORS, content types and caching the gateway sends, for the
 * files of a published site. docs/static-hosting.md gives the equivalents for nginx, S3/CloudFront and Azure.
 */
import { assetCacheControl, HASHED_CHUNK, PUBLIC_ASSET_HEADERS } from '../server/assets.js';

export interface HeadersOptions {
  /** The bundle's file names (`occupational-maps.js`, its chunks and source maps). */
  bundleFiles: string[];
  /** `Cache-Control` max-age and stale-while-revalidate of documents, as the gateway's OM_MAX_AGE and OM_STALE_WHILE_REVALIDATE. */
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
}

type Rule = [path: string, headers: Record<string, string>];

/**
 * Both hosts apply every rule whose path matches and join the values of a header set by two of them with a comma
 * (`max-age=300, max-age=31536000` would be nonsense), and Cloudflare allows one `*` per path and 100 rules. So each
 * header name is set by at most one rule for any file: CORS by folder, content type by extension, caching by name —
 * hashed chunks by their name's prefix (`occupational-maps-*`), entry files one by one.
 */
export function headersRules(options: HeadersOptions): Rule[] {
  const entryCache = assetCacheControl('/elements/occupational-maps.js');
  const documentCache = `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.staleWhileRevalidateSeconds}, stale-if-error=${options.staleWhileRevalidateSeconds}`;
  const hashed = options.bundleFiles.filter((name) => HASHED_CHUNK.test(name));
  const entries = options.bundleFiles.filter((name) => !HASHED_CHUNK.test(name)).sort();
  // Each hashed chunk's shortest name prefix ending in `-` that no entry file starts with (`occupational-maps-`,
  // `occupational-maps.all-`); a chunk without one gets a rule of its own.
  const prefixOf = (name: string) => {
    for (let end = name.indexOf('-'); end !== -1; end = name.indexOf('-', end + 1)) {
      const prefix = name.slice(0, end + 1);
      if (!entries.some((entry) => entry.startsWith(prefix))) return prefix;
    }
    return null;
  };
  const safe = [...new Set(hashed.map(prefixOf).filter((prefix): prefix is string => prefix !== null))].sort();
  const oneByOne = hashed.filter((name) => prefixOf(name) === null).sort();
  const immutable = assetCacheControl(`/elements/${hashed[0] ?? 'occupational-maps-x-AAAAAAAA.js'}`);
  return [
    ['/v1/*', {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'ETag',
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': documentCache,
      'X-Content-Type-Options': 'nosniff',
    }],
    ['/elements/*', { ...PUBLIC_ASSET_HEADERS, 'X-Content-Type-Options': 'nosniff' }],
    ['/elements/*.js', { 'Content-Type': 'text/javascript; charset=utf-8' }],
    ['/elements/*.map', { 'Content-Type': 'application/json; charset=utf-8' }],
    ['/elements/themes/*', { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': entryCache }],
    ...safe.map((prefix): Rule => [`/elements/${prefix}*`, { 'Cache-Control': immutable }]),
    ...oneByOne.map((name): Rule => [`/elements/${name}`, { 'Cache-Control': immutable }]),
    ...entries.map((name): Rule => [`/elements/${name}`, { 'Cache-Control': entryCache }]),
    ['/', { 'Cache-Control': 'public, max-age=300' }],
    ['/index.html', { 'Cache-Control': 'public, max-age=300' }],
  ];
}

export function headersFile(options: HeadersOptions): string {
  const lines = [
    '# Written by om-gateway publish: headers for Netlify and Cloudflare Pages.',
    '# CORS on /v1/ and /elements/ lets pages on other sites embed from here. Other hosts: docs/static-hosting.md.',
    '',
  ];
  for (const [path, headers] of headersRules(options)) {
    lines.push(path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`), '');
  }
  return lines.join('\n');
}
