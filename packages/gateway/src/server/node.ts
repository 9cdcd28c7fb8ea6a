/** Runs the app on Node's HTTP server, and serves the elements bundle, the theme presets and (`--demo`) the demo page. */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Asset, AssetSource } from './assets.js';

export type { Asset } from './assets.js';

export interface RunningServer {
  url: string;
  port: number;
  /** Closes at once, dropping requests in flight (tests). */
  close(): Promise<void>;
  /**
   * Graceful shutdown: stops accepting connections, lets the requests in flight finish for up to `timeoutMs`, closes
   * idle keep-alive connections as they become idle, then closes what is left. Resolves with how many requests
   * completed during the drain and how many were cut off at the limit.
   */
  drain(timeoutMs: number): Promise<{ completed: number; cut: number }>;
  /** Requests received and not yet answered. */
  readonly inFlight: number;
}

export function startServer(app: Hono, port: number, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let inFlight = 0;
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        get inFlight() {
          return inFlight;
        },
        close: () =>
          new Promise<void>((done) => {
            http.closeAllConnections();
            http.close(() => done());
          }),
        drain: (timeoutMs) =>
          new Promise((done) => {
            const before = inFlight;
            let cut = 0;
            const idle = setInterval(() => http.closeIdleConnections(), 50);
            const limit = setTimeout(() => {
              cut = inFlight;
              http.closeAllConnections();
            }, timeoutMs);
            http.close(() => {
              clearInterval(idle);
              clearTimeout(limit);
              done({ completed: before - cut, cut });
            });
            http.closeIdleConnections();
          }),
      });
    });
    const http = server as unknown as Server;
    http.on('request', (_request: IncomingMessage, response: ServerResponse) => {
      inFlight++;
      response.once('close', () => inFlight--);
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
export const BUNDLE_FILE = /^[\w-]+(?:\.[\w-]+)*\.(?:js|js\.map)$/;
/** The theme presets (packages/elements/themes/*.css). */
export const THEME_FILE = /^[\w-]+\.css$/;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

const typeOf = (name: string) => CONTENT_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';

/**
 * The files of a folder whose names pass `accept`, read into memory at once, or null when the folder is missing or
 * `complete` says the set is not whole yet (a build in progress): then the next request reads again. Once loaded the
 * set is kept for the life of the process, so a request never touches the disk and a rebuild never shows half-written.
 */
function memoryFolder(folder: URL | null, accept: RegExp, complete: (files: Map<string, Asset>) => boolean = (files) => files.size > 0) {
  let loaded: Map<string, Asset> | null = null;
  let loading: Promise<Map<string, Asset> | null> | null = null;
  const load = async () => {
    if (!folder) return null;
    try {
      const files = new Map<string, Asset>();
      for (const name of await readdir(folder)) {
        if (accept.test(name)) files.set(name, { body: new Uint8Array(await readFile(new URL(name, folder))), type: typeOf(name) });
      }
      return complete(files) ? files : null;
    } catch {
      return null;
    }
  };
  return async (name: string): Promise<Asset | null> => {
    if (!accept.test(name)) return null;
    if (!loaded) {
      loading ??= load().finally(() => (loading = null));
      loaded = await loading;
    }
    return loaded?.get(name) ?? null;
  };
}

/** The CDN bundle is whole when both entries are there with every chunk they import (static or dynamic). */
export function wholeBundle(files: Map<string, Asset>): boolean {
  const decoder = new TextDecoder();
  return ['occupational-maps.js', 'occupational-maps.all.js'].every((entry) => {
    const text = files.get(entry) && decoder.decode(files.get(entry)!.body);
    if (!text) return false;
    return [...text.matchAll(/["']\.\/([\w.-]+\.js)["']/g)].every((match) => files.has(match[1]));
  });
}

/**
 * The elements' CDN bundle (`/elements/occupational-maps.js` and the chunks beside it, once built) and the theme
 * presets (`/elements/themes/*.css`) of the elements package at `root`, each folder read from disk once.
 */
export function createElementsAssets(root: URL | null): AssetSource {
  const bundleFiles = memoryFolder(root && new URL('dist/cdn/', root), BUNDLE_FILE, wholeBundle);
  const themeFiles = memoryFolder(root && new URL('themes/', root), THEME_FILE);
  return async (path) => {
    const name = path.match(/^\/elements\/([^/]+)$/)?.[1];
    const theme = path.match(/^\/elements\/themes\/([^/]+)$/)?.[1];
    if (name) return bundleFiles(name);
    if (theme) return themeFiles(theme);
    return null;
  };
}

/**
 * The installed elements package's bundle and themes. Served by every `om-gateway serve`, so a page that loads the
 * bundle from the gateway finds the Embed API beside it with no configuration. Restart the gateway to serve a new build.
 */
export const elementsAssets: AssetSource = createElementsAssets(elementsRoot);
const demoFiles = memoryFolder(repoFile('examples/demo/'), /^index\.html$/);

/** `serve --demo`: the demo page (examples/demo/) at `/` as well as the elements. */
export async function demoAssets(path: string): Promise<Asset | null> {
  return path === '/index.html' ? demoFiles('index.html') : elementsAssets(path);
}
