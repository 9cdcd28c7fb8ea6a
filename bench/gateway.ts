/**
 * Gateway benchmark (prints figures; not a test). `npm run bench:gateway [-- --duration 5 --rounds 5]`
 *  1. Upstream bytes vs Embed API bytes (raw and gzip) for a route map and an occupation, on the embedded dataset.
 *  2. Requests per second for a cached `routes/{slug}.json` through the gateway, against a plain node:http server
 *     sending the same bytes, on loopback with autocannon — the ratio is the gateway's overhead. autocannon and both
 *     servers share this process (and the machine), so compare ratios across runs, not absolute figures.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { configFromEnv, createGateway, DEFAULT_FIXTURES_DIR, startServer } from '@occupational-maps/gateway';
import { findRoute } from '@occupational-maps/core';
// @ts-expect-error autocannon ships no type declarations.
import autocannon from 'autocannon';
import { median, printRow } from './rows.mjs';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '5' }, rounds: { type: 'string', default: '5' }, connections: { type: 'string', default: '32' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Math.max(1, Number(values.rounds));
const fixtures = DEFAULT_FIXTURES_DIR;
const ROUTE = 'engineering-manufacturing';
const OCCUPATION = 'OCC0499';

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const sizes = (bytes: Buffer) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

const gateway = await createGateway({ config: { ...configFromEnv({}), fixturesDir: fixtures }, source: 'fixtures' });
const server = await startServer(gateway.createApp({ rateLimit: null }), 0, '127.0.0.1');
const fetchBytes = async (path: string) => Buffer.from(await (await fetch(`${server.url}${path}`, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer());

console.log('1. Upstream vs Embed API bytes (embedded dataset)\n');
const route = findRoute(ROUTE)!;
const upstreamRoute = await readFile(`${fixtures}maps/routes/${route.id}.json`);
const upstreamOccupation = Buffer.concat([await readFile(`${fixtures}maps/occupations/${OCCUPATION}.json`), await readFile(`${fixtures}standards/ST0499.json`).catch(() => Buffer.alloc(0))]);
const rows: Array<[string, Buffer, Buffer]> = [
  [`route ${ROUTE} (tree → routes/${ROUTE}.json)`, upstreamRoute, await fetchBytes(`/v1/routes/${ROUTE}.json`)],
  [`occupation ${OCCUPATION} (B record + A standard → occupations/${OCCUPATION}.json)`, upstreamOccupation, await fetchBytes(`/v1/occupations/${OCCUPATION}.json`)],
];
for (const [label, upstream, embed] of rows) {
  const [u, e] = [sizes(upstream), sizes(embed)];
  console.log(`${label}\n  upstream ${kib(u.raw)} (gzip ${kib(u.gzip)})  →  embed ${kib(e.raw)} (gzip ${kib(e.gzip)})  = ${((e.gzip / u.gzip) * 100).toFixed(0)} % of the upstream gzip bytes`);
  printRow({ section: 'Payload', name: `Embed bytes, gzip: ${label}`, value: e.gzip, unit: 'B', baselineName: 'the upstream records it is made from, gzip', baseline: u.gzip, goal: '≤ 1× the upstream', pass: e.gzip <= u.gzip, note: `${kib(e.raw)} raw against ${kib(u.raw)} upstream` });
}
console.log('  (the route map also carries progression edges gathered from one progression call per occupation)\n');

console.log(`2. Requests per second, cached routes/${ROUTE}.json, ${connections} connections, ${rounds} × ${duration} s each side, alternating, loopback\n`);
const body = await fetchBytes(`/v1/routes/${ROUTE}.json`);
const plain = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': 'public, max-age=300', ETag: '"x"' });
  res.end(body);
});
await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;

const measure = async (url: string, seconds = duration) => {
  const result = await autocannon({ url, connections, duration: seconds, headers: { 'accept-encoding': 'identity' } });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average as number;
};
const gatewayUrl = `${server.url}/v1/routes/${ROUTE}.json`;
// Warm both (JIT, sockets) for a second, then alternate so neither side always runs on a hotter machine.
await measure(gatewayUrl, 1);
await measure(plainUrl, 1);
const runs = { gateway: [] as number[], plain: [] as number[] };
for (let round = 0; round < rounds; round++) {
  runs.plain.push(await measure(plainUrl));
  runs.gateway.push(await measure(gatewayUrl));
}
const [viaGateway, viaPlain] = [median(runs.gateway), median(runs.plain)];
console.log(`  gateway     ${viaGateway.toFixed(0)} req/s`);
console.log(`  node:http   ${viaPlain.toFixed(0)} req/s`);
console.log(`  ratio       ${(viaGateway / viaPlain).toFixed(2)} (gateway / plain server, same ${kib(body.length)} body)`);
// The gateway does routing, ETags, negotiation and headers a plain server skips; keeping half its speed is the goal.
printRow({
  section: 'Gateway', name: `Throughput, cached routes/${ROUTE}.json`, value: viaGateway, unit: 'req/s', baselineName: 'plain node:http server sending the same bytes', baseline: viaPlain,
  goal: '≥ 0.5× the baseline', pass: viaGateway >= viaPlain * 0.5, note: `median of ${rounds} × ${duration} s autocannon runs per side, ${connections} connections, alternating`,
});

await server.close();
plain.close();
