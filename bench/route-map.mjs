/**
 * <route-map> benchmark (prints figures; not a test). `npm run bench:route-map [-- --runs 15]`
 * On the largest route of the full-scale dataset (bench/full-scale-data.mjs: Engineering and manufacturing, 368
 * occupations), or with `--synthetic N` on a synthetic route of N occupations:
 *  1. The first render after the data has arrived, in headless Chromium, until it is in the page and laid out,
 *     against a plain `innerHTML` render of every tile of the route (same markup shape, same stylesheets, in a shadow
 *     root, laid out) in the same run; goal ≤ 1.5× (issue #18). A very large route's first render holds every pathway
 *     heading and the first clusters (the top of each band column), its later pathways collapsed; the other tiles follow
 *     in later tasks. The time until every tile is in the page (several tasks and frames) is reported beside it.
 *  2. A filter change (levels 4–5) against re-rendering the filtered tiles with `innerHTML`; goal ≤ 16 ms (one frame).
 *     Both are medians over several runs, each including style and layout.
 *  3. The gzip size of the largest route document in the sample snapshot (goal ≤ 40 KB), and of the measured one.
 * The element is bundled from its sources with esbuild (Lit's production build), minified, as a page would load it.
 */
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { validateDocument } from '@occupational-maps/core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { ensureFullScaleDataset, fullScaleDocument, LARGEST_ROUTE } from './full-scale-data.mjs';
import { printRow } from './rows.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, synthetic: { type: 'string' } } });
const RUNS = Math.max(3, Number(values.runs));
const GOAL_RATIO = 1.5;
const GOAL_FILTER_MS = 16;
const GOAL_GZIP = 40 * 1024;

// ——— 1. With --synthetic N: a route of N occupations, shaped like the real ones and checked against the schema ———

const STATUSES = ['approved', 'approved', 'approved', 'in-development', 'proposal', 'without-apprenticeship'];
const BANDS = [
  { band: 'technical', levels: [2, 3] },
  { band: 'higher-technical', levels: [4, 5] },
  { band: 'professional', levels: [6, 7] },
];
const WORDS = ['Digital', 'Network', 'Software', 'Data', 'Cyber security', 'Cloud', 'Infrastructure', 'Business', 'Systems', 'Service'];
const ROLES = ['technician', 'engineer', 'analyst', 'developer', 'specialist', 'architect', 'manager', 'tester', 'designer', 'consultant'];

function syntheticRoute(count) {
  const pathways = [];
  const codes = [];
  let made = 0;
  for (let p = 0; made < count; p++) {
    const clusters = [];
    for (let b = 0; b < 3 && made < count; b++) {
      for (let c = 0; c < 3 && made < count; c++) {
        const occupations = [];
        for (let o = 0; o < 6 && made < count; o++, made++) {
          const { band, levels } = BANDS[b];
          const level = levels[made % 2];
          const code = `OCC${String(5000 + made).padStart(4, '0')}`;
          codes.push(code);
          const products = [{ code: `ST${String(5000 + made).padStart(4, '0')}`, type: 'apprenticeship', title: 'Apprenticeship', status: 'Approved for delivery', level, careerStarter: false }];
          if (made % 3 === 0) products.push({ code: `TL${made}a`, type: band === 'technical' ? 't-level' : 'htq', title: 'Qualification', status: null, level, careerStarter: null });
          occupations.push({
            code, title: `${WORDS[made % WORDS.length]} ${ROLES[(made * 7) % ROLES.length]} ${made}`, level, band,
            status: STATUSES[made % STATUSES.length], routeSlug: 'digital', products, soc2020: '3544',
          });
        }
        clusters.push({ id: 1000 + p * 10 + b * 3 + c, name: `${WORDS[(p + c) % WORDS.length]} ${ROLES[b * 3 + c]} cluster`, band: BANDS[b].band, occupations });
      }
    }
    pathways.push({ id: 100 + p, name: `${WORDS[p % WORDS.length]} pathway ${p + 1}`, clusters });
  }
  const progressions = codes.slice(0, -3).flatMap((code, i) => (i % 2 === 0 ? [{ from: code, to: codes[i + 3] }] : []));
  return { id: 7, slug: 'digital', name: 'Digital', pathways, progressions, linkedOccupations: [] };
}

let document;
let source;
let fullScale = null;
if (!values.synthetic) {
  try {
    ensureFullScaleDataset();
    fullScale = JSON.parse(fullScaleDocument(`routes/${LARGEST_ROUTE}.json`));
  } catch (error) {
    console.log(`${error.message} Measuring a synthetic route of 368 occupations instead.`);
  }
}
if (fullScale) {
  document = fullScale;
  source = `${LARGEST_ROUTE}, full-scale dataset`;
} else {
  document = syntheticRoute(Number(values.synthetic ?? 368));
  source = 'a synthetic route';
}
const checked = validateDocument('routeMap', document);
if (!checked.ok) throw new Error(`The measured route is not a valid routeMap document: ${checked.reason}`);

// ——— 2. The element, bundled, and a page that times it ———

const bundled = await build({
  stdin: {
    contents: `import { RouteMap } from './packages/elements/src/route-map/route-map.js'; import './packages/elements/src/define/route-map.js'; window.RouteMap = RouteMap;`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  // Lazy imports (the data client) become chunks, as in the CDN bundle; inlined, esbuild's deferred module
  // initialisation left core's exports undefined when the element first rendered.
  splitting: true,
  outdir: `${root}.bench-out`,
  chunkNames: '[name]-[hash]',
  minify: true,
  write: false,
  target: 'es2022',
  conditions: ['source'],
  tsconfig: `${root}tsconfig.base.json`,
  logLevel: 'error',
});
const files = new Map(bundled.outputFiles.map((file) => [`/${file.path.split('/').pop()}`, file.text]));
const bundleBytes = [...files.values()].reduce((total, text) => total + text.length, 0);

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body style="width:1280px"><div id="stage"></div><script type="module" src="/stdin.js"></script></body></html>`;

const server = createServer((request, response) => {
  if (files.has(request.url)) {
    response.setHeader('content-type', 'text/javascript');
    return response.end(files.get(request.url));
  }
  if (request.url === '/route.json') {
    response.setHeader('content-type', 'application/json');
    return response.end(JSON.stringify(document));
  }
  response.setHeader('content-type', 'text/html');
  response.end(page);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: install chromium or set CHROME_PATH.');
const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });

try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => 'RouteMap' in window && customElements.get('route-map'));

  const results = await tab.evaluate(async (runs) => {
    const source = await (await fetch('/route.json')).json();
    const stage = document.getElementById('stage');
    const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
    const STATUS_WORDS = { approved: 'Approved occupational standard', 'in-development': 'Occupational standard in development', proposal: 'Potential occupational standard', 'without-apprenticeship': 'Occupational standard without apprenticeship' };
    const MARKERS = { apprenticeship: 'A', 't-level': 'T', htq: 'H' };
    const PRODUCT_WORDS = { apprenticeship: 'Apprenticeship', 't-level': 'T Level', htq: 'Higher Technical Qualification' };
    const BANDS = ['technical', 'higher-technical', 'professional'];
    /** The baseline: the same pathways, columns, clusters and tiles as one HTML string. */
    const plainHtml = (doc, keep) => doc.pathways.map((pathway) => `<div class="pathway"><div role="heading" aria-level="3"><button class="toggle" aria-expanded="true">${escape(pathway.name)}</button></div><div class="pathway__body">${BANDS.map((band) => `<div class="column column--${band}"><div role="heading" aria-level="4">${band}</div>${pathway.clusters.filter((cluster) => cluster.band === band).map((cluster) => `<div class="cluster"><div role="heading" aria-level="5"><button class="toggle" aria-expanded="true">${escape(cluster.name)}</button></div><ul class="tiles">${cluster.occupations.filter(keep).map((o) => `<li class="tile-item"><button class="tile status--${o.status}" tabindex="-1"><span class="tile__title">${escape(o.title)}</span><span class="tile__meta"><span class="tile__level">Level ${o.level}</span><span class="status"><span class="shape"></span><span class="om-visually-hidden">${STATUS_WORDS[o.status]}</span></span><span class="markers" aria-hidden="true">${[...new Set(o.products.map((p) => MARKERS[p.type]))].join(' ')}</span><span class="om-visually-hidden">${[...new Set(o.products.map((p) => PRODUCT_WORDS[p.type]))].join(', ')}</span></span></button></li>`).join('')}</ul></div>`).join('')}</div>`).join('')}</div></div>`).join('');
    const sheets = window.RouteMap.elementStyles.map((style) => style.styleSheet);
    const layout = (node) => node.getBoundingClientRect().height;
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const timings = { elementFirst: [], elementAll: [], plainFirst: [], elementFilter: [], plainFilter: [] };
    const total = source.pathways.reduce((n, p) => n + p.clusters.reduce((m, c) => m + c.occupations.length, 0), 0);
    // A new task without the 4 ms clamp nested timers get: a message to ourselves.
    const channel = new MessageChannel();
    const nextTask = () => new Promise((resolve) => {
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

    for (let run = 0; run < runs + 2; run++) {
      const warmUp = run < 2;
      // A fresh copy each run, as if it had just arrived: nothing is cached by document identity.
      const doc = structuredClone(source);
      const client = { apiBase: 'https://bench.invalid/v1/', get: () => Promise.resolve(doc), peek: () => undefined, invalidate() {} };

      stage.replaceChildren();
      await nextFrame();
      const element = document.createElement('route-map');
      element.setAttribute('route', source.slug);
      element.setAttribute('no-attribution', '');
      element.client = client;
      stage.append(element);
      // Data "arrives" in the first update; time from then until the tiles are laid out (the route model is built in
      // a task of its own, the frame drawn in the next, the first tiles a frame later).
      await element.updateComplete;
      let start = performance.now();
      while (!element.shadowRoot.querySelector('.tile')) await nextTask();
      layout(element);
      const elementFirst = performance.now() - start;
      // A very large route renders the rest of its pathways in later tasks: wait for every tile.
      while (element.shadowRoot.querySelectorAll('.tile').length < total) await nextTask();
      layout(element);
      const elementAll = performance.now() - start;

      start = performance.now();
      element.levels = '4-5';
      await element.updateComplete;
      layout(element);
      const elementFilter = performance.now() - start;

      stage.replaceChildren();
      await nextFrame();
      const host = document.createElement('div');
      stage.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = sheets;
      const plainDoc = structuredClone(source);
      start = performance.now();
      shadow.innerHTML = `<div class="base"><div class="map">${plainHtml(plainDoc, () => true)}</div></div>`;
      layout(host);
      const plainFirst = performance.now() - start;

      start = performance.now();
      shadow.innerHTML = `<div class="base"><div class="map">${plainHtml(plainDoc, (o) => o.level === 4 || o.level === 5)}</div></div>`;
      layout(host);
      const plainFilter = performance.now() - start;

      if (warmUp) continue;
      timings.elementFirst.push(elementFirst);
      timings.elementAll.push(elementAll);
      timings.plainFirst.push(plainFirst);
      timings.elementFilter.push(elementFilter);
      timings.plainFilter.push(plainFilter);
    }
    return {
      tiles: source.pathways.reduce((n, p) => n + p.clusters.reduce((m, c) => m + c.occupations.length, 0), 0),
      elementFirst: median(timings.elementFirst),
      elementAll: median(timings.elementAll),
      plainFirst: median(timings.plainFirst),
      elementFilter: median(timings.elementFilter),
      plainFilter: median(timings.plainFilter),
    };
  }, RUNS);

  const ms = (value) => `${value.toFixed(1)} ms`;
  const allRatio = results.elementAll / results.plainFirst;
  const filterRatio = results.elementFilter / results.plainFilter;
  console.log(`<route-map> benchmark — ${results.tiles} occupations (${source}), medians of ${RUNS} runs, headless Chromium, bundle ${(bundleBytes / 1024).toFixed(1)} KiB minified\n`);
  console.log(`First render:                    ${ms(results.elementFirst)} vs innerHTML of every tile ${ms(results.plainFirst)} → ${(results.elementFirst / results.plainFirst).toFixed(2)}× (${results.elementFirst / results.plainFirst <= GOAL_RATIO ? 'within' : 'OVER'} the ${GOAL_RATIO}× goal)`);
  console.log(`Every tile in the page:          ${ms(results.elementAll)} (${allRatio.toFixed(2)}× the innerHTML render; several tasks and frames)`);
  console.log(`Filter change (levels 4–5):      ${ms(results.elementFilter)} vs innerHTML ${ms(results.plainFilter)} → ${filterRatio.toFixed(2)}× (${results.elementFilter <= GOAL_FILTER_MS ? 'within' : 'OVER'} the ${GOAL_FILTER_MS} ms goal)`);
  const timing = { section: 'Rendering', unit: 'ms', baselineName: 'plain innerHTML of the same tiles', note: `median of ${RUNS} runs, ${results.tiles} occupations (${source}), Chromium` };
  const firstRatio = results.elementFirst / results.plainFirst;
  printRow({ ...timing, name: `\`<route-map>\` first render after data arrives, ${results.tiles}-occupation route`, value: results.elementFirst, baseline: results.plainFirst, goal: `≤ ${GOAL_RATIO}× the baseline`, pass: firstRatio <= GOAL_RATIO, note: `${timing.note}; every pathway heading and the first clusters, the rest in later tasks; the baseline lays out all ${results.tiles} tiles` });
  printRow({ ...timing, name: `\`<route-map>\` every one of ${results.tiles} tiles in the page`, value: results.elementAll, baseline: results.plainFirst, note: `${timing.note}; several tasks with frames between them (no goal: the first render is what the page waits for)` });
  printRow({ ...timing, name: '`<route-map>` filter change (levels 4–5)', value: results.elementFilter, baseline: results.plainFilter, goal: `≤ ${GOAL_FILTER_MS} ms (one frame)`, pass: results.elementFilter <= GOAL_FILTER_MS });
} finally {
  await browser.close();
  server.close();
}

// ——— 3. Sizes on the wire ———

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const routesDir = `${root}test/.snapshot/v1/routes/`;
console.log('');
if (existsSync(routesDir)) {
  const largest = readdirSync(routesDir)
    .map((name) => ({ name, text: readFileSync(routesDir + name, 'utf8') }))
    .sort((a, b) => b.text.length - a.text.length)[0];
  const size = gzip(largest.text);
  console.log(`Largest route document in the snapshot: routes/${largest.name} ${kb(largest.text.length)} raw, ${kb(size)} gzip (${size <= GOAL_GZIP ? 'within' : 'OVER'} the 40 KB goal)`);
  printRow({ section: 'Payload', name: `Largest route document in the snapshot (routes/${largest.name}), gzip`, value: size, unit: 'B', goal: '≤ 40 KB', pass: size <= GOAL_GZIP });
} else {
  console.log('No snapshot at test/.snapshot/v1/ (run the browser tests, or om-gateway snapshot --out test/.snapshot): largest route document not measured.');
}
const measured = JSON.stringify(document);
console.log(`Measured route document (${source}): ${kb(measured.length)} raw, ${kb(gzip(measured))} gzip`);
