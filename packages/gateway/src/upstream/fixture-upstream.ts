/**
 * The embedded offline dataset as an in-process upstream: a `fetch` that answers the real upstream URLs from JSON
 * files in upstream shapes, so the offline default runs the same clients and normalizers as live data.
 *
 *   {maps}/Routes                          → maps/routes.json
 *   {maps}/Routes/{routeId}?expand=…       → maps/routes/{routeId}.json
 *   {maps}/Occupations/{stdCode}?expand=…  → maps/occupations/{stdCode}.json
 *   {maps}/OccupationalProgression/{code}  → maps/progression/{code}.json   (no file: 404, no map)
 *   {standards}                            → every standards/*.json, as one array
 *   {standards}/{ref}                      → standards/{ref}.json
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchLike } from './http.js';
import { DEFAULT_MAPS_API_BASE } from './maps-client.js';
import { DEFAULT_STANDARDS_API_BASE } from './standards-client.js';

/** File names are upstream keys; anything else in a URL segment is refused before it can touch the disk. */
const SAFE_KEY = /^[A-Za-z0-9_-]{1,40}$/;

const json = (status: number, body: string) => new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
const notFound = () => json(404, '{"message":"Not found"}');

export interface FixtureUpstreamOptions {
  mapsBase?: string;
  standardsBase?: string;
}

export function createFixtureFetch(dir: string, options: FixtureUpstreamOptions = {}): FetchLike {
  const mapsBase = new URL((options.mapsBase ?? DEFAULT_MAPS_API_BASE).replace(/\/+$/, ''));
  const standardsBase = new URL((options.standardsBase ?? DEFAULT_STANDARDS_API_BASE).replace(/\/+$/, ''));
  const within = (url: URL, base: URL) =>
    url.origin === base.origin && (url.pathname === base.pathname || url.pathname.startsWith(`${base.pathname}/`))
      ? url.pathname.slice(base.pathname.length).replace(/^\//, '')
      : null;

  const file = async (...parts: string[]) => {
    try {
      return json(200, await readFile(join(dir, ...parts), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return notFound();
      throw error;
    }
  };

  const allStandards = async () => {
    const folder = join(dir, 'standards');
    const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
    const bodies = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')));
    return json(200, `[${bodies.map((body) => body.trim()).join(',')}]`);
  };

  return async (input) => {
    const url = new URL(input);
    const maps = within(url, mapsBase);
    if (maps !== null) {
      // The upstream's own links use lower-case paths, so match case-insensitively like it does.
      const [resource, key, ...rest] = maps.split('/');
      if (rest.length > 0 || (key !== undefined && !SAFE_KEY.test(key))) return notFound();
      switch (resource?.toLowerCase()) {
        case 'routes':
          return key === undefined ? file('maps', 'routes.json') : file('maps', 'routes', `${key}.json`);
        case 'occupations':
          return key === undefined ? notFound() : file('maps', 'occupations', `${key.toUpperCase()}.json`);
        case 'occupationalprogression':
          return key === undefined ? notFound() : file('maps', 'progression', `${key.toUpperCase()}.json`);
        default:
          return notFound();
      }
    }
    const standards = within(url, standardsBase);
    if (standards !== null) {
      if (standards === '') return allStandards();
      if (!SAFE_KEY.test(standards)) return notFound();
      return file('standards', `${standards.toUpperCase()}.json`);
    }
    return notFound();
  };
}
