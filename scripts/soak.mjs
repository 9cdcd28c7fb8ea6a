#!/usr/bin/env node
// `npm run soak`: 10,000 requests at concurrency 50 on cached documents against a real gateway (embedded dataset) on
// loopback, with memory sampled throughout. Fails on any error or non-2xx, or when memory keeps growing.
// Options: --requests N (default 10000), --connections N (default 50). Writes test/.results/soak.json.
// Runs as `node --conditions=source --import tsx scripts/soak.mjs` (the gateway is TypeScript source).
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { configFromEnv, createGateway, createLogger, startServer } from '@occupational-maps/gateway';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '10000' }, connections: { type: 'string', default: '50' } } });
const amount = Number(values.requests);
const connections = Number(values.connections);
/** Heap growth between the first and the last quarter of the run that counts as a leak. */
const MAX_HEAP_GROWTH_MB = 64;
const MAX_RSS_MB = 768;

const PATHS = ['/v1/meta.json', '/v1/routes.json', '/v1/routes/digital.json', '/v1/routes/construction.json', '/v1/occupations/OCC0118.json',
  '/v1/occupations/OCC0499.json', '/v1/progression/OCC0118.json', '/v1/soc/3544.json', '/v1/standards/ST0118.json', '/v1/search-index.json'];

const gateway = await createGateway({ config: configFromEnv({}), source: 'fixtures', log: createLogger({ quiet: true }) });
const server = await startServer(gateway.createApp(), 0);
for (const path of PATHS) {
  const res = await fetch(`${server.url}${path}`);
  if (!res.ok) throw new Error(`Warm-up: ${path} answered ${res.status}`);
}

const samples = [];
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  samples.push({ at: performance.now(), rssMb: rss / 1e6, heapMb: heapUsed / 1e6 });
};
sample();
const timer = setInterval(sample, 250);
const started = performance.now();
const result = await autocannon({ url: server.url, connections, amount, requests: PATHS.map((path) => ({ method: 'GET', path })), headers: { 'accept-encoding': 'br, gzip' } });
clearInterval(timer);
sample();
await server.close();

const quarter = Math.max(1, Math.floor(samples.length / 4));
const average = (list) => list.reduce((sum, item) => sum + item.heapMb, 0) / list.length;
const heapGrowthMb = average(samples.slice(-quarter)) - average(samples.slice(0, quarter));
const peakRssMb = Math.max(...samples.map((item) => item.rssMb));
const figures = {
  requests: result.requests.total,
  connections,
  seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  requestsPerSecond: Math.round(result.requests.average),
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  peakRssMb: Number(peakRssMb.toFixed(1)),
  heapGrowthMb: Number(heapGrowthMb.toFixed(1)),
  memorySamples: samples.length,
  updatedAt: new Date().toISOString(),
};
mkdirSync(new URL('../test/.results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../test/.results/soak.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);

const problems = [
  figures.requests < amount && `only ${figures.requests} of ${amount} requests completed`,
  figures.errors && `${figures.errors} connection errors`,
  figures.timeouts && `${figures.timeouts} timeouts`,
  figures.non2xx && `${figures.non2xx} non-2xx answers`,
  heapGrowthMb > MAX_HEAP_GROWTH_MB && `heap grew ${heapGrowthMb.toFixed(1)} MB from the first to the last quarter`,
  peakRssMb > MAX_RSS_MB && `RSS peaked at ${peakRssMb.toFixed(0)} MB`,
].filter(Boolean);
console.log(`soak: ${figures.requests} requests at concurrency ${connections} in ${figures.seconds} s (${figures.requestsPerSecond}/s, p99 ${figures.latencyMs.p99} ms); ` +
  `${figures.errors} errors, ${figures.non2xx} non-2xx; peak RSS ${figures.peakRssMb} MB, heap growth ${figures.heapGrowthMb} MB`);
if (problems.length) {
  console.error(`soak failed: ${problems.join('; ')}`);
  process.exit(1);
}
