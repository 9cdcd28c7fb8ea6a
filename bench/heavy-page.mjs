#!/usr/bin/env node
/**
 * Heavy page benchmark (prints figures; not a test). `npm run bench:heavy-page [-- --runs 5]`
 * One `<route-map>`, one full `<occupation-card>` (its occupation and its progression: two documents, asked for at
 * once), 100 compact `<occupation-card>`s over 30 occupation codes and 100 `<soc-badge>`s, on a page
 * served by the gateway (embedded dataset) with the built CDN bundle, in headless Chromium through playwright-core.
 * The requests the page makes to the Embed API are counted in Chromium, against a naive page in the same run: the
 * same 201 embeds, each loading the one document it shows with a plain `fetch` (what a hand-rolled embed does).
 * Each run uses a fresh browser context, so no run inherits another's cache; runs alternate between the pages.
 */
import { parseArgs } from 'node:util';
import { Hono } from 'hono';
import { chromium } from 'playwright-core';
import { configFromEnv, createGateway, createLogger, DEFAULT_FIXTURES_DIR, demoAssets, startServer } from '@occupational-maps/gateway';
import { embedPaths } from '@occupational-maps/core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { ensureCdnBundle } from '../scripts/build.mjs';
import { median, printRow } from './rows.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number(values.runs));
const ROUTE = 'digital';
const CARDS = 100;
const BADGES = 100;
const DISTINCT_OCCUPATIONS = 30;

ensureCdnBundle();
const gateway = await createGateway({
  config: { ...configFromEnv({}), fixturesDir: DEFAULT_FIXTURES_DIR },
  source: 'fixtures',
  log: createLogger({ quiet: true }),
});
const api = gateway.createApp({ assets: demoAssets, rateLimit: null });

// ——— The page content: real codes from the route, so every element has something to show ———

const routeDocument = await (await api.request(`/v1/${embedPaths.routeMap(ROUTE)}`)).json();
const occupations = routeDocument.pathways.flatMap((pathway) => pathway.clusters.flatMap((cluster) => cluster.occupations));
const distinct = [...new Map(occupations.map((occupation) => [occupation.code, occupation])).values()].slice(0, DISTINCT_OCCUPATIONS);
if (distinct.length < DISTINCT_OCCUPATIONS) throw new Error(`Route ${ROUTE} has only ${distinct.length} occupations; the heavy page needs ${DISTINCT_OCCUPATIONS}.`);
const cardCodes = Array.from({ length: CARDS }, (_, i) => distinct[i % distinct.length].code);
const socCodes = [...new Set(distinct.map((occupation) => occupation.soc2020).filter(Boolean))];
const badgeCodes = Array.from({ length: BADGES }, (_, i) => socCodes[i % socCodes.length]);
// The full card: an occupation of the route that has a progression document, so the card needs both.
let fullCardCode = null;
for (const { code } of distinct) {
  if ((await api.request(`/v1/${embedPaths.progression(code)}`)).ok) {
    fullCardCode = code;
    break;
  }
}
if (!fullCardCode) throw new Error(`No occupation among the first ${DISTINCT_OCCUPATIONS} of ${ROUTE} has a progression document.`);

const head = (title) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title>
<meta name="occupational-maps:api-base" content="/v1/"><link rel="icon" href="data:,"></head><body><main>`;

/** The elements, loaded from the CDN bundle and sharing one client per page. */
const sharedPage = `${head('Heavy page – shared client')}
<route-map route="${ROUTE}"></route-map>
<occupation-card id="full-card" code="${fullCardCode}"></occupation-card>
${cardCodes.map((code) => `<occupation-card variant="compact" code="${code}"></occupation-card>`).join('\n')}
${badgeCodes.map((code) => `<soc-badge code="${code}"></soc-badge>`).join('\n')}
</main><script type="module" src="/elements/occupational-maps.js"></script></body></html>`;

/** The baseline: the same embeds, each fetching the document it shows on its own. */
const naivePage = `${head('Heavy page – naive loader')}
<div data-document="/v1/${embedPaths.routeMap(ROUTE)}"></div>
<div data-document="/v1/${embedPaths.occupation(fullCardCode)}"></div><div data-document="/v1/${embedPaths.progression(fullCardCode)}"></div>
${cardCodes.map((code) => `<div data-document="/v1/${embedPaths.occupation(code)}"></div>`).join('\n')}
${badgeCodes.map((code) => `<div data-document="/v1/${embedPaths.soc(code)}"></div>`).join('\n')}
</main><script type="module">
for (const embed of document.querySelectorAll('[data-document]')) {
  fetch(embed.dataset.document)
    .then((response) => response.json())
    .then((doc) => { embed.textContent = doc.title ?? doc.name ?? ''; embed.dataset.loaded = ''; });
}
</script></body></html>`;

// Counts what reaches the server too, to tell requests Chromium answered from its own cache from real ones.
let serverHits = 0;
const app = new Hono();
app.use('/v1/*', async (_c, next) => {
  serverHits++;
  await next();
});
app.get('/bench/shared.html', (c) => c.html(sharedPage));
app.get('/bench/naive.html', (c) => c.html(naivePage));
app.all('*', (c) => api.fetch(c.req.raw));
const server = await startServer(app, 0, '127.0.0.1');

const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: install chromium or set CHROME_PATH.');
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

/** Loads one page in a fresh context and returns the Embed API requests it made once everything has settled. */
async function measure(name, isSettled) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  let requests = 0;
  tab.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/v1/')) requests++;
  });
  serverHits = 0;
  const started = performance.now();
  await tab.goto(`${server.url}/bench/${name}.html`);
  await tab.waitForFunction(isSettled, undefined, { timeout: 30_000, polling: 50 }).catch((error) => {
    throw new Error(`The ${name} page did not settle: ${error.message.split('\n')[0]}${errors.length ? `; page errors: ${[...new Set(errors)].join('; ')}` : ''}`);
  });
  const settledMs = performance.now() - started;
  // Anything that starts after the elements have rendered (revalidation, prefetch) counts too.
  await tab.waitForLoadState('networkidle');
  const result = { requests, serverHits, settledMs, errors };
  await context.close();
  return result;
}

/** Every card shows its occupation's title and the map shows its tiles: the page did its job. */
const sharedSettled = () => {
  const map = document.querySelector('route-map');
  const cards = [...document.querySelectorAll('occupation-card')];
  const full = document.getElementById('full-card');
  return Boolean(map?.shadowRoot?.querySelector('.tile')) && cards.every((card) => card.shadowRoot && /\S/.test(card.shadowRoot.querySelector('h2, [role="heading"]')?.textContent ?? ''))
    && Boolean(full?.shadowRoot?.querySelector('.progression-list'));
};
const naiveSettled = () => [...document.querySelectorAll('[data-document]')].every((embed) => embed.hasAttribute('data-loaded'));

const runs = { shared: [], naive: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    runs.naive.push(await measure('naive', naiveSettled));
    runs.shared.push(await measure('shared', sharedSettled));
  }
} finally {
  await browser.close();
  await server.close();
}

const pageErrors = [...runs.shared, ...runs.naive].flatMap((run) => run.errors);
if (pageErrors.length) console.error(`Page errors: ${[...new Set(pageErrors)].join('; ')}`);

const figure = (side, key) => median(runs[side].map((run) => run[key]));
const sharedRequests = figure('shared', 'requests');
const naiveRequests = figure('naive', 'requests');
// One request per distinct document the page shows: the route map, the 30 occupations (the full card's among them),
// the full card's progression, and meta.json, whose data date (or sample-data notice) every element's attribution line
// shows (the badges show titles from the lazily loaded SOC table, so they make none until opened).
const distinctDocuments = 1 + new Set([...cardCodes, fullCardCode]).size + 1 + 1;
const ms = (value) => `${value.toFixed(0)} ms`;

console.log(`Heavy page — 1 route map, ${CARDS} cards over ${new Set(cardCodes).size} codes, ${BADGES} badges over ${new Set(badgeCodes).size} SOC codes; medians of ${RUNS} runs each\n`);
console.log(`Shared client: ${sharedRequests} Embed API requests (${figure('shared', 'serverHits')} reached the server), settled in ${ms(figure('shared', 'settledMs'))}`);
console.log(`Naive loader:  ${naiveRequests} Embed API requests (${figure('naive', 'serverHits')} reached the server), settled in ${ms(figure('naive', 'settledMs'))}`);
console.log(`Ratio:         ${(sharedRequests / naiveRequests).toFixed(2)} (goal: one request per distinct document, ${distinctDocuments})`);

printRow({
  section: 'Requests',
  name: `Heavy page: Embed API requests (1 route map, 1 full card with its progression, ${CARDS} compact cards over ${new Set(cardCodes).size} codes, ${BADGES} badges)`,
  value: sharedRequests,
  unit: 'requests',
  baselineName: 'naive loader, one plain fetch per element',
  baseline: naiveRequests,
  goal: `≤ ${distinctDocuments} (one per distinct document)`,
  pass: sharedRequests <= distinctDocuments && pageErrors.length === 0,
  note: `median of ${RUNS} runs in Chromium; ${figure('shared', 'serverHits')} vs ${figure('naive', 'serverHits')} reached the server`,
});
