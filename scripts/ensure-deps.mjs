#!/usr/bin/env node
// Installs dependencies when node_modules is missing or older than the lockfile, so `npm start` and `npm test`
// work on a fresh clone with nothing but Node and npm.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lock = `${root}package-lock.json`;
const installed = `${root}node_modules/.package-lock.json`;

const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  console.log('Installing dependencies (node_modules is missing or older than package-lock.json)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const flags = ['--no-fund', '--no-audit'];
  // `npm ci` is exact; `npm install` is the fallback for a registry that lacks an optional platform binary.
  let result = spawnSync(npm, ['ci', ...flags], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) result = spawnSync(npm, ['install', ...flags], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Could not install dependencies: run `npm install` and read its error.');
    process.exit(result.status ?? 1);
  }
}
