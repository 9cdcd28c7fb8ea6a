#!/usr/bin/env node
// `npm start`: the gateway on the embedded offline dataset, with the demo page at `/`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../packages/gateway/bin/om-gateway.js', import.meta.url));
const child = spawn(process.execPath, [bin, 'serve', '--demo', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
