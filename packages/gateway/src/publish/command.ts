/** `om-gateway publish`: the command line of publish.ts (cli.ts dispatches here). */
import { parseArgs } from 'node:util';
import { ConfigError } from '../config.js';
import { buildSession } from '../snapshot/session.js';
import { summaryLines } from '../snapshot/write.js';
import { publishSite } from './publish.js';

export const PUBLISH_USAGE = `  om-gateway publish --out DIR [--source live|fixtures] [--base-url URL] [--quiet]
      Write a complete static site to DIR: v1/ (the API), elements/ (the bundle and themes), index.html (live
      examples and copy-paste code for this site's URL), _headers and .nojekyll. A failed run keeps the previous site.`;

export async function publish(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, source: { type: 'string' }, 'base-url': { type: 'string' }, quiet: { type: 'boolean' } },
  });
  if (!values.out) throw new ConfigError('publish needs --out DIR.');
  const quiet = Boolean(values.quiet);
  const { config, gateway, log, onProgress, end } = await buildSession({ source: values.source, quiet });
  if (!quiet) log.info(`Publishing ${gateway.source === 'live' ? `the live APIs (${config.mapsBase})` : 'the embedded offline dataset'} to ${values.out}/`);
  const summary = await publishSite({
    dataset: gateway.dataset,
    outDir: values.out,
    baseUrl: values['base-url'] ?? null,
    stats: gateway.http.stats,
    onProgress,
    maxAgeSeconds: config.maxAgeSeconds,
    staleWhileRevalidateSeconds: config.staleWhileRevalidateSeconds,
  }).finally(end);
  const lines = [
    `Published ${summary.files} files (${(summary.siteBytes / 1e6).toFixed(2)} MB) to ${values.out}/ in ${summary.seconds.toFixed(1)} s: ` +
      `${summary.documents} documents, the elements bundle from ${summary.elementsFrom}, index.html, _headers`,
    ...summaryLines(summary, quiet),
  ];
  console.log(lines.join('\n'));
}
