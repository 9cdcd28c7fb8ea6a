#!/usr/bin/env node
// `npm run soak`: 60 s of mixed traffic against `om-gateway serve --warm` (the real CLI, in its own process) on a mock
// upstream (real loopback HTTP, the embedded dataset's records) that goes down, hangs, flaps and slows on a schedule.
// Traffic: documents already cached, well-formed unknown codes, documents never built before, and one greedy client
// (its own address, through X-Forwarded-For with OM_TRUST_PROXY=1) well over the per-client rate. Reports p50/p90/p99
// latency and statuses per kind, errors by status, upstream calls per upstream behaviour, and the gateway's RSS over
// time (from its own /metrics) into test/.results/soak.json and the soak section of docs/reliability.md.
// Exits 1 when a cached document was not served, an unknown code got anything but 404, a request failed on the client
// side, memory kept growing, the access log missed requests or the gateway did not drain and exit 0 on SIGTERM.
// Options: --seconds N (default 60), --workers N (concurrent connections, default 32). Not part of `npm test`.
// Runs as `node --conditions=source --import tsx scripts/soak.mjs` (the mock upstream is the tests' TypeScript helper).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_FIXTURES_DIR, WARM_PATHS } from '@occupational-maps/gateway';
import { json, startUpstream } from '../test/gateway/helpers.ts';
import { writeSoakSection } from './soak-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, workers: { type: 'string', default: '32' } } });
const SECONDS = Number(values.seconds);
const WORKERS = Number(values.workers);
const PHASE_SECONDS = SECONDS / 10;
const CLIENT_TIMEOUT_MS = 30_000;
const MAX_HEAP_GROWTH_MB = 64;
const MAX_RSS_MB = 768;
const CONFIG = { cacheTtlSeconds: 5, upstreamTimeoutMs: 1500, upstreamRetries: 2, retryBaseMs: 200 };

/** What the upstream does in each tenth of the run. */
const SCHEDULE = ['up', 'down (500)', 'up', 'hanging', 'flapping (half 503)', 'up', 'slow (800 ms)', 'hanging', 'down (500)', 'up'];
const KINDS = {
  cached: { label: 'Cached documents (warmed or visited before)', weight: 62 },
  unknown: { label: 'Unknown but well-formed codes', weight: 15 },
  neverBuilt: { label: 'Documents never built before', weight: 5 },
  greedy: { label: 'One greedy client (cached documents, over its rate)', weight: 18 },
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** A small seeded generator, so two runs ask for the same things in the same proportions. */
let seed = 20261202;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];
const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
const round = (value, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));

// ——— The mock upstream and its fault schedule ———
const upstream = await startUpstream(DEFAULT_FIXTURES_DIR);
let soakStarted = null;
const elapsed = () => (soakStarted === null ? -1 : (performance.now() - soakStarted) / 1000);
const stateNow = () => {
  const t = elapsed();
  return t < 0 ? 'set-up' : SCHEDULE[Math.min(SCHEDULE.length - 1, Math.floor(t / PHASE_SECONDS))];
};
const upstreamCallsByState = new Map();
upstream.override = async () => {
  const state = stateNow();
  upstreamCallsByState.set(state, (upstreamCallsByState.get(state) ?? 0) + 1);
  if (state === 'down (500)') return json({ message: 'Internal Server Error' }, 500);
  if (state === 'hanging') return 'hang';
  if (state.startsWith('flapping') && random() < 0.5) return json({ message: 'Service Unavailable' }, 503);
  if (state.startsWith('slow')) await sleep(800);
  return undefined;
};

// ——— The gateway: the real CLI in its own process ———
const BIN = `${root}packages/gateway/bin/om-gateway.js`;
const newestSource = () => Math.max(...readdirSync(`${root}packages/gateway/src`, { recursive: true }).filter((f) => String(f).endsWith('.ts')).map((f) => statSync(`${root}packages/gateway/src/${f}`).mtimeMs));
const built = `${root}packages/gateway/dist/cli.js`;
const gatewayEntry = existsSync(built) && statSync(built).mtimeMs >= newestSource() ? 'built dist/' : 'TypeScript source through tsx';
const child = spawn(process.execPath, [BIN, 'serve', '--warm', '--port', '0'], {
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    OM_API_KEY: 'soak-test-key',
    OM_MAPS_API_BASE: upstream.mapsBase,
    OM_STANDARDS_API_BASE: upstream.standardsBase,
    OM_CACHE_TTL: String(CONFIG.cacheTtlSeconds),
    OM_UPSTREAM_TIMEOUT_MS: String(CONFIG.upstreamTimeoutMs),
    OM_UPSTREAM_RETRIES: String(CONFIG.upstreamRetries),
    OM_RETRY_BASE_MS: String(CONFIG.retryBaseMs),
    OM_TRUST_PROXY: '1',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let accessLogLines = 0;
let warmLogLines = 0;
let stdout = '';
let stderr = '';
// Lines from outside and the warm-up's own (marked "via": "warm-up") are counted apart.
child.stdout.on('data', (chunk) => {
  const lines = (stdout + chunk).split('\n');
  stdout = lines.pop();
  for (const line of lines) {
    if (JSON.parse(line).via === 'warm-up') warmLogLines++;
    else accessLogLines++;
  }
});
child.stderr.on('data', (chunk) => (stderr += chunk));
const exited = once(child, 'exit');
let base;
for (const deadline = Date.now() + 60_000; !(base = stderr.match(/Embed API v1 at (http:\/\/[\d.]+:\d+)\/v1\//)?.[1]); await sleep(50)) {
  if (child.exitCode !== null || Date.now() > deadline) throw new Error(`om-gateway serve did not start:\n${stderr}`);
}
const url = new URL(base);
const agent = new Agent({ keepAlive: true, maxSockets: WORKERS + 4 });
let setupRequests = 0;

/** One GET; resolves with status and milliseconds, or a failure (connection error or no answer in time). */
function get(path, headers = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started, body: Buffer.concat(chunks) }));
      res.on('error', () => resolve({ failure: 'response error', ms: performance.now() - started }));
    });
    req.setTimeout(CLIENT_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', (error) => resolve({ failure: error.message, ms: performance.now() - started }));
    req.end();
  });
}
const setupGet = (path) => (setupRequests++, get(path));
/** A document for the set-up: a 504 (the build goes on) or 503 (queue full) is asked again, for up to 2 minutes. */
async function setupDocument(path) {
  for (const deadline = Date.now() + 120_000; ; await sleep(250)) {
    const answer = await setupGet(path);
    if (answer.status === 200) return answer;
    if (![503, 504].includes(answer.status) || Date.now() > deadline) {
      throw new Error(`set-up: ${path} answered ${answer.status ?? answer.failure}: ${answer.body?.toString().slice(0, 300)}`);
    }
  }
}

/** The gateway's own figures from /metrics. */
async function scrape() {
  const answer = await setupGet('/metrics');
  const text = answer.body?.toString() ?? '';
  const sum = (name) => text.split('\n').filter((line) => line.startsWith(name)).reduce((total, line) => total + Number(line.split(' ').pop()), 0);
  const has = (name) => text.split('\n').some((line) => line.startsWith(`${name} `));
  const byResult = Object.fromEntries(text.split('\n').filter((line) => line.startsWith('om_upstream_calls_total{')).map((line) => [line.match(/result="([^"]+)"/)[1], Number(line.split(' ').pop())]));
  return {
    rssMb: sum('om_process_resident_memory_bytes') / 1e6,
    heapMb: sum('om_nodejs_heap_size_used_bytes') / 1e6,
    upstreamCalls: sum('om_upstream_calls_total'),
    queueDepth: has('om_upstream_queue_depth') ? sum('om_upstream_queue_depth') : null,
    byResult,
  };
}

// ——— Set-up: wait for the warm-up, visit a few more documents, list the ones never built ———
for (const deadline = Date.now() + 300_000; (await setupGet('/readyz')).status !== 200; await sleep(250)) {
  if (Date.now() > deadline) throw new Error(`the gateway was not ready within 5 minutes:\n${stderr}`);
}
const index = JSON.parse((await setupDocument('/v1/search-index.json')).body.toString());
const codes = index.occupations.map((entry) => entry.code);
const visited = codes.slice(0, 12).flatMap((code) => [`occupations/${code}.json`, `progression/${code}.json`]);
for (const path of visited) await setupDocument(`/v1/${path}`);
const cachedPaths = [...WARM_PATHS, ...visited];
const standards = [...new Set(index.occupations.flatMap((entry) => entry.products).filter((code) => /^ST\d{4}$/.test(code)))];
const neverBuilt = [...codes.slice(12).flatMap((code) => [`occupations/${code}.json`, `progression/${code}.json`]), ...standards.map((ref) => `standards/${ref}.json`)]
  .map((path) => [random(), path]).sort(([a], [b]) => a - b).map(([, path]) => path);
const neverBuiltTotal = neverBuilt.length;
const unknownPath = () => {
  const n = String(9000 + Math.floor(random() * 1000));
  return pick([`occupations/OCC${n}.json`, `progression/OCC${n}.json`, `standards/ST${n}.json`]);
};

// ——— The timed run ———
const results = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, []]));
const samples = [];
const totalWeight = Object.values(KINDS).reduce((sum, kind) => sum + kind.weight, 0);
const chooseKind = () => {
  let roll = random() * totalWeight;
  for (const [kind, { weight }] of Object.entries(KINDS)) if ((roll -= weight) < 0) return kind;
  return 'cached';
};
const before = await scrape();
const upstreamBefore = upstream.requests.length;
soakStarted = performance.now();
const sampler = (async () => {
  while (elapsed() < SECONDS) {
    const figures = await scrape();
    samples.push({ second: Math.round(elapsed()), ...figures });
    await sleep(1000);
  }
})();
const workers = Array.from({ length: WORKERS }, async () => {
  while (elapsed() < SECONDS) {
    let kind = chooseKind();
    if (kind === 'neverBuilt' && neverBuilt.length === 0) kind = 'cached';
    const path = kind === 'unknown' ? unknownPath() : kind === 'neverBuilt' ? neverBuilt.pop() : pick(cachedPaths);
    const client = kind === 'greedy' ? '198.51.100.66' : `203.0.113.${1 + Math.floor(random() * 60)}`;
    const state = stateNow();
    const answer = await get(`/v1/${path}`, { 'X-Forwarded-For': client, 'Accept-Encoding': 'br, gzip' });
    results[kind].push({ status: answer.status ?? null, failure: answer.failure ?? null, ms: answer.ms, state });
    if (kind === 'neverBuilt' && answer.status === 200) cachedPaths.push(path);
  }
});
await Promise.all(workers);
const seconds = (performance.now() - soakStarted) / 1000;
await sampler;
const after = await scrape();
samples.push({ second: Math.round(elapsed()), ...after });
const upstreamDuringSoak = upstream.requests.length - upstreamBefore;
soakStarted = null;

// ——— Shutdown: SIGTERM drains, exit 0 ———
child.kill('SIGTERM');
const [exitCode] = await Promise.race([exited, sleep(30_000).then(() => [null])]);
if (exitCode === null) child.kill('SIGKILL');
agent.destroy();
await upstream.close();

// ——— Figures ———
const all = Object.values(results).flat();
const summarise = (list) => {
  const sorted = list.filter((item) => item.status !== null).map((item) => item.ms).sort((a, b) => a - b);
  const statuses = {};
  for (const item of list) {
    const key = item.status ?? 'no answer';
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  return { requests: list.length, p50: round(percentile(sorted, 50)), p90: round(percentile(sorted, 90)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? null), statuses };
};
const errorsByStatus = {};
for (const [kind, list] of Object.entries(results)) {
  for (const item of list) {
    if (item.status === 200 || (kind === 'unknown' && item.status === 404)) continue;
    const key = item.status ?? 'no answer';
    errorsByStatus[key] = (errorsByStatus[key] ?? 0) + 1;
  }
}
const byState = [...new Set(SCHEDULE)].map((state) => {
  const cached = results.cached.filter((item) => item.state === state && item.status !== null).map((item) => item.ms).sort((a, b) => a - b);
  return {
    state,
    seconds: SCHEDULE.filter((s) => s === state).length * PHASE_SECONDS,
    requests: all.filter((item) => item.state === state).length,
    upstreamCalls: upstreamCallsByState.get(state) ?? 0,
    cachedP99: round(percentile(cached, 99)),
  };
});
const quarter = Math.max(1, Math.floor(samples.length / 4));
const mean = (list, key) => list.reduce((sum, item) => sum + item[key], 0) / list.length;
const heapGrowthMb = mean(samples.slice(-quarter), 'heapMb') - mean(samples.slice(0, quarter), 'heapMb');
const peakRssMb = Math.max(...samples.map((sample) => sample.rssMb));
const queueDepths = samples.map((sample) => sample.queueDepth).filter((depth) => depth !== null);
const kinds = Object.fromEntries(Object.entries(results).map(([kind, list]) => [kind, { label: KINDS[kind].label, ...summarise(list) }]));
kinds.neverBuilt.label = `${KINDS.neverBuilt.label} (${neverBuiltTotal - neverBuilt.length} of ${neverBuiltTotal} asked for)`;
const clientFailures = all.filter((item) => item.failure).length;

const problems = [
  clientFailures && `${clientFailures} requests failed on the client side (${[...new Set(all.filter((item) => item.failure).map((item) => item.failure))].join(', ')})`,
  results.cached.some((item) => item.status !== 200) && `cached documents answered ${JSON.stringify(kinds.cached.statuses)}`,
  results.unknown.some((item) => item.status !== 404) && `unknown codes answered ${JSON.stringify(kinds.unknown.statuses)}`,
  results.greedy.some((item) => item.status !== 200 && item.status !== 429) && `the greedy client got ${JSON.stringify(kinds.greedy.statuses)}`,
  heapGrowthMb > MAX_HEAP_GROWTH_MB && `heap grew ${heapGrowthMb.toFixed(1)} MB from the first to the last quarter`,
  peakRssMb > MAX_RSS_MB && `RSS peaked at ${peakRssMb.toFixed(0)} MB`,
  exitCode !== 0 && `the gateway exited ${exitCode} after SIGTERM (expected 0)`,
  accessLogLines !== all.length + setupRequests && `${accessLogLines} access-log lines for ${all.length + setupRequests} requests`,
  warmLogLines < WARM_PATHS.length && `${warmLogLines} access-log lines of the warm-up for ${WARM_PATHS.length} documents`,
].filter(Boolean);

const figures = {
  verdict: problems.length ? 'failed' : 'passed',
  problems,
  seconds: round(seconds),
  workers: WORKERS,
  requests: all.length,
  requestsPerSecond: Math.round(all.length / seconds),
  setupRequests,
  warmRequests: warmLogLines,
  gatewayEntry,
  machine: `${cpus().length}-core machine with ${Math.round(totalmem() / 1e9)} GB, shared with other work`,
  config: CONFIG,
  phaseSeconds: round(PHASE_SECONDS),
  schedule: SCHEDULE.map((state, i) => ({ from: round(i * PHASE_SECONDS), to: round((i + 1) * PHASE_SECONDS), state })),
  clientTimeoutMs: CLIENT_TIMEOUT_MS,
  kinds,
  latency: summarise(all),
  statuses: summarise(all).statuses,
  errorsByStatus,
  clientFailures,
  accessLogLines,
  upstream: {
    total: upstream.requests.length,
    duringSoak: upstreamDuringSoak,
    byResult: Object.fromEntries(Object.entries(after.byResult).map(([result, count]) => [result, count - (before.byResult[result] ?? 0)]).filter(([, count]) => count > 0)),
    maxQueueDepth: queueDepths.length ? Math.max(...queueDepths) : null,
  },
  byState,
  rss: {
    startMb: round(samples[0].rssMb),
    endMb: round(samples.at(-1).rssMb),
    peakMb: round(peakRssMb),
    samples: samples.filter((sample, i) => i === samples.length - 1 || sample.second % Math.max(1, Math.round(SECONDS / 12)) === 0)
      .filter((sample, i, list) => list.findIndex((other) => other.second === sample.second) === i)
      .map((sample) => ({ second: sample.second, rssMb: Math.round(sample.rssMb), upstreamCalls: sample.upstreamCalls })),
  },
  heapGrowthMb: round(heapGrowthMb),
  gatewayExitCode: exitCode,
  updatedAt: new Date().toISOString(),
};
mkdirSync(`${root}test/.results/`, { recursive: true });
writeFileSync(`${root}test/.results/soak.json`, `${JSON.stringify(figures, null, 2)}\n`);
writeSoakSection(`${root}docs/reliability.md`, figures);

const line = (kind) => `${kind} p50 ${kinds[kind].p50} ms p99 ${kinds[kind].p99} ms ${JSON.stringify(kinds[kind].statuses)}`;
console.log(`soak: ${figures.requests} requests in ${figures.seconds} s (${figures.requestsPerSecond}/s); ${Object.keys(kinds).map(line).join('; ')}; ` +
  `upstream calls ${upstreamDuringSoak}; RSS ${figures.rss.startMb} → ${figures.rss.endMb} MB (peak ${figures.rss.peakMb}); gateway exit ${exitCode}`);
console.log('test/.results/soak.json and the soak section of docs/reliability.md written');
if (problems.length) {
  console.error(`soak failed: ${problems.join('; ')}`);
  process.exit(1);
}
process.exit(0);
