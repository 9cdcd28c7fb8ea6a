#!/usr/bin/env node
// `npm start`: the gateway on the embedded offline dataset, with the demo page at `/`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureCdnBundle } from './build.mjs';

// The demo page loads the elements' CDN bundle: build it when it is missing or older than the sources.
try {
  ensureCdnBundle();
} catch (error) {
  console.error(`The elements bundle could not be built, so the demo page will show fallback content only: ${error.message}`);
}

const bin = fileURLToPath(new URL('../packages/gateway/bin/om-gateway.js', import.meta.url));
const child = spawn(process.execPath, [bin, 'serve', '--demo', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
