/**
 * The façade the server and the snapshot call: Embed API v1 documents by kind and key, every path of the static
 * tree, and what operations code needs to know (the catalogue, the upstream queue, events).
 *
 * Behind it: the catalogue (catalogue.ts), held stale-while-revalidate so it refreshes in the background and a
 * failed or empty walk never replaces a good one; the memoised upstream records (upstream/records.ts); and one
 * builder per document kind, each beside its normaliser (normalize/*.ts). Every document is validated against the
 * core contract before it leaves; a bad upstream record is reported with its code and reason and left out.
 */
import { embedPaths, type EmbedDocument, type EmbedDocumentKind } from '@occupational-maps/core';
import { Catalogue, walkCatalogue, type CodeOption } from './catalogue.js';
import { silentLogger, type Logger } from './log.js';
import { Memo } from './memo.js';
import type { Answer } from './normalize/built.js';
import { answerMeta } from './normalize/meta.js';
import { answerOccupation } from './normalize/occupation.js';
import { answerProgression } from './normalize/progression.js';
import { answerRouteMap, answerRoutes } from './normalize/route.js';
import { answerSearchIndex } from './normalize/search-index.js';
import { answerSoc, type SocTable } from './normalize/soc.js';
import type { DataSource, DocumentSources } from './normalize/sources.js';
import { answerStandard } from './normalize/standard.js';
import { GatewayEvents, type QueueState } from './observe.js';
import type { DownloadProgress } from './upstream/http.js';
import type { MapsClient } from './upstream/maps-client.js';
import { UpstreamRecords } from './upstream/records.js';
import type { StandardsClient } from './upstream/standards-client.js';

export { ATTRIBUTION } from './normalize/meta.js';
export type { DataSource } from './normalize/sources.js';

export type DocumentResult<K extends EmbedDocumentKind = EmbedDocumentKind> =
  | { found: true; doc: EmbedDocument<K> }
  | { found: false; message: string; options?: CodeOption[] };

/** The upstream answered, but its record for this document cannot make a valid one. */
export class UnusableRecordError extends Error {
  constructor(readonly code: string, readonly reason: string) {
    super(`The upstream record for ${code} is not usable: ${reason}`);
    this.name = 'UnusableRecordError';
  }
}

export interface DatasetOptions {
  maps: MapsClient;
  standards: StandardsClient;
  soc: SocTable;
  source: DataSource;
  log?: Logger;
  /** How long an upstream answer, and the catalogue, count as fresh. */
  ttlMs?: number;
  now?: () => Date;
  /** Fetch API A's full list once instead of one call per standard (snapshots). */
  bulkStandards?: boolean;
  /** Progress of API A's full list as it streams in (bulkStandards). */
  onStandardsProgress?: DownloadProgress;
  /** Most upstream answers remembered at once (default 10,000; the real maps need a few thousand). */
  maxRemembered?: number;
  /** Shared with the HTTP layer and the app (see observe.ts); one is made when absent. */
  events?: GatewayEvents;
}

type Builder = (sources: DocumentSources, key: string) => Promise<Answer<unknown>>;

/** The builder of each document kind (each beside its normaliser). */
const BUILDERS: Record<EmbedDocumentKind, Builder> = {
  meta: answerMeta, routes: answerRoutes, routeMap: answerRouteMap, occupation: answerOccupation,
  standard: answerStandard, progression: answerProgression, soc: answerSoc, searchIndex: answerSearchIndex,
};

export class Dataset {
  readonly source: DataSource;
  readonly events: GatewayEvents;
  /** `code: reason` of every upstream record (or part) left out, reported once each. */
  readonly skipped = new Map<string, string>();
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly records: UpstreamRecords;
  private readonly catalogues: Memo<Catalogue>;
  private readonly sources: DocumentSources;

  constructor(private readonly options: DatasetOptions) {
    this.source = options.source;
    this.log = options.log ?? silentLogger;
    this.events = options.events ?? new GatewayEvents();
    this.now = options.now ?? (() => new Date());
    const ttlMs = options.ttlMs ?? 3_600_000;
    const now = () => this.now().getTime();
    this.records = new UpstreamRecords({
      maps: options.maps,
      standards: options.standards,
      reportSkipped: this.reportSkipped,
      ttlMs,
      maxEntries: options.maxRemembered,
      now,
      bulkStandards: options.bulkStandards,
      onStandardsProgress: options.onStandardsProgress,
    });
    this.catalogues = new Memo<Catalogue>({
      ttlMs,
      now,
      staleWhileRevalidate: true,
      // An upstream that answers with no trees at all is failing, not announcing that every occupation is gone.
      replaces: (next, held) => next.entries.length > 0 || held.entries.length === 0,
      onRefreshed: (key) => this.events.emit('refresh', { key, ok: true }),
      onRefreshFailed: (key, error) => {
        this.log.warn('catalogue refresh failed; keeping the catalogue held', { reason: String((error as Error)?.message ?? error) });
        this.events.emit('refresh', { key, ok: false, reason: String((error as Error)?.message ?? error) });
      },
    });
    this.sources = {
      source: this.source,
      soc: options.soc,
      reportSkipped: this.reportSkipped,
      catalogue: () => this.catalogue(),
      occupation: (code) => this.records.occupation(code),
      progression: (code) => this.records.progression(code),
      standard: (ref) => this.records.standard(ref),
    };
  }

  /** Records an upstream record (or part of one) left out, and logs it once. */
  readonly reportSkipped = (code: string, reason: string) => {
    const key = `${code}: ${reason}`;
    if (this.skipped.has(key)) return;
    this.skipped.set(key, reason);
    this.log.warn('skipped upstream record', { code, reason });
  };

  /** How many upstream answers are remembered now. @internal (tests) */
  get rememberedCount(): number {
    return this.records.size;
  }

  /**
   * The catalogue: walked on first use (the caller waits), then held; past the TTL the held one answers at once
   * while one background walk replaces it on success.
   */
  async catalogue(): Promise<Catalogue> {
    const found = await this.catalogues.get('catalogue', () => walkCatalogue(this.options.maps, this.reportSkipped, this.log, this.now()));
    return found.value;
  }

  /** Builds one document. Throws `UpstreamError` when the upstream fails, `UnusableRecordError` on a bad record. */
  async document<K extends EmbedDocumentKind>(kind: K, key: string | null): Promise<DocumentResult<K>> {
    const built = await BUILDERS[kind](this.sources, key ?? '');
    if ('notFound' in built) return { found: false, message: built.notFound, ...(built.options ? { options: built.options } : {}) };
    if (!built.ok) throw new UnusableRecordError(key ?? kind, built.reason);
    return { found: true, doc: built.doc as EmbedDocument<K> };
  }

  /** A snapshot is starting: begin the loads that many documents will wait for (API A's full list, when bulk). */
  prefetch(): void {
    this.records.prefetchStandards();
  }

  /** Every path of the static tree, for the snapshot walk: routes → trees → occupations → progression, standards, SOC. */
  async allPaths(): Promise<string[]> {
    const catalogue = await this.catalogue();
    const codes = catalogue.entries.map((entry) => entry.summary.code);
    return [
      embedPaths.meta(),
      embedPaths.routes(),
      ...catalogue.routes.map(({ route }) => embedPaths.routeMap(route.slug)),
      ...codes.map(embedPaths.occupation),
      ...codes.map(embedPaths.progression),
      ...catalogue.standardRefs().map(embedPaths.standard),
      ...[...this.options.soc.units.keys()].sort().map(embedPaths.soc),
      embedPaths.searchIndex(),
    ];
  }

  /** For a queue-depth gauge: upstream requests running and waiting. */
  upstreamQueue(): QueueState {
    return this.options.maps.http.queueState();
  }

  /** Upstream requests allowed in flight at once (the snapshot writer sizes its work to keep them busy). */
  upstreamConcurrency(): number {
    return this.options.maps.http.concurrency;
  }
}
