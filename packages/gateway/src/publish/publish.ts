/**
 * `om-gateway publish`: a complete static site in one folder, for any static host or CDN —
 * `v1/` (every Embed API document, byte-identical to the server), `elements/` (the CDN bundle with its chunks, source
 * maps and theme presets), `index.html` (the page for the web team), `_headers` (Netlify, Cloudflare Pages) and
 * `.nojekyll` (GitHub Pages serves `_`-prefixed files). Built in a staging folder inside DIR and moved in like a
 * snapshot (../snapshot/swap.ts), so a failed run — the upstream down, the bundle missing — leaves the site as it was.
 * Only these paths are replaced: DIR may hold other pages of the site.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateDocument, type MetaDocument, type ProgressionDocument, type RouteMapDocument, type RoutesDocument } from '@occupational-maps/core';
import type { Dataset } from '../dataset.js';
import { documentRank, stagingFolder, swapIn } from '../snapshot/swap.js';
import { emptySummary, finishSummary, writeDocuments, type SnapshotSummary } from '../snapshot/write.js';
import type { UpstreamStats } from '../upstream/http.js';
import { HASHED_CHUNK } from '../server/assets.js';
import { readElementsBundle, type ElementsBundle } from './bundle.js';
import { headersFile } from './headers.js';
import { indexPage, type IndexExamples } from './index-page.js';

export interface PublishOptions {
  dataset: Dataset;
  outDir: string;
  /** The site's public address (`https://college.github.io/maps/`); snippets are relative without it. */
  baseUrl?: string | null;
  stats?: UpstreamStats;
  onProgress?: (done: number, total: number) => void;
  /** `Cache-Control` of documents in `_headers`, as the gateway's OM_MAX_AGE and OM_STALE_WHILE_REVALIDATE. */
  maxAgeSeconds?: number;
  staleWhileRevalidateSeconds?: number;
  /** The bundle to publish; by default the installed @occupational-maps/elements. */
  bundle?: ElementsBundle;
}

export interface PublishSummary extends SnapshotSummary {
  /** Every file of the site this run wrote, and their bytes. */
  files: number;
  siteBytes: number;
  /** Where the bundle came from. */
  elementsFrom: string;
}

/** The base URL as an absolute http(s) URL ending in `/`; anything else is refused. */
export function normaliseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--base-url must be an absolute http(s) URL such as https://college.example/maps/, not "${value}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--base-url must be an http(s) URL, not "${value}".`);
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;
const exists = (path: string) => stat(path).then(() => true, () => false);

/** What the index page shows live: the route with most occupations, one of its occupations with a progression map. */
async function chooseExamples(v1: string): Promise<IndexExamples> {
  const routes = await readJson<RoutesDocument>(join(v1, 'routes.json'));
  const route = [...routes.routes].sort((a, b) => b.occupationCount - a.occupationCount)[0];
  if (!route || route.occupationCount === 0) throw new Error('The data has no route with occupations: nothing to publish.');
  const map = await readJson<RouteMapDocument>(join(v1, 'routes', `${route.slug}.json`));
  const occupations = map.pathways.flatMap((pathway) => pathway.clusters.flatMap((cluster) => cluster.occupations));
  let chosen = occupations[0];
  let best = 0;
  for (const occupation of occupations) {
    const path = join(v1, 'progression', `${occupation.code}.json`);
    if (!(await exists(path))) continue;
    const links = (await readJson<ProgressionDocument>(path)).occupations.length;
    if (links > best) [chosen, best] = [occupation, links];
  }
  const other = occupations.find((occupation) => occupation.code !== chosen.code && occupation.band === chosen.band) ?? occupations.find((o) => o.code !== chosen.code);
  return {
    route: { slug: route.slug, name: route.name },
    occupation: { code: chosen.code, title: chosen.title, soc: chosen.soc2020 ?? null },
    other: other ? { code: other.code, title: other.title } : null,
  };
}

/** Moving in: bundle chunks before the entries that import them, documents in their order, the page last. */
export function siteRank(path: string): number {
  if (path.startsWith('elements/')) return HASHED_CHUNK.test(path.slice('elements/'.length)) ? 0 : 1;
  if (path.startsWith('v1/')) return 2 + documentRank(path.slice('v1/'.length));
  return 20;
}

async function gatewayVersion(): Promise<string> {
  const pkg = await readJson<{ version: string }>(fileURLToPath(new URL('../../package.json', import.meta.url)));
  return pkg.version;
}

export async function publishSite(options: PublishOptions): Promise<PublishSummary> {
  const started = performance.now();
  const root = resolve(options.outDir);
  const baseUrl = options.baseUrl ? normaliseBaseUrl(options.baseUrl) : null;
  // Before any upstream call: a missing bundle is known at once.
  const bundle = options.bundle ?? (await readElementsBundle());
  const summary = emptySummary();
  const callsBefore = options.stats ? { ...options.stats } : { calls: 0, retries: 0 };
  let files = 0;
  let siteBytes = 0;

  await mkdir(root, { recursive: true });
  const staged = await stagingFolder(root, '.publish.tmp');
  try {
    const v1 = join(staged, 'v1');
    await writeDocuments({ dataset: options.dataset, into: v1, onProgress: options.onProgress }, summary);

    const put = async (path: string, body: string | Uint8Array) => {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      await writeFile(join(staged, path), bytes);
      files++;
      siteBytes += bytes.length;
    };
    await mkdir(join(staged, 'elements', 'themes'), { recursive: true });
    for (const [name, body] of bundle.files) await put(`elements/${name}`, body);
    for (const [name, body] of bundle.themes) await put(`elements/themes/${name}`, body);

    const checked = validateDocument('meta', await readJson<unknown>(join(v1, 'meta.json')));
    if (!checked.ok) throw new Error(`Internal: meta.json is not valid (${checked.reason}).`);
    const meta: MetaDocument = checked.value;
    await put('index.html', indexPage({ meta, examples: await chooseExamples(v1), baseUrl, themes: [...bundle.themes.keys()], version: await gatewayVersion() }));
    await put('_headers', headersFile({
      bundleFiles: [...bundle.files.keys()],
      maxAgeSeconds: options.maxAgeSeconds ?? 300,
      staleWhileRevalidateSeconds: options.staleWhileRevalidateSeconds ?? 86_400,
    }));
    await put('.nojekyll', '');
    files += summary.documents;
    siteBytes += summary.bytes;

    await swapIn({ root, staged, replaces: ['v1', 'elements'], rank: siteRank });
  } catch (error) {
    await rm(staged, { recursive: true, force: true });
    throw error;
  }
  return { ...finishSummary(summary, options.dataset, options.stats, callsBefore, started), files, siteBytes, elementsFrom: bundle.folder };
}
