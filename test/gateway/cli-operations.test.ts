/**
 * The real CLI (`packages/gateway/bin/om-gateway.js serve`) as a child process against the mock upstream on loopback:
 * graceful shutdown on SIGTERM (a slow request in flight completes, new connections are refused, exit 0), the
 * shutdown limit, and `serve --warm` with /readyz.
 */
import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { WARM_PATHS } from '@occupational-maps/gateway';
import { API_KEY, request, startUpstream } from './helpers.js';

const BIN = fileURLToPath(new URL('../../packages/gateway/bin/om-gateway.js', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const upstream = await startUpstream();
after(() => upstream.close());

interface Cli {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Starts `om-gateway serve` on a free port and resolves once it says where it listens. */
async function startCli(args: string[] = [], env: Record<string, string> = {}): Promise<Cli> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      OM_API_KEY: API_KEY,
      OM_MAPS_API_BASE: upstream.mapsBase,
      OM_STANDARDS_API_BASE: upstream.standardsBase,
      OM_UPSTREAM_RETRIES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (!(url = stderr.match(/Embed API v1 at (http:\/\/[\d.]+:\d+)\/v1\//)?.[1])) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`om-gateway serve did not start:\n${stderr}`);
    await sleep(50);
  }
  return { child, url, stdout: () => stdout, stderr: () => stderr, exit };
}

const isOccupation = (url: string) => /\/Occupations\/OCC0499/i.test(url);

describe('graceful shutdown', () => {
  test('SIGTERM during a slow request: it completes, new connections are refused, the process exits 0', async () => {
    upstream.override = async (req) => {
      if (isOccupation(req.url)) await sleep(3000);
      return undefined;
    };
    const cli = await startCli();
    try {
      const slow = request(cli.url, '/v1/occupations/OCC0499.json');
      const deadline = Date.now() + 10_000;
      while (!upstream.requests.some((req) => isOccupation(req.url)) && Date.now() < deadline) await sleep(20);
      cli.child.kill('SIGTERM');
      // Once the process says it has stopped listening (not after a fixed pause: a loaded machine may take a while).
      const stopping = Date.now() + 10_000;
      while (!/SIGTERM: no new connections/.test(cli.stderr()) && Date.now() < stopping) await sleep(20);
      await assert.rejects(request(cli.url, '/healthz'), /ECONNREFUSED|ECONNRESET/, 'no new connection is accepted');

      const answer = await slow;
      assert.equal(answer.status, 200);
      assert.equal(JSON.parse(answer.body.toString()).code, 'OCC0499');
      assert.equal(await cli.exit, 0);
      assert.match(cli.stderr(), /SIGTERM: no new connections; finishing requests in flight inFlight=1/);
      assert.match(cli.stderr(), /info stopped completed=1/);
      const logged = cli.stdout().trim().split('\n').map((line) => JSON.parse(line));
      assert.deepEqual(logged.map((record) => [record.path, record.status]), [['/v1/occupations/OCC0499.json', 200]]);
      assert.ok(!cli.stdout().includes(API_KEY) && !cli.stderr().includes(API_KEY));
    } finally {
      upstream.override = null;
      cli.child.kill('SIGKILL');
    }
  });

  test('a request still running at OM_SHUTDOWN_TIMEOUT_MS is cut off, and the process still exits 0', async () => {
    upstream.override = (req) => (isOccupation(req.url) ? 'hang' : undefined);
    const cli = await startCli([], { OM_SHUTDOWN_TIMEOUT_MS: '300' });
    upstream.requests.length = 0; // the previous test asked for the same occupation
    try {
      const stuck = request(cli.url, '/v1/occupations/OCC0499.json');
      const deadline = Date.now() + 10_000;
      while (!upstream.requests.some((req) => isOccupation(req.url)) && Date.now() < deadline) await sleep(20);
      const signalled = performance.now();
      cli.child.kill('SIGTERM');
      await assert.rejects(stuck, /socket hang up|ECONNRESET/);
      assert.equal(await cli.exit, 0);
      // Generous: the limit is 300 ms, the upstream timeout 20 s.
      assert.ok(performance.now() - signalled < 10_000);
      assert.match(cli.stderr(), /shutdown limit reached: requests cut off completed=0 cut=1/);
    } finally {
      upstream.override = null;
      cli.child.kill('SIGKILL');
    }
  });
});

describe('serve --warm', () => {
  test('builds routes, meta, the route maps and the search index at start-up; /readyz waits for it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Hold the progression maps (meta.json needs them all) until the test has seen /readyz say "not yet".
    upstream.override = async (req) => {
      if (/OccupationalProgression/i.test(req.url)) await held;
      return undefined;
    };
    const cli = await startCli(['--warm']);
    try {
      let answer = await request(cli.url, '/readyz');
      assert.equal(answer.status, 503);
      assert.equal(JSON.parse(answer.body.toString()).checks.warm, 'pending');
      release();
      const deadline = Date.now() + 30_000;
      while ((answer = await request(cli.url, '/readyz')).status !== 200 && Date.now() < deadline) await sleep(100);
      assert.equal(answer.status, 200, answer.body.toString());
      assert.deepEqual(JSON.parse(answer.body.toString()).checks, { catalogue: 'loaded', key: 'accepted', warm: 'done', accepting: true });
      assert.match(cli.stderr(), new RegExp(`info warmed up documents=${WARM_PATHS.length}`));

      const calls = upstream.requests.length;
      for (const path of WARM_PATHS) assert.equal((await request(cli.url, `/v1/${path}`)).status, 200, path);
      assert.equal(upstream.requests.length, calls, 'the warmed documents cost no upstream call');
      cli.child.kill('SIGTERM');
      assert.equal(await cli.exit, 0);
    } finally {
      release();
      upstream.override = null;
      cli.child.kill('SIGKILL');
    }
  });
});
