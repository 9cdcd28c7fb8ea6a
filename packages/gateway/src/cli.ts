/**
 * om-gateway serve [--demo] [--port N] [--source live|fixtures]
 * om-gateway snapshot --out DIR [--source live|fixtures] [--quiet]
 * om-gateway publish --out DIR [--source live|fixtures] [--base-url URL] [--quiet]
 */
import { parseArgs } from 'node:util';
import { ConfigError, configFromEnv, sourceOption } from './config.js';
import { createGateway, WARM_PATHS } from './gateway.js';
import { demoAssets, elementsAssets, startServer } from './server/node.js';
import { publish, PUBLISH_USAGE } from './publish/command.js';
import { buildSession } from './snapshot/session.js';
import { summaryLines, writeSnapshot } from './snapshot/write.js';

const USAGE = `Usage:
  om-gateway serve [--demo] [--warm] [--port N] [--source live|fixtures]
      Serve Embed API v1 under /v1/ and the elements bundle under /elements/. With --demo, also the demo page at /.
      With --warm, build routes.json, meta.json, the route maps and the search index at start-up (/readyz waits).
      SIGTERM or SIGINT: stop accepting, finish requests in flight (up to OM_SHUTDOWN_TIMEOUT_MS), exit 0.
  om-gateway snapshot --out DIR [--source live|fixtures] [--quiet]
      Write the whole static tree to DIR/v1/ (atomically: a failed run keeps the previous one).
${PUBLISH_USAGE}

The source is live when OM_API_KEY is set, else the embedded offline dataset. See docs/gateway.md.`;

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, warm: { type: 'boolean' }, port: { type: 'string' }, source: { type: 'string' } } });
  const config = configFromEnv();
  if (values.port !== undefined) config.port = configFromEnv({ PORT: values.port }).port;
  const accessLog = config.accessLog ? (line: string) => void process.stdout.write(`${line}\n`) : undefined;
  const gateway = await createGateway({ config, source: sourceOption(values.source), accessLog });
  const app = gateway.createApp({ assets: values.demo ? demoAssets : elementsAssets });
  const server = await startServer(app, config.port, config.host);
  const how =
    gateway.source === 'live'
      ? `live Skills England APIs (${config.mapsBase}); unset OM_API_KEY to use the embedded offline dataset`
      : 'the embedded offline dataset (fixtures); set OM_API_KEY to use the live Skills England APIs';
  gateway.log.info(`Embed API v1 at ${server.url}/v1/ from ${how}`);
  if (values.demo) console.log(`Demo page: ${server.url}/`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // A second signal while draining stops at once.
      if (stopping) process.exit(1);
      stopping = true;
      gateway.readiness.accepting = false;
      gateway.log.info(`${signal}: no new connections; finishing requests in flight`, { inFlight: server.inFlight, limitMs: config.shutdownTimeoutMs });
      void server.drain(config.shutdownTimeoutMs).then(({ completed, cut }) => {
        if (cut) gateway.log.warn('shutdown limit reached: requests cut off', { completed, cut });
        else gateway.log.info('stopped', { completed });
        process.exit(0);
      });
    });
  }
  if (values.warm) {
    gateway.log.info('warming up', { documents: WARM_PATHS.length });
    void gateway.warm(app).then(({ documents, failed, seconds }) => {
      if (failed.length) gateway.log.warn('warm-up incomplete; those documents are built on request', { documents, failed: failed.join(','), seconds: seconds.toFixed(1) });
      else gateway.log.info('warmed up', { documents, seconds: seconds.toFixed(1) });
    });
  }
}

async function snapshot(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' }, source: { type: 'string' }, quiet: { type: 'boolean' } } });
  if (!values.out) throw new ConfigError('snapshot needs --out DIR.');
  const quiet = Boolean(values.quiet);
  const { config, gateway, log, onProgress, end } = await buildSession({ source: values.source, quiet });
  if (!quiet) log.info(`Snapshot from ${gateway.source === 'live' ? `the live APIs (${config.mapsBase})` : 'the embedded offline dataset'} to ${values.out}/v1/`);
  const summary = await writeSnapshot({ dataset: gateway.dataset, outDir: values.out, stats: gateway.http.stats, onProgress }).finally(end);
  const lines = [
    `Wrote ${summary.documents} documents (${(summary.bytes / 1024).toFixed(0)} KiB) to ${values.out}/v1/ in ${summary.seconds.toFixed(1)} s`,
    ...summaryLines(summary, quiet),
  ];
  console.log(lines.join('\n'));
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') await serve(rest);
    else if (command === 'snapshot') await snapshot(rest);
    else if (command === 'publish') await publish(rest);
    else {
      console.log(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 1;
    }
    return 0;
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : ((error as Error)?.message ?? String(error));
    // The key is never in these messages (the HTTP layer redacts), but redact once more in case.
    const key = process.env.OM_API_KEY?.trim();
    console.error(`om-gateway: ${key ? message.split(key).join('[redacted]') : message}`);
    if (command === 'snapshot' && !(error instanceof ConfigError)) console.error('The previous snapshot, if any, is unchanged.');
    if (command === 'publish') console.error('The previous site, if any, is unchanged.');
    return 1;
  }
}

const exitCode = await main(process.argv.slice(2));
if (exitCode !== 0 || process.argv[2] !== 'serve') process.exitCode = exitCode;
