#!/usr/bin/env node
/**
 * Lighthouse on the demo page (issue #10; prints figures, not a test). `npm run bench:lighthouse [-- --runs 5]`
 * The gateway serves the demo page and the built CDN bundle in this process, as `npm start` does, on a free port.
 * Lighthouse 12 runs in Debian's Chromium (chrome-launcher, headless) with its default mobile settings and simulated
 * throttling. The baseline, in the same run, is the same page with the elements bundle blocked (Lighthouse's
 * `blockedUrlPatterns`): what the page costs without the elements. Runs alternate between the two; medians.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { configFromEnv, createGateway, createLogger, DEFAULT_FIXTURES_DIR, demoAssets, startServer } from '@occupational-maps/gateway';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { ensureCdnBundle } from '../scripts/build.mjs';
import { median, printRow } from './rows.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Math.max(1, Number(values.runs));
ensureCdnBundle();

// TBT ≤ 200 ms is Lighthouse's own "good". The demo page embeds every element, so it needs every chunk of the
// autoloading CDN build (measured here, gzip): the bytes the elements add may be those chunks plus 20 KB for the
// Embed API documents the page reads, and nothing more (no duplicate code, nothing sent uncompressed).
const CDN_DIR = fileURLToPath(new URL('../packages/elements/dist/cdn/', import.meta.url));
const cdnChunksKB = readdirSync(CDN_DIR)
  .filter((name) => name.endsWith('.js') && !name.startsWith('occupational-maps.all'))
  .reduce((total, name) => total + gzipSync(readFileSync(join(CDN_DIR, name)), { level: 9 }).length, 0) / 1024;
const GOALS = { performance: 0.9, accessibility: 1, totalBlockingTimeMs: 200, addedKB: Math.round(cdnChunksKB + 20) };
const gateway = await createGateway({
  config: { ...configFromEnv({}), fixturesDir: DEFAULT_FIXTURES_DIR },
  source: 'fixtures',
  log: createLogger({ quiet: true }),
});
const server = await startServer(gateway.createApp({ assets: demoAssets, rateLimit: null }), 0, '127.0.0.1');
const chromePath = findChromium();
if (!chromePath) throw new Error('No Chromium found: install chromium or set CHROME_PATH.');
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROMIUM_ARGS, logLevel: 'silent' });

/** One Lighthouse run; `withoutElements` blocks the bundle and its chunks. */
async function audit(withoutElements) {
  const result = await lighthouse(
    `${server.url}/`,
    { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], blockedUrlPatterns: withoutElements ? ['*/elements/*'] : [] },
  );
  const { categories, audits, runtimeError, runWarnings } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
  const failedA11y = Object.values(audits).filter((entry) => categories.accessibility.auditRefs.some((ref) => ref.id === entry.id && ref.weight > 0) && entry.score === 0);
  return {
    performance: categories.performance.score,
    accessibility: categories.accessibility.score,
    totalBlockingTimeMs: audits['total-blocking-time'].numericValue,
    bytes: audits['total-byte-weight'].numericValue,
    failedA11y: failedA11y.map((entry) => entry.id),
    // Text responses sent without compression: the usual reason the bytes are high.
    uncompressed: (audits['uses-text-compression'].details?.items ?? []).map((item) => new URL(item.url).pathname),
    warnings: runWarnings,
  };
}

const runs = { demo: [], bare: [] };
try {
  for (let run = 0; run < RUNS; run++) {
    runs.bare.push(await audit(true));
    runs.demo.push(await audit(false));
  }
} finally {
  await chrome.kill();
  await server.close();
}

const figure = (side, key) => median(runs[side].map((run) => run[key]));
const demo = Object.fromEntries(['performance', 'accessibility', 'totalBlockingTimeMs', 'bytes'].map((key) => [key, figure('demo', key)]));
const bare = Object.fromEntries(['performance', 'accessibility', 'totalBlockingTimeMs', 'bytes'].map((key) => [key, figure('bare', key)]));
const failing = [...new Set(runs.demo.flatMap((run) => run.failedA11y))];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

console.log(`Lighthouse 12 on the demo page (mobile, simulated throttling), medians of ${RUNS} runs; baseline: the same page with the elements bundle blocked\n`);
console.log(`Performance    ${Math.round(demo.performance * 100)} (without elements ${Math.round(bare.performance * 100)})`);
console.log(`Accessibility  ${Math.round(demo.accessibility * 100)} (without elements ${Math.round(bare.accessibility * 100)})${failing.length ? ` — failing: ${failing.join(', ')}` : ''}`);
console.log(`TBT            ${demo.totalBlockingTimeMs.toFixed(0)} ms (without elements ${bare.totalBlockingTimeMs.toFixed(0)} ms)`);
console.log(`Transferred    ${kb(demo.bytes)} (without elements ${kb(bare.bytes)}; the elements add ${kb(demo.bytes - bare.bytes)})`);
const uncompressed = [...new Set(runs.demo.flatMap((run) => run.uncompressed))];
if (uncompressed.length) console.log(`Sent without compression: ${uncompressed.join(', ')}`);
const warnings = [...new Set(runs.demo.flatMap((run) => run.warnings))];
if (warnings.length) console.log(`Warnings: ${warnings.join(' | ')}`);

const section = 'Lighthouse (demo page)';
const baselineName = 'same page, elements bundle blocked';
const note = `median of ${RUNS} Lighthouse runs, mobile preset, simulated throttling`;
printRow({ section, name: 'Performance score', value: Math.round(demo.performance * 100), unit: 'score', baselineName, baseline: Math.round(bare.performance * 100), goal: `≥ ${GOALS.performance * 100}`, pass: demo.performance >= GOALS.performance, note });
printRow({
  section, name: 'Accessibility score', value: Math.round(demo.accessibility * 100), unit: 'score', baselineName, baseline: Math.round(bare.accessibility * 100),
  goal: `${GOALS.accessibility * 100}`, pass: demo.accessibility >= GOALS.accessibility, note: failing.length ? `failing audits: ${failing.join(', ')}` : note,
});
printRow({ section, name: 'Total blocking time', value: Math.round(demo.totalBlockingTimeMs), unit: 'ms', baselineName, baseline: Math.round(bare.totalBlockingTimeMs), goal: `≤ ${GOALS.totalBlockingTimeMs} ms`, pass: demo.totalBlockingTimeMs <= GOALS.totalBlockingTimeMs, note });
printRow({
  section, name: 'Bytes transferred', value: Math.round(demo.bytes), unit: 'B', baselineName, baseline: Math.round(bare.bytes),
  goal: `elements add ≤ ${GOALS.addedKB} KB (all CDN chunks + 20 KB data)`, pass: demo.bytes - bare.bytes <= GOALS.addedKB * 1024, note: `the elements add ${kb(demo.bytes - bare.bytes)}${uncompressed.length ? `; sent without compression: ${uncompressed.join(', ')}` : ''}; ${note}`,
});
