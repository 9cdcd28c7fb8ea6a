/**
 * What `om-gateway snapshot` and `om-gateway publish` share: the configuration, a gateway that may ask the upstream
 * for everything at once (its queue is not bounded; API A comes as one full list), and their progress on stderr —
 * API A's download as it streams in, then the documents.
 */
import { configFromEnv, sourceOption, type GatewayConfig } from '../config.js';
import { createGateway, type Gateway } from '../gateway.js';
import { createLogger, type Logger } from '../log.js';
import { createProgress } from './progress.js';

export interface BuildSession {
  config: GatewayConfig;
  gateway: Gateway;
  log: Logger;
  /** For the writer's `onProgress`; undefined when quiet. */
  onProgress?: (done: number, total: number) => void;
  /** Ends the progress lines (call once the writer is done, or has failed). */
  end(): void;
}

export async function buildSession(options: { source?: string; quiet: boolean }): Promise<BuildSession> {
  const config = configFromEnv();
  const log = createLogger({ secrets: config.apiKey ? [config.apiKey] : [], quiet: options.quiet });
  const download = options.quiet ? null : createProgress(process.stderr, 'Downloading API A', 'MB');
  const gateway = await createGateway({
    config,
    source: sourceOption(options.source),
    log,
    bulkStandards: true,
    // A snapshot asks for everything at once on purpose: its queue is not bounded.
    queueLimit: Infinity,
    onStandardsProgress: download ? (received, total) => download.update(received / 1e6, (total ?? received) / 1e6) : undefined,
  });
  const progress = options.quiet ? null : createProgress(process.stderr, 'Building');
  return {
    config,
    gateway,
    log,
    onProgress: progress
      ? (done, total) => {
          download?.end(); // the list is in once the first document is built
          progress.update(done, total);
        }
      : undefined,
    end: () => {
      download?.end();
      progress?.end();
    },
  };
}
