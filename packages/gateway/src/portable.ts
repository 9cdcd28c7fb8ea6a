/** The runtime-neutral part of the gateway (no Node built-ins): for edge runtimes, through the `fetch` handler. */
export { createApp, type AppOptions } from './server/app.js';
export { Dataset, UnusableRecordError, ATTRIBUTION, type DataSource, type DatasetOptions } from './dataset.js';
export { UpstreamHttp, UpstreamError, type FetchLike, type HttpOptions } from './upstream/http.js';
export { MapsClient } from './upstream/maps-client.js';
export { StandardsClient } from './upstream/standards-client.js';
export { socTableFrom, type SocTable } from './normalize/soc.js';
export { accessLogLine, clientAddress, Readiness, type RequestRecord } from './server/operations.js';
export { webCompressor, type Compressor } from './server/compress.js';
export { createLogger, type Logger } from './log.js';
