#!/usr/bin/env node
// Runs the built CLI (dist/cli.js) when there is one that is not older than the sources; otherwise (a fresh clone
// without a build, or sources edited since) re-runs Node on the TypeScript source through tsx, a root
// devDependency, with the `source` export condition. Installed from npm (under node_modules/) it always runs
// dist/: npm does not keep file times when it unpacks a package, so src/ may look newer, and tsx is not there.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const sources = fileURLToPath(new URL('../src/', import.meta.url));

function newestSource() {
  if (!existsSync(sources)) return 0;
  let newest = 0;
  for (const entry of readdirSync(sources, { recursive: true })) {
    if (String(entry).endsWith('.ts')) newest = Math.max(newest, statSync(`${sources}${entry}`).mtimeMs);
  }
  return newest;
}

const installed = fileURLToPath(import.meta.url).split(/[\\/]/).includes('node_modules');

if (existsSync(built) && (installed || statSync(built).mtimeMs >= newestSource())) {
  await import(new URL('../dist/cli.js', import.meta.url).href);
} else {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', `${sources}cli.ts`, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
