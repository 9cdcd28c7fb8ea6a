/**
 * Builds Embed API v1 documents from an upstream (live APIs or the embedded dataset, through the same clients).
 * Upstream responses are memoised with a TTL, so a route map and the occupations it links share calls; documents
 * are built lazily per request by the server, or all at once by the snapshot walk. Every document is validated
 * against the core contract before it leaves; a bad upstream record is reported with its code and reason and
 * left out, never half-emitted.
 */
import {
  API_VERSION,
  embedPaths,
  findRoute,
  ROUTES,
  STANDARD_REF,
  type EmbedDocument,
  type EmbedDocumentKind,
  type MetaDocument,
  type OccupationSummary,
  type ProgressionEdge,
  type RoutesDocument,
} from '@occupational-maps/core';
import { silentLogger, type Logger } from './log.js';
import type { MapsClient } from './upstream/maps-client.js';
import type { StandardsClient } from './upstream/standards-client.js';
import { buildOccupation } from './normalize/occupation.js';
import { validated, type Built } from './normalize/built.js';
import { buildProgression, parseProgression, type ParsedProgression } from './normalize/progression.js';
import { buildRouteMap, parseRouteTree, type CatalogueEntry, type ParsedRoute } from './normalize/route.js';
import { buildSearchIndex } from './normalize/search-index.js';
import { buildSoc, type SocTable } from './normalize/soc.js';
import { buildStandard, currentVersion } from './normalize/standard.js';
import { standardRefIn, toCount, toSummary } from './normalize/common.js';
import {
  check,
  OCCUPATION_ALIASES,
  occupationRecord,
  ROUTE_ALIASES,
  routeListItem,
  standardRecord,
  type StandardRecord,
} from './normalize/upstream-schemas.js';

export type DataSource = 'live' | 'fixtures';

export const ATTRIBUTION = Object.freeze({
  text:
    'Contains public sector information from Skills England licensed under the Open Government Licence v3.0. © Skills England. ' +
    'Not endorsed by Skills England. SOC 2020 data: Office for National Statistics, Open Government Licence v3.0.',
  licence: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
});

export type DocumentResult<K extends EmbedDocumentKind = EmbedDocumentKind> =
  | { found: true; doc: EmbedDocument<K> }
  | { found: false; message: string };

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
  /** How long an upstream response is reused. */
  ttlMs?: number;
  now?: () => Date;
  /** Fetch API A's full list once instead of one call per standard (snapshots). */
  bulkStandards?: boolean;
  /** Most upstream answers remembered at once (default 10,000; the real maps need a few thousand). */
  maxRemembered?: number;
}

interface Catalogue {
  builtAt: Date;
  routes: ParsedRoute[];
  entries: CatalogueEntry[];
  byCode: Map<string, CatalogueEntry>;
}

export class Dataset {
  readonly source: DataSource;
  /** `code: reason` of every upstream record (or part) left out, reported once each. */
  readonly skipped = new Map<string, string>();
  private readonly memo = new Map<string, { at: number; value: Promise<unknown> }>();
  private readonly log: Logger;
  private readonly ttlMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: DatasetOptions) {
    this.source = options.source;
    this.log = options.log ?? silentLogger;
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.now = options.now ?? (() => new Date());
  }

  readonly skip = (code: string, reason: string) => {
    const key = `${code}: ${reason}`;
    if (this.skipped.has(key)) return;
    this.skipped.set(key, reason);
    this.log.warn('skipped upstream record', { code, reason });
  };

  /** Reuses a pending or fresh result; failures are not kept, so the next request tries again. */
  private remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.memo.get(key);
    if (hit && this.now().getTime() - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    const entry = { at: this.now().getTime(), value };
    this.memo.set(key, entry);
    if (this.memo.size > (this.options.maxRemembered ?? 10_000)) this.forgetOldest();
    value.catch(() => {
      if (this.memo.get(key) === entry) this.memo.delete(key);
    });
    return value;
  }

  /**
   * Keeps the memo bounded, so requests for many well-formed but unknown codes cannot grow memory without limit:
   * expired answers go first, then the oldest (a Map iterates in insertion order).
   */
  private forgetOldest(): void {
    const limit = this.options.maxRemembered ?? 10_000;
    const now = this.now().getTime();
    for (const [key, entry] of this.memo) if (now - entry.at >= this.ttlMs) this.memo.delete(key);
    for (const key of this.memo.keys()) {
      if (this.memo.size <= limit) break;
      this.memo.delete(key);
    }
  }

  /** How many upstream answers are remembered now. @internal (tests) */
  get rememberedCount(): number {
    return this.memo.size;
  }

  /** Every route tree, walked into the catalogue of occupations on the maps. */
  catalogue(): Promise<Catalogue> {
    return this.remember('catalogue', async () => {
      const builtAt = this.now();
      const list = await this.options.maps.routes();
      const ids = new Set<number>();
      if (list.found && Array.isArray(list.body)) {
        for (const [index, raw] of list.body.entries()) {
          const item = check(routeListItem, raw, ROUTE_ALIASES);
          if (!item.ok) this.skip('routes', `${index}: ${item.reason}`);
          else if (!findRoute(item.value.routeId)) this.skip('routes', `${index}: routeId ${item.value.routeId} is not a route we know`);
          else ids.add(item.value.routeId);
        }
      } else this.skip('routes', 'the route list is missing or not an array');
      const seen = new Set<string>();
      const trees = await Promise.all(
        ROUTES.map(async (route) => ({ route, tree: ids.has(route.id) ? await this.options.maps.route(route.id) : { found: false as const } })),
      );
      const empty = trees.filter(({ tree }) => !tree.found).map(({ route }) => route.slug);
      if (empty.length) this.log.info('routes with no map upstream', { count: empty.length, routes: empty.join(',') });
      const routes = trees.map(({ route, tree }): ParsedRoute =>
        tree.found ? parseRouteTree(tree.body, route, seen, this.skip) : { route, pathways: [], occupations: [] },
      );
      const entries = routes.flatMap((route) => route.occupations);
      return { builtAt, routes, entries, byCode: new Map(entries.map((entry) => [entry.summary.code, entry])) };
    });
  }

  private progressionOf(code: string): Promise<ParsedProgression | null> {
    return this.remember(`progression:${code}`, async () => {
      const result = await this.options.maps.progression(code);
      if (!result.found || result.body === null || result.body === '') return null;
      return parseProgression(result.body, code, this.skip);
    });
  }

  private standardsByRef(): Promise<Map<string, StandardRecord>> {
    return this.remember('standards:all', async () => {
      const result = await this.options.standards.all();
      const groups = new Map<string, StandardRecord[]>();
      if (result.found && Array.isArray(result.body)) {
        for (const [index, raw] of result.body.entries()) {
          const record = check(standardRecord, raw);
          if (!record.ok) {
            this.skip(`standards.${index}`, record.reason);
            continue;
          }
          const ref = record.value.referenceNumber.toUpperCase();
          groups.set(ref, [...(groups.get(ref) ?? []), record.value]);
        }
      } else this.skip('standards', 'the standards list is missing or not an array');
      return new Map([...groups].map(([ref, records]) => [ref, currentVersion(records)!]));
    });
  }

  private async standardRecord(ref: string): Promise<StandardRecord | null> {
    if (this.options.bulkStandards) return (await this.standardsByRef()).get(ref) ?? null;
    return this.remember(`standard:${ref}`, async () => {
      const result = await this.options.standards.standard(ref);
      if (!result.found) return null;
      const record = check(standardRecord, Array.isArray(result.body) ? result.body[0] : result.body);
      if (!record.ok) {
        this.skip(ref, record.reason);
        return null;
      }
      return record.value;
    });
  }

  /** Summary from the catalogue: the same record every document uses, so maps and cards agree. */
  private async summaryLookup(): Promise<(code: string) => OccupationSummary | null> {
    const { byCode } = await this.catalogue();
    return (code) => byCode.get(code)?.summary ?? null;
  }

  /** Builds one document. Throws `UpstreamError` when the upstream fails, `UnusableRecordError` on a bad record. */
  async document<K extends EmbedDocumentKind>(kind: K, key: string | null): Promise<DocumentResult<K>> {
    const built = (await this.build(kind, key)) as Built<EmbedDocument<K>> | { notFound: string };
    if ('notFound' in built) return { found: false, message: built.notFound };
    if (!built.ok) throw new UnusableRecordError(key ?? kind, built.reason);
    return { found: true, doc: built.doc };
  }

  private async build(kind: EmbedDocumentKind, key: string | null): Promise<Built<unknown> | { notFound: string }> {
    switch (kind) {
      case 'meta':
        return this.buildMeta();
      case 'routes':
        return this.buildRoutes();
      case 'routeMap': {
        const route = ROUTES.find((candidate) => candidate.slug === key);
        if (!route) return { notFound: `No route has the slug "${key}".` };
        const catalogue = await this.catalogue();
        const parsed = catalogue.routes.find((candidate) => candidate.route.id === route.id)!;
        const progressions = await Promise.all(parsed.occupations.map((entry) => this.progressionOf(entry.summary.code)));
        const edges = progressions.flatMap((progression) => progression?.edges ?? []);
        const fromProgressions = new Map(progressions.flatMap((progression) => [...(progression?.occupations ?? new Map())]));
        return buildRouteMap(parsed, edges, (code) => catalogue.byCode.get(code)?.summary ?? fromProgressions.get(code) ?? null);
      }
      case 'occupation': {
        const result = await this.remember(`occupation:${key}`, () => this.options.maps.occupation(key!));
        if (!result.found) return { notFound: `No occupation found for ${key}.` };
        const record = check(occupationRecord, result.body, OCCUPATION_ALIASES);
        if (!record.ok) {
          this.skip(key!, record.reason);
          return record;
        }
        const ref = standardRefIn(toSummary(record.value, () => {})?.products ?? []);
        const standard = ref ? await this.standardRecord(ref) : null;
        const built = buildOccupation(record.value, standard, this.options.soc, this.skip);
        if (!built.ok) this.skip(key!, built.reason);
        return built;
      }
      case 'standard': {
        const built = buildStandard(key!, (await this.catalogue()).entries);
        return built ?? { notFound: `No occupation on the maps has the standard ${key}.` };
      }
      case 'progression': {
        const [summaryOf, parsed] = await Promise.all([this.summaryLookup(), this.progressionOf(key!)]);
        const centre = summaryOf(key!) ?? parsed?.occupations.get(key!) ?? null;
        if (!centre) return { notFound: `No occupation found for ${key}.` };
        return buildProgression(centre, parsed, summaryOf, this.skip);
      }
      case 'soc': {
        const built = buildSoc(key!, this.options.soc, (await this.catalogue()).entries.map((entry) => entry.summary));
        return built ?? { notFound: `${key} is not a SOC 2020 unit group.` };
      }
      case 'searchIndex': {
        const { entries } = await this.catalogue();
        const larsCodes = new Map<string, number | null>();
        await Promise.all(
          entries.map(async ({ summary }) => {
            const ref = standardRefIn(summary.products);
            const record = ref ? await this.standardRecord(ref).catch(() => null) : null;
            larsCodes.set(summary.code, toCount(record?.larsCode, { zeroIsNull: true }));
          }),
        );
        return buildSearchIndex(entries, (code) => larsCodes.get(code) ?? null);
      }
    }
  }

  private async buildRoutes(): Promise<Built<RoutesDocument>> {
    const { routes } = await this.catalogue();
    const doc = {
      routes: routes.map(({ route, occupations }) => ({ id: route.id, slug: route.slug, name: route.name, occupationCount: occupations.length })),
    };
    return validated('routes', doc);
  }

  /** All distinct edges between occupations with summaries, across every progression map. */
  private async allEdges(): Promise<ProgressionEdge[]> {
    const { entries, byCode } = await this.catalogue();
    const progressions = await Promise.all(entries.map((entry) => this.progressionOf(entry.summary.code)));
    const known = (code: string) => byCode.has(code) || progressions.some((progression) => progression?.occupations.has(code));
    const edges = new Map<string, ProgressionEdge>();
    for (const edge of progressions.flatMap((progression) => progression?.edges ?? [])) {
      if (known(edge.from) && known(edge.to)) edges.set(`${edge.from}>${edge.to}`, edge);
    }
    return [...edges.values()];
  }

  private async buildMeta(): Promise<Built<MetaDocument>> {
    const catalogue = await this.catalogue();
    const edges = await this.allEdges();
    const standards = new Set(catalogue.entries.flatMap((entry) => entry.summary.products.map((p) => p.code.toUpperCase()).filter((code) => STANDARD_REF.test(code))));
    const socUnits = new Set(catalogue.entries.map((entry) => entry.summary.soc2020).filter((code) => code && this.options.soc.units.has(code)));
    const doc: MetaDocument = {
      apiVersion: API_VERSION,
      generatedAt: catalogue.builtAt.toISOString(),
      source: this.source,
      attribution: { ...ATTRIBUTION },
      counts: {
        routes: catalogue.routes.length,
        occupations: catalogue.entries.length,
        standards: standards.size,
        progressionEdges: edges.length,
        socUnitGroups: socUnits.size,
      },
    };
    return validated('meta', doc);
  }

  /** Every path of the static tree, for the snapshot walk: routes → trees → occupations → progression, standards, SOC. */
  async allPaths(): Promise<string[]> {
    const catalogue = await this.catalogue();
    const codes = catalogue.entries.map((entry) => entry.summary.code);
    const refs = new Set(catalogue.entries.flatMap((entry) => entry.summary.products.map((p) => p.code.toUpperCase()).filter((code) => STANDARD_REF.test(code))));
    return [
      embedPaths.meta(),
      embedPaths.routes(),
      ...catalogue.routes.map(({ route }) => embedPaths.routeMap(route.slug)),
      ...codes.map(embedPaths.occupation),
      ...codes.map(embedPaths.progression),
      ...[...refs].sort().map(embedPaths.standard),
      ...[...this.options.soc.units.keys()].sort().map(embedPaths.soc),
      embedPaths.searchIndex(),
    ];
  }
}
