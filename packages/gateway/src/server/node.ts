/** Runs the app on Node's HTTP server, and serves the demo page and elements bundle for `serve --demo`. */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(app: Hono, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}

const repoFile = (path: string) => new URL(`../../../../${path}`, import.meta.url);

/** The demo page (examples/demo/) and the elements' CDN bundle, when it has been built. */
export async function demoAssets(path: string): Promise<{ body: Uint8Array; type: string } | null> {
  const files: Record<string, { url: URL; type: string }> = {
    '/index.html': { url: repoFile('examples/demo/index.html'), type: 'text/html; charset=utf-8' },
    '/elements/occupational-maps.js': { url: repoFile('packages/elements/dist/cdn/occupational-maps.js'), type: 'text/javascript; charset=utf-8' },
    '/elements/occupational-maps.js.map': { url: repoFile('packages/elements/dist/cdn/occupational-maps.js.map'), type: 'application/json; charset=utf-8' },
  };
  const file = files[path];
  if (!file) return null;
  try {
    return { body: new Uint8Array(await readFile(file.url)), type: file.type };
  } catch {
    return null;
  }
}
