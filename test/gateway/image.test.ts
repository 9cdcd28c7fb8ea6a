/**
 * The container image's contents: scripts/gateway-image.mjs assembles the runtime tree that packages/gateway/Dockerfile
 * copies (and nothing else); the gateway runs from exactly that tree, with no access to this checkout, and serves the
 * elements bundle, a theme and the Embed API. Needs `npm run build` first (npm test builds before the Node tests).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { assemble } = (await import(`${root}scripts/gateway-image.mjs`)) as { assemble: (out: string) => { packages: number; bytes: number } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Outside the checkout, so no node_modules above it can stand in for a missing dependency.
const parent = mkdtempSync(join(tmpdir(), 'om-image-'));
const tree = join(parent, 'app');
after(() => rmSync(parent, { recursive: true, force: true }));

test('the Dockerfile copies only the output of scripts/gateway-image.mjs into the runtime stage', () => {
  const dockerfile = readFileSync(`${root}packages/gateway/Dockerfile`, 'utf8');
  const lines = dockerfile.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#'));
  const stages = lines.reduce<string[][]>((list, line) => (line.startsWith('FROM ') ? [...list, [line]] : (list.at(-1)!.push(line), list)), []);
  assert.equal(stages.length, 2);
  const [build, runtime] = stages;
  assert.ok(build.some((line) => /node scripts\/gateway-image\.mjs --out \/runtime\b/.test(line)), 'the build stage runs the script into /runtime');
  assert.deepEqual(runtime.filter((line) => /^(COPY|ADD) /.test(line)), ['COPY --from=build /runtime /app']);
  assert.ok(runtime.includes('WORKDIR /app'));
  const cmd = JSON.parse(runtime.find((line) => line.startsWith('CMD '))!.slice(4));
  assert.deepEqual(cmd, ['node', 'packages/gateway/bin/om-gateway.js', 'serve']);
});

test('the gateway runs from exactly the assembled tree and serves the elements bundle, themes and /v1/', async () => {
  const { packages } = assemble(tree);
  assert.ok(packages > 5);
  // Runtime files only: no sources (so bin/ runs dist/), no dev tools.
  assert.ok(!existsSync(join(tree, 'packages/gateway/src')) && !existsSync(join(tree, 'packages/elements/src')));
  for (const dev of ['typescript', 'tsx', 'rollup', 'lit', 'storybook', 'autocannon']) assert.ok(!existsSync(join(tree, 'node_modules', dev)), `${dev} is not in the image`);
  // Where this checkout's npm put them: hoisted, or nested under the gateway.
  for (const needed of ['hono', 'prom-client', 'hono-rate-limiter', 'htmlparser2', 'valibot', '@hono/node-server']) {
    const places = ['node_modules', 'packages/gateway/node_modules'].map((folder) => join(tree, folder, needed, 'package.json'));
    assert.ok(places.some((place) => existsSync(place)), `${needed} is in the image`);
  }
  // The command the Dockerfile runs, from the folder it runs in.
  const child = spawn(process.execPath, ['packages/gateway/bin/om-gateway.js', 'serve', '--port', '0'], {
    cwd: tree,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', NODE_ENV: 'production', OM_ACCESS_LOG: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exit = once(child, 'exit');
  try {
    let base: string | undefined;
    const deadline = Date.now() + 30_000;
    while (!(base = stderr.match(/Embed API v1 at (http:\/\/[\d.]+:\d+)\/v1\//)?.[1])) {
      assert.ok(child.exitCode === null && Date.now() < deadline, `the gateway did not start from the tree:\n${stderr}`);
      await sleep(50);
    }
    const bundle = await request(base, '/elements/occupational-maps.js');
    assert.equal(bundle.status, 200);
    assert.match(String(bundle.headers['content-type']), /^text\/javascript/);
    assert.deepEqual(bundle.body, readFileSync(`${root}packages/elements/dist/cdn/occupational-maps.js`), 'the built bundle, byte for byte');
    const chunk = readdirSync(join(tree, 'packages/elements/dist/cdn')).find((name) => name.endsWith('.js') && name !== 'occupational-maps.js');
    assert.ok(chunk, 'the lazy chunks are there too');
    assert.equal((await request(base, `/elements/${chunk}`)).status, 200);
    const theme = await request(base, '/elements/themes/govuk.css');
    assert.equal(theme.status, 200);
    assert.match(String(theme.headers['content-type']), /^text\/css/);

    const routes = await request(base, '/v1/routes.json');
    assert.equal(routes.status, 200);
    assert.equal(JSON.parse(routes.body.toString()).routes.length, 15);
    assert.equal((await request(base, '/healthz')).status, 200);
    assert.equal((await request(base, '/v1/occupations/OCC0499.json')).status, 200);
    child.kill('SIGTERM');
    assert.deepEqual(await exit, [0, null]);
  } finally {
    child.kill('SIGKILL');
  }
});
