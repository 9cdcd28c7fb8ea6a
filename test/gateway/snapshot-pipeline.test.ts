/**
 * How a snapshot uses the upstream (issue #18: a live snapshot within 1.2× the latency floor, calls × latency ÷
 * concurrency). A mock upstream on loopback holds every request it receives and answers them together once
 * `concurrency` are held — or, when fewer arrive, after a pause. Each pause is a moment the gateway left a slot
 * empty, so counting them counts where the upstream queue ran dry; no timing is asserted.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFromEnv, createGateway, createLogger, DEFAULT_FIXTURES_DIR, writeSnapshot } from '@occupational-maps/gateway';
import { API_KEY, liveGateway, startUpstream, type MockUpstream, type UpstreamRequest } from './helpers.js';

const work = await mkdtemp(join(tmpdir(), 'om-snapshot-pipeline-'));
after(() => rm(work, { recursive: true, force: true }));

const CONCURRENCY = 4;
/** How long the mock waits for a full set of requests before answering the ones it holds. */
const PAUSE_MS = 300;

/** Holds requests until `size` are held (answered at once) or PAUSE_MS pass without a new one (a pause). */
function barrier(upstream: MockUpstream, size: number) {
  const state = { held: [] as Array<{ url: string; release: () => void }>, mostHeld: 0, fullSets: 0, pauses: [] as string[][] };
  let timer: NodeJS.Timeout | undefined;
  const releaseAll = () => {
    clearTimeout(timer);
    const held = state.held.splice(0);
    for (const { release } of held) release();
    return held.map(({ url }) => url);
  };
  upstream.override = ({ url }: UpstreamRequest) =>
    new Promise<undefined>((resolve) => {
      state.held.push({ url, release: () => resolve(undefined) });
      state.mostHeld = Math.max(state.mostHeld, state.held.length);
      clearTimeout(timer);
      if (state.held.length >= size) {
        state.fullSets++;
        releaseAll();
      } else timer = setTimeout(() => state.pauses.push(releaseAll()), PAUSE_MS);
    });
  return state;
}

const kindOf = (url: string) => new URL(url, 'http://x').pathname.split('/').at(-2) ?? url;

test('a snapshot asks for each upstream record once, never more than the concurrency at a time, and keeps every slot busy until the last calls', async () => {
  const upstream = await startUpstream(DEFAULT_FIXTURES_DIR);
  try {
    const gateway = await liveGateway(upstream, { concurrency: CONCURRENCY });
    const state = barrier(upstream, CONCURRENCY);
    const summary = await writeSnapshot({ dataset: gateway.dataset, outDir: join(work, 'barrier'), stats: gateway.http.stats });
    assert.deepEqual(summary.skippedDocuments, []);
    const urls = upstream.requests.map((request) => request.url);
    assert.ok(urls.length > 300, `${urls.length} upstream calls`);
    assert.equal(summary.upstreamCalls, urls.length);
    const repeated = urls.filter((url, index) => urls.indexOf(url) !== index);
    assert.deepEqual(repeated, [], 'no record is asked for twice');
    assert.equal(state.mostHeld, CONCURRENCY, 'never more than the concurrency in flight, and that many at once');
    // Where a slot may stay empty: the route list (nothing else is known before it), the last round of route trees
    // (the occupations are not known until every tree is in) and the last calls of the run. Nowhere else.
    const [list, trees, ...rest] = state.pauses;
    assert.deepEqual(list?.map(kindOf), ['v1'], `first pause: the route list alone (${list})`);
    assert.ok(trees?.every((url) => kindOf(url) === 'Routes'), `second pause: the last route trees (${trees})`);
    const lastCalls = urls.slice(-2 * CONCURRENCY);
    for (const pause of rest) for (const url of pause) assert.ok(lastCalls.includes(url), `a slot was left empty before the end, at ${pause.join(', ')}`);
    assert.ok(rest.length <= 3, `${rest.length} pauses at the end`);
    assert.ok(state.fullSets > urls.length / CONCURRENCY - 6, `${state.fullSets} full sets of ${CONCURRENCY} in ${urls.length} calls`);
  } finally {
    await upstream.close();
  }
});

test('documents that need no upstream call of their own are written while the upstream is still answering', async () => {
  const upstream = await startUpstream(DEFAULT_FIXTURES_DIR);
  const held: Array<() => void> = [];
  let releaseAll = false;
  // Every occupation record is held until the test lets go: the documents that wait on them cannot finish.
  upstream.override = ({ url }) =>
    url.includes('/Occupations/') && !releaseAll ? new Promise<undefined>((resolve) => held.push(() => resolve(undefined))) : undefined;
  try {
    const gateway = await liveGateway(upstream, { concurrency: CONCURRENCY, timeoutMs: 60_000 });
    const paths = await gateway.dataset.allPaths();
    const local = paths.filter((path) => path === 'routes.json' || /^(standards|soc|progression)\//.test(path));
    assert.ok(local.length > 400, `${local.length} local documents`);
    let done = 0;
    const run = writeSnapshot({ dataset: gateway.dataset, outDir: join(work, 'lanes'), onProgress: (count) => (done = count) });
    const deadline = Date.now() + 30_000;
    while (done < local.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const doneWhileHeld = done;
    const inFlight = held.length;
    const waiting = gateway.dataset.upstreamQueue().waiting;
    releaseAll = true;
    for (const release of held.splice(0)) release();
    const summary = await run;
    assert.ok(doneWhileHeld >= local.length, `${doneWhileHeld} documents written while the occupations were held; ${local.length} need no upstream call`);
    assert.equal(inFlight, CONCURRENCY, 'every slot busy with an occupation');
    assert.ok(waiting >= CONCURRENCY, `${waiting} calls waiting for a slot: one is ready whenever a slot frees`);
    assert.deepEqual(summary.skippedDocuments, []);
    assert.equal(summary.documents, paths.length);
  } finally {
    await upstream.close();
  }
});

test('with API A as one list (om-gateway snapshot), the list is asked for once, first, while the route trees are walked', async () => {
  const upstream = await startUpstream(DEFAULT_FIXTURES_DIR);
  try {
    const config = { ...configFromEnv({}), apiKey: API_KEY, mapsBase: upstream.mapsBase, standardsBase: upstream.standardsBase };
    const gateway = await createGateway({ config, source: 'live', bulkStandards: true, queueLimit: Infinity, log: createLogger({ quiet: true }) });
    const summary = await writeSnapshot({ dataset: gateway.dataset, outDir: join(work, 'bulk'), stats: gateway.http.stats });
    assert.deepEqual(summary.skippedDocuments, []);
    const urls = upstream.requests.map((request) => new URL(request.url, 'http://x').pathname);
    const list = urls.filter((path) => path.startsWith('/standards/'));
    assert.deepEqual(list, ['/standards/api/apprenticeshipstandards'], 'one call for every standard');
    const firstOccupationCall = urls.findIndex((path) => /\/(Occupations|OccupationalProgression)\//.test(path));
    assert.ok(urls.indexOf(list[0]!) < firstOccupationCall, 'asked for before any occupation record');
    assert.ok((await readdir(join(work, 'bulk', 'v1', 'standards'))).length > 0);
  } finally {
    await upstream.close();
  }
});
