/**
 * The catalogue: every route tree walked into the occupations on the maps, with their summaries. It answers which
 * codes exist (so unknown ones are refused without an upstream call), which options a bare code has (`OCC1312` →
 * `OCC1312A`, `OCC1312B`), which standards the maps use, and the progression edges between known occupations.
 */
import { findRoute, ROUTES, STANDARD_REF, type CodeOption, type OccupationSummary, type ProgressionEdge } from '@occupational-maps/core';
import type { Logger } from './log.js';
import type { SkipReporter } from './normalize/common.js';
import type { ParsedProgression } from './normalize/progression.js';
import { parseRouteTree, type CatalogueEntry, type ParsedRoute } from './normalize/route.js';
import { parseRecord, ROUTE_ALIASES, routeListItem } from './normalize/upstream-schemas.js';
import type { MapsClient } from './upstream/maps-client.js';

export type { CodeOption } from '@occupational-maps/core';

export class Catalogue {
  readonly entries: CatalogueEntry[];
  private readonly byCode: Map<string, CatalogueEntry>;

  constructor(
    readonly builtAt: Date,
    readonly routes: ParsedRoute[],
  ) {
    this.entries = routes.flatMap((route) => route.occupations);
    this.byCode = new Map(this.entries.map((entry) => [entry.summary.code, entry]));
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The occupation as its route tree gave it (summary and raw record), or null when not on the maps. */
  entryOf(code: string): CatalogueEntry | null {
    return this.byCode.get(code) ?? null;
  }

  /** The summary every document uses for an occupation on the maps, so maps and cards agree. */
  summaryOf(code: string): OccupationSummary | null {
    return this.byCode.get(code)?.summary ?? null;
  }

  /** Occupations whose code is `code` plus an option letter (`OCC1312` → `OCC1312A`, `OCC1312B`), in code order. */
  optionsFor(code: string): CodeOption[] {
    const option = new RegExp(`^${code}[A-Z]{1,2}$`);
    return this.entries
      .filter((entry) => option.test(entry.summary.code))
      .map((entry) => ({ code: entry.summary.code, title: entry.summary.title }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Every apprenticeship standard (`ST…`) that an occupation on the maps offers, sorted. */
  standardRefs(): string[] {
    const refs = this.entries.flatMap((entry) => entry.summary.products.map((product) => product.code.toUpperCase()));
    return [...new Set(refs.filter((ref) => STANDARD_REF.test(ref)))].sort();
  }

  /** All distinct edges between occupations with summaries, across the progression maps given. */
  edgesAcross(progressions: ReadonlyArray<ParsedProgression | null>): ProgressionEdge[] {
    const known = (code: string) => this.byCode.has(code) || progressions.some((progression) => progression?.occupations.has(code));
    const edges = new Map<string, ProgressionEdge>();
    for (const edge of progressions.flatMap((progression) => progression?.edges ?? [])) {
      if (known(edge.from) && known(edge.to)) edges.set(`${edge.from}>${edge.to}`, edge);
    }
    return [...edges.values()];
  }
}

/** Walks the route list and every route tree (16 API B calls) into a catalogue. */
export async function walkCatalogue(maps: MapsClient, reportSkipped: SkipReporter, log: Logger, builtAt: Date): Promise<Catalogue> {
  const list = await maps.routes();
  const ids = new Set<number>();
  if (list.found && Array.isArray(list.body)) {
    for (const [index, raw] of list.body.entries()) {
      const item = parseRecord(routeListItem, raw, ROUTE_ALIASES);
      if (!item.ok) reportSkipped('routes', `${index}: ${item.reason}`);
      else if (!findRoute(item.value.routeId)) reportSkipped('routes', `${index}: routeId ${item.value.routeId} is not a route we know`);
      else ids.add(item.value.routeId);
    }
  } else reportSkipped('routes', 'the route list is missing or not an array');
  const seen = new Set<string>();
  const trees = await Promise.all(
    ROUTES.map(async (route) => ({ route, tree: ids.has(route.id) ? await maps.route(route.id) : { found: false as const } })),
  );
  const empty = trees.filter(({ tree }) => !tree.found).map(({ route }) => route.slug);
  if (empty.length) log.info('routes with no map upstream', { count: empty.length, routes: empty.join(',') });
  const routes = trees.map(({ route, tree }): ParsedRoute =>
    tree.found ? parseRouteTree(tree.body, route, seen, reportSkipped) : { route, pathways: [], occupations: [] },
  );
  return new Catalogue(builtAt, routes);
}
