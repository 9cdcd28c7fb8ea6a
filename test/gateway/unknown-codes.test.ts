/**
 * Catalogue-driven answers: codes the catalogue of route trees does not hold cost no upstream call, and cannot grow
 * memory, however many arrive; a bare code whose options are on the maps is a 404 that names them.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request as send } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isErrorDocument } from '@occupational-maps/core';
import { startServer } from '@occupational-maps/gateway';
import { liveGateway, request, startUpstream } from './helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const upstream = await startUpstream();
const gateway = await liveGateway(upstream, { rateLimitPerSecond: 0 });
const server = await startServer(gateway.createApp(), 0);
after(async () => {
  await server.close();
  await upstream.close();
});

const getJson = async (path: string) => {
  const res = await request(server.url, path);
  return { ...res, json: JSON.parse(res.body.toString('utf8')) };
};

test('a bare code whose options are on the maps answers 404 naming them, for occupations and progression maps', async () => {
  await getJson('/v1/routes.json');
  const before = upstream.requests.length;
  for (const path of ['/v1/occupations/OCC0120.json', '/v1/progression/occ0120.json']) {
    const res = await getJson(path);
    assert.equal(res.status, 404, path);
    assert.equal(res.json.error.code, 'not-found');
    assert.deepEqual(res.json.error.options.map((option: { code: string }) => option.code), ['OCC0120A', 'OCC0120B']);
    assert.ok(res.json.error.options.every((option: { title: string }) => option.title.length > 0));
    assert.match(res.json.error.message, /^OCC0120 has options: OCC0120A \(.+\), OCC0120B \(.+\)$/);
    assert.ok(isErrorDocument(res.json), 'valid against the core error schema');
  }
  const plain = await getJson('/v1/occupations/OCC0499A.json');
  assert.deepEqual(plain.json, { error: { code: 'not-found', message: 'No occupation found for OCC0499A.' } }, 'no options: no options key');
  assert.equal(upstream.requests.length, before, 'answered from the catalogue');
});

test('10,000 requests for random unknown codes at concurrency 50: 0 upstream calls, memory flat', async () => {
  await getJson('/v1/routes.json'); // the catalogue is loaded once
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  const statuses = new Map<number, number>();
  const hit = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const url = new URL(server.url);
      const req = send({ host: url.hostname, port: url.port, path, agent }, (res) => {
        statuses.set(res.statusCode!, (statuses.get(res.statusCode!) ?? 0) + 1);
        res.resume().on('end', resolve).on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  const randomPath = () => {
    const n = Math.floor(Math.random() * 90_000) + 10_000;
    const kind = n % 3;
    return kind === 0 ? `/v1/occupations/OCC${n}.json` : kind === 1 ? `/v1/progression/OCC${n}.json` : `/v1/standards/ST${n}.json`;
  };
  const run = async (total: number) => {
    let sent = 0;
    await Promise.all(Array.from({ length: 50 }, async () => {
      while (sent < total) {
        sent++;
        await hit(randomPath());
      }
    }));
  };
  await run(1000); // warm-up: JIT, sockets, buffers
  gc();
  const before = process.memoryUsage();
  const callsBefore = upstream.requests.length;
  const remembered = gateway.dataset.rememberedCount;
  statuses.clear();
  const started = performance.now();
  await run(5_000);
  gc();
  const middle = process.memoryUsage();
  await run(5_000);
  const seconds = (performance.now() - started) / 1000;
  gc();
  const after = process.memoryUsage();
  agent.destroy();
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  const heapGrowthMb = (after.heapUsed - before.heapUsed) / 1e6;
  const secondHalfMb = (after.heapUsed - middle.heapUsed) / 1e6;
  const rssGrowthMb = (after.rss - before.rss) / 1e6;
  console.log(
    `unknown codes: 10,000 requests in ${seconds.toFixed(1)} s (${Math.round(10_000 / seconds)}/s); ${upstream.requests.length - callsBefore} upstream calls; ` +
      `heap after GC ${mb(before.heapUsed)} → ${mb(middle.heapUsed)} → ${mb(after.heapUsed)} MB (start, 5,000, 10,000); RSS ${mb(before.rss)} → ${mb(after.rss)} MB`,
  );
  assert.deepEqual([...statuses], [[404, 10_000]]);
  assert.equal(upstream.requests.length - callsBefore, 0, 'no upstream call for a code the catalogue does not hold');
  assert.equal(gateway.dataset.rememberedCount, remembered, 'nothing new remembered');
  assert.ok(heapGrowthMb < 8, `heap grew ${heapGrowthMb.toFixed(1)} MB`);
  assert.ok(secondHalfMb < 2, `heap grew ${secondHalfMb.toFixed(1)} MB over the second 5,000: it keeps growing`);
  assert.ok(rssGrowthMb < 64, `RSS grew ${rssGrowthMb.toFixed(1)} MB`);
});
