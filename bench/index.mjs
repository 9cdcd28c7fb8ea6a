#!/usr/bin/env node
/**
 * `npm run bench [-- --only gateway,lighthouse]`: runs every benchmark under bench/ one after another, each in its
 * own Node process, gathers the `BENCH-JSON` rows they print (bench/rows.mjs) and writes docs/performance.md (the
 * whole run only; `--only` prints the table without writing it). Builds what the benchmarks need first: Chromium
 * (apt, as root on Debian), the CDN bundle when it is stale and the embedded-dataset snapshot when it is missing.
 * Every figure is a ratio against a baseline measured in the same run, because the machine is shared and noisy.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureCdnBundle } from '../scripts/build.mjs';
import { ensureChromium } from '../scripts/chromium.mjs';
import { ensureFullScaleDataset } from './full-scale-data.mjs';
import { ROW_PREFIX } from './rows.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** In the order the report shows them; `section` names the table a benchmark that fails to run leaves empty. */
const BENCHMARKS = [
  { name: 'size', file: 'size.mjs', args: [], section: 'Bundle size', timeLimitMs: 600_000 },
  { name: 'heavy-page', file: 'heavy-page.mjs', args: ['--runs', '5'], section: 'Requests' },
  { name: 'route-map', file: 'route-map.mjs', args: ['--runs', '15'], section: 'Rendering' },
  // A snapshot of 1,287 occupations at 100 ms an upstream call: about a minute and a half on an idle machine.
  { name: 'full-scale', file: 'full-scale.mjs', args: ['--runs', '9'], section: 'Full scale', timeLimitMs: 600_000 },
  { name: 'gateway', file: 'gateway.ts', args: ['--duration', '2', '--rounds', '5'], section: 'Gateway' },
  // Each page five times with the elements and three without (medians of 5: one noisy audit moves a median of 3): 16 audits.
  { name: 'lighthouse', file: 'lighthouse.mjs', args: ['--runs', '5', '--baseline-runs', '3', '--demo-runs', '5'], section: 'Lighthouse (largest route page)', timeLimitMs: 900_000 },
];
// Generous for a loaded machine (Lighthouse's ten audits take about 80 s on an idle one).
const TIME_LIMIT_MS = 240_000;

const SECTIONS = {
  'Bundle size': 'Production build (rollup + esbuild + terser, Lit\'s production build), gzip -9 of what loads before the element renders. Baseline: a one-line Lit element bundled the same way, the floor every element stands on. Goals from issues #7 and #18.',
  Requests: 'A page with one `<route-map>`, one full `<occupation-card>` (occupation and progression, asked for at once), 100 compact `<occupation-card>`s over 30 codes and 100 `<soc-badge>`s, served by the gateway with the CDN bundle; Embed API requests counted in headless Chromium (playwright-core), fresh browser context per run. Baseline: the same embeds loaded by a naive page that makes one plain `fetch` per element.',
  Rendering: 'The largest route (Engineering and manufacturing, 368 occupations) of the full-scale dataset — or a synthetic 368-occupation route when that dataset cannot be generated (the row says which) — in headless Chromium (1280 × 900), timed from the data\'s arrival until the first render is in the page and laid out (style and layout included). A route this large renders in parts: the first holds every pathway and band heading and the first row of clusters, the later pathways start collapsed, and the other tiles follow about 12 a frame; the time until every tile is in the page is reported beside it. Baseline: every tile of the route, same markup shape and stylesheets, rendered with one `innerHTML` assignment in a shadow root and laid out.',
  'Full scale': 'The full-scale dataset (bench/full-scale-data.mjs: the fixtures generator\'s full-scale mode, 1,287 occupations on 15 routes at the real per-route counts) through the real gateway: document sizes, a snapshot against a mock upstream with a fixed latency, and search over the whole index.',
  Payload: 'Embed API documents from the embedded dataset against the upstream records they are built from, both gzip -9.',
  Gateway: 'Requests per second on loopback with autocannon for a cached route map (identity encoding). Baseline: a plain `node:http` server sending the same bytes; the two alternate so neither always runs on a hotter machine.',
  'Lighthouse (largest route page)': 'Lighthouse 12 on the page a college builds: one `<route-map>` of Engineering and manufacturing from the full-scale dataset (368 occupations), the page on one origin, the CDN bundle and the data from a gateway on another (compressed, the route warmed as a running gateway has it); Debian\'s Chromium headless, mobile preset with simulated throttling. Baseline: the same page with the elements bundle blocked (it shows the fallback link).',
  'Lighthouse (demo page)': 'Lighthouse 12 on the demo page that `npm start` serves (gateway in process, built CDN bundle), Debian\'s Chromium headless, mobile preset with simulated throttling. The page\'s elements below the route map are `loading="lazy"` (README, "Long pages"), so Lighthouse, which does not scroll, measures the route map and the page around it. Baseline: the same page with the elements bundle blocked.',
  Machine: 'What the machine itself measured during this run, to judge the figures above by.',
};

// --parallel runs Lighthouse beside the other benchmarks (two lanes), for a machine too loaded to run them in turn
// in time; the report says so.
const { values } = parseArgs({ options: { only: { type: 'string' }, parallel: { type: 'boolean', default: false } } });
const only = values.only ? new Set(values.only.split(',').map((name) => name.trim())) : null;
const unknown = only ? [...only].filter((name) => !BENCHMARKS.some((bench) => bench.name === name)) : [];
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; benchmarks: ${BENCHMARKS.map((bench) => bench.name).join(', ')}`);
  process.exit(2);
}
const chosen = BENCHMARKS.filter((bench) => !only || only.has(bench.name));

// ——— What the benchmarks need, built once up front so none of them races another to build it ———

const started = Date.now();
const loadAtStart = loadavg()[0];
const chromiumPath = ensureChromium();
ensureCdnBundle();
if (!existsSync(`${root}test/.snapshot/v1/routes.json`)) {
  console.log('Writing the embedded-dataset snapshot (test/.snapshot/v1)…');
  const snapshot = spawnSync(process.execPath, ['packages/gateway/bin/om-gateway.js', 'snapshot', '--out', 'test/.snapshot', '--source', 'fixtures', '--quiet'], { cwd: root, stdio: 'inherit' });
  if (snapshot.status !== 0) console.error('The snapshot could not be written; the largest-route row will be missing.');
}
// The full-scale dataset (1,287 occupations) and its snapshot, for the rendering, full-scale and Lighthouse rows.
try {
  ensureFullScaleDataset();
} catch (error) {
  console.error(`${error.message} The rows that need it say so.`);
}

/** Runs one benchmark; its human output goes through indented, its rows are returned. Never rejects. */
function run(bench) {
  return new Promise((resolve) => {
    const rows = [];
    const began = Date.now();
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', `${root}bench/${bench.file}`, ...bench.args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const limit = bench.timeLimitMs ?? TIME_LIMIT_MS;
    const timer = setTimeout(() => child.kill('SIGTERM'), limit);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith(ROW_PREFIX)) rows.push(JSON.parse(line.slice(ROW_PREFIX.length)));
      else console.log(`  ${line}`);
    });
    const errors = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      errors.push(line);
      console.error(`  ${line}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - began) / 1000;
      const failure = signal ? `stopped after ${limit / 1000} s` : code ? `exited with ${code}: ${errors.filter((line) => /error/i.test(line)).at(-1) ?? errors.at(-1) ?? ''}` : rows.length ? null : 'printed no rows';
      resolve({ bench, rows, seconds, failure });
    });
  });
}

async function inTurn(benches) {
  const done = [];
  for (const bench of benches) {
    console.log(`\n▶ ${bench.name} (bench/${bench.file} ${bench.args.join(' ')})`);
    const result = await run(bench);
    console.log(`  ${bench.name}: ${result.failure ? `✗ ${result.failure}` : `✓ ${result.rows.length} rows`} in ${result.seconds.toFixed(0)} s`);
    done.push(result);
  }
  return done;
}
const lanes = values.parallel
  ? await Promise.all([inTurn(chosen.filter((bench) => bench.name === 'lighthouse')), inTurn(chosen.filter((bench) => bench.name !== 'lighthouse'))])
  : [await inTurn(chosen)];
const results = chosen.map((bench) => lanes.flat().find((result) => result.bench === bench));

// ——— The report ———

const KB = 1024;
function format(value, unit) {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'B': return `${(value / KB).toFixed(1)} KB`;
    case 'ms': return `${value.toFixed(value < 100 ? 1 : 0)} ms`;
    case 'req/s': return `${Math.round(value).toLocaleString('en-GB')} req/s`;
    default: return `${Math.round(value)}${unit === 'score' ? '' : ` ${unit}`}`;
  }
}
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const ratioCell = (row) => (Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}×` : '—');
const resultCell = (row) => (row.pass === undefined ? '—' : row.pass ? 'pass' : '**fail**');

const rows = results.flatMap((result) => result.rows);
// A benchmark that could not run still gets a row, so a gap in the table is never silent.
for (const result of results.filter((entry) => entry.failure)) {
  rows.push({ section: result.bench.section, name: `bench/${result.bench.file}`, value: Number.NaN, unit: '', pass: false, note: `did not complete: ${result.failure}` });
}

const sectionOrder = Object.keys(SECTIONS);
const sections = [...new Set(rows.map((row) => row.section))].sort((a, b) => sectionOrder.indexOf(a) - sectionOrder.indexOf(b));
const tables = sections.map((section) => {
  const lines = rows
    .filter((row) => row.section === section)
    .map((row) => `| ${cell(row.name)} | ${format(row.value, row.unit)} | ${row.baselineName ? `${format(row.baseline, row.unit)} (${cell(row.baselineName)})` : '—'} | ${ratioCell(row)} | ${cell(row.goal ?? '—')} | ${resultCell(row)} | ${cell(row.note)} |`);
  return `## ${section}\n\n${SECTIONS[section] ?? ''}\n\n| Measure | Value | Baseline (same run) | Ratio | Goal | Result | Notes |\n| --- | --- | --- | --- | --- | --- | --- |\n${lines.join('\n')}\n`;
});

const withGoals = rows.filter((row) => row.pass !== undefined);
const failing = withGoals.filter((row) => !row.pass);
let chromium = 'not found';
try {
  chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

const report = `# Performance

Generated by \`npm run bench\` (bench/index.mjs) — do not edit by hand. Bundle sizes in detail: [size.md](size.md).

Every timing and throughput figure is compared with a baseline measured **in the same run, on the same machine**,
and the ratio is what counts: absolute figures move with the machine's load, ratios much less. Timings are medians
of several runs (the number is in each row's notes); baselines and measurements alternate where they can.

**${withGoals.length - failing.length} of ${withGoals.length} goals met.**${failing.length ? ` Not met: ${failing.map((row) => cell(row.name)).join('; ')}.` : ''}

Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${availableParallelism()} cores (load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end; the machine is shared), Node ${process.version}, ${chromium}; the whole run took ${minutes} min${values.parallel ? ', Lighthouse running beside the other benchmarks (--parallel)' : ''}.

${tables.join('\n')}`;

console.log(`\n${report}`);
if (only) console.log('(--only: docs/performance.md not written)');
else {
  writeFileSync(`${root}docs/performance.md`, report);
  console.log('Wrote docs/performance.md');
}
