/** Runs the app on Node's HTTP server, and serves the elements bundle, the theme presets and (`--demo`) the demo page. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
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

/**
 * The elements package beside the gateway: the workspace's packages/elements, or @occupational-maps/elements when
 * the gateway is installed from npm with it. `null` when it is not installed, and then /elements/ is a 404.
 */
const elementsRoot: URL | null = (() => {
  try {
    return new URL('./', pathToFileURL(createRequire(import.meta.url).resolve('@occupational-maps/elements/package.json')));
  } catch {
    return null;
  }
})();

/** Bundle files (the entry, its lazy chunks, source maps): plain names only, so no path can leave the folder. */
const BUNDLE_FILE = /^[\w-]+(?:\.[\w-]+)*\.(?:js|js\.map)$/;
/** The theme presets (packages/elements/themes/*.css). */
const THEME_FILE = /^[\w-]+\.css$/;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

export type Asset = { body: Uint8Array; type: string };

async function readAsset(file: URL | null): Promise<Asset | null> {
  if (!file) return null;
  const extension = file.pathname.slice(file.pathname.lastIndexOf('.'));
  try {
    return { body: new Uint8Array(await readFile(file)), type: CONTENT_TYPES[extension] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/**
 * The elements' CDN bundle (`/elements/occupational-maps.js` and the chunks beside it, once built) and the theme
 * presets (`/elements/themes/*.css`). Served by every `om-gateway serve`, so a page that loads the bundle from the
 * gateway finds the Embed API beside it with no configuration.
 */
export async function elementsAssets(path: string): Promise<Asset | null> {
  if (!elementsRoot) return null;
  const name = path.match(/^\/elements\/([^/]+)$/)?.[1];
  const theme = path.match(/^\/elements\/themes\/([^/]+)$/)?.[1];
  if (name && BUNDLE_FILE.test(name)) return readAsset(new URL(`dist/cdn/${name}`, elementsRoot));
  if (theme && THEME_FILE.test(theme)) return readAsset(new URL(`themes/${theme}`, elementsRoot));
  return null;
}

/** `serve --demo`: the demo page (examples/demo/) at `/` as well as the elements. */
export async function demoAssets(path: string): Promise<Asset | null> {
  return path === '/index.html' ? readAsset(repoFile('examples/demo/index.html')) : elementsAssets(path);
}
