/**
 * The runtime-neutral part of the gateway (no Node built-ins), for edge runtimes through the `fetch` handler.
 * Also published as `@occupational-maps/gateway/portable`, its former name (deprecated; removed in 0.3).
 */
export { createApp, type AppOptions } from './server/app.js';
export { Dataset, UnusableRecordError, ATTRIBUTION, type DataSource, type DatasetOptions } from './dataset.js';
export { UpstreamHttp, UpstreamError, UpstreamBusyError, type FetchLike, type HttpOptions } from './upstream/http.js';
export { MapsClient } from './upstream/maps-client.js';
export { StandardsClient } from './upstream/standards-client.js';
export { socTableFrom, type SocTable } from './normalize/soc.js';
export { accessLogLine, clientAddress, Readiness, type RequestRecord } from './server/operations.js';
export { webCompressor, type Compressor } from './server/compress.js';
export { createLogger, type Logger } from './log.js';
export { GatewayEvents, type CacheOutcome, type GatewayEventMap, type QueueState } from './observe.js';
