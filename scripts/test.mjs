#!/usr/bin/env node
// `npm test`: type-check, build, embedded-dataset snapshot (fixtures), Node tests, browser tests, Storybook build, a11y audit of its stories; ends with one plain `N passed, N failed`
// line over all suites. `node scripts/test.mjs node browser` runs only the named suites.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = new Set(process.argv.slice(2));
const wanted = (name) => only.size === 0 || only.has(name);
const stripAnsi = (text) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/** Runs a command, echoing its output, and resolves with its exit code and plain output. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => { output += chunk; stream.write(chunk); };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output: stripAnsi(output) }));
  });
}

/** Test files under the given folders, recursively (Node 20's test runner takes no globs). */
function findTests(dirs, pattern = /\.test\.ts$/) {
  const files = [];
  for (const dir of dirs) {
    const abs = `${root}${dir}`;
    if (!existsSync(abs)) continue;
    for (const entry of readdirSync(abs, { recursive: true })) {
      if (pattern.test(entry)) files.push(`${dir}/${entry}`);
    }
  }
  return files.sort();
}

const bin = (name) => `${root}node_modules/.bin/${name}`;
const totals = { passed: 0, failed: 0 };
const results = [];
const record = (suite, passed, failed) => {
  totals.passed += passed;
  totals.failed += failed;
  results.push(`${suite}: ${passed} passed, ${failed} failed`);
};

/** A step that is one check: it passes or fails as a whole. */
async function check(suite, command, args, options) {
  console.log(`\n▶ ${suite}`);
  const { code } = await run(command, args, options);
  record(suite, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  return code === 0;
}

export const NODE_TEST_DIRS = ['test/core', 'test/gateway', 'test/e2e/node'];

const steps = {
  async types() {
    await check('type-check (browser side)', bin('tsc'), ['-p', 'tsconfig.json']);
    await check('type-check (Node side)', bin('tsc'), ['-p', 'tsconfig.node.json']);
  },
  async build() {
    // generate (define/all.ts, manifest, React wrappers) + dist/ + the CDN bundle the end-to-end tests load.
    await check('Build (manifest, dist/, CDN bundle)', process.execPath, ['scripts/build.mjs']);
  },
  async fixtures() {
    // The browser tests read a static snapshot of the embedded dataset, written by the gateway's own snapshot command.
    await check('Embedded dataset snapshot (test/.snapshot/v1)', process.execPath,
      ['packages/gateway/bin/om-gateway.js', 'snapshot', '--out', 'test/.snapshot', '--source', 'fixtures', '--quiet']);
  },
  async node() {
    const files = findTests(NODE_TEST_DIRS);
    if (files.length === 0) return;
    // The end-to-end Node tests drive Chromium (playwright-core) against the built bundle and the snapshot.
    if (findTests(['test/e2e/node']).length > 0) ensureChromium();
    console.log(`\n▶ Node tests (${files.length} files)`);
    const { code, output } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
    const count = (name) => Number(output.match(new RegExp(`^ℹ ${name} (\\d+)`, 'm'))?.[1] ?? 0);
    const passed = count('pass');
    const failed = count('fail') + count('cancelled') || (code === 0 ? 0 : 1);
    record('Node tests', passed, failed);
  },
  async browser() {
    if (findTests(['test/elements', 'test/e2e/browser']).length === 0) return;
    ensureChromium();
    console.log('\n▶ Browser tests (web-test-runner, headless Chromium)');
    const { code, output } = await run(bin('web-test-runner'), ['--config', 'web-test-runner.config.js', '--static-logging']);
    const summary = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
    const passed = Number(summary?.[1] ?? 0);
    const failed = Number(summary?.[2] ?? 0) || (code === 0 ? 0 : 1);
    record('Browser tests', passed, failed);
  },
  async storybook() {
    if (findTests(['stories'], /\.stories\.ts$/).length === 0 || !existsSync(`${root}.storybook/main.ts`)) return;
    await check('Storybook build', bin('storybook'), ['build', '-o', 'storybook-static', '--quiet'], { env: { STORYBOOK_DISABLE_TELEMETRY: '1' } });
  },
  async a11y() {
    // axe (WCAG 2.2 AA), 320 px reflow, reduced motion, forced colours and visible focus on every story built above.
    if (findTests(['stories'], /\.stories\.ts$/).length === 0 || !existsSync(`${root}.storybook/main.ts`)) return;
    ensureChromium();
    await check('Accessibility audit of every Storybook story', process.execPath,
      ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', 'test/e2e/node/storybook-a11y.audit.ts']);
  },
};

for (const [name, step] of Object.entries(steps)) {
  if (wanted(name)) await step();
}

console.log(`\n${results.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
