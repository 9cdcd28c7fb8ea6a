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
/** Bundle files (the entry, its lazy chunks, source maps): plain names only, so no path can leave the folder. */
const BUNDLE_FILE = /^[\w-]+(?:\.[\w-]+)*\.(?:js|js\.map)$/;
/** The theme presets (packages/elements/themes/*.css), so the demo page can switch between them. */
const THEME_FILE = /^[\w-]+\.css$/;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** The demo page (examples/demo/) and the elements' CDN bundle with its chunks, when it has been built. */
export async function demoAssets(path: string): Promise<{ body: Uint8Array; type: string } | null> {
  let file: URL | null = null;
  if (path === '/index.html') file = repoFile('examples/demo/index.html');
  else {
    const name = path.match(/^\/elements\/([^/]+)$/)?.[1];
    const theme = path.match(/^\/elements\/themes\/([^/]+)$/)?.[1];
    if (name && BUNDLE_FILE.test(name)) file = repoFile(`packages/elements/dist/cdn/${name}`);
    else if (theme && THEME_FILE.test(theme)) file = repoFile(`packages/elements/themes/${theme}`);
  }
  if (!file) return null;
  const extension = file.pathname.slice(file.pathname.lastIndexOf('.'));
  const type = CONTENT_TYPES[extension] ?? 'text/javascript; charset=utf-8';
  try {
    return { body: new Uint8Array(await readFile(file)), type };
  } catch {
    return null;
  }
}
