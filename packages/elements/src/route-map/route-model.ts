import {
  BANDS,
  parseLevels,
  PRODUCT_TYPE_SLUG,
  STATUS_VALUES,
  type Band,
  type OccupationStatus,
  type OccupationSummary,
  type RouteMapDocument,
  type SearchIndexDocument,
} from '@occupational-maps/core';
import { compareProductTypes, productTypesOf } from '../shared/labels.js';

/**
 * A route map document reshaped once for drawing and filtering: pathways → band columns → clusters → tiles, every
 * tile with bit masks for its level, status and products, so a filter change is a few integer tests per tile.
 */
export interface TileModel {
  /** Unique within the map: an occupation can in principle sit in two clusters. */
  readonly key: string;
  readonly index: number;
  readonly occupation: OccupationSummary;
  readonly pathway: PathwayModel;
  readonly cluster: ClusterModel;
  readonly levelBit: number;
  readonly statusBit: number;
  /** The kinds of product the occupation leads to (open type slugs), known types first, each with its upstream name. */
  readonly productTypes: Array<{ slug: string; typeName: string | null }>;
  /** Lower-case title, for search before the search index has arrived. */
  readonly titleText: string;
}

export interface ClusterModel {
  readonly key: string;
  readonly id: number;
  readonly name: string;
  readonly band: Band;
  readonly tiles: TileModel[];
  /** Its place in the order a route that renders in parts renders its clusters in (see `renderOrder`). */
  readonly rank: number;
}

export interface PathwayModel {
  readonly key: string;
  readonly id: number;
  readonly name: string;
  /** Clusters by band column, in the official order technical → higher technical → professional. */
  readonly columns: ReadonlyArray<{ band: Band; clusters: ClusterModel[] }>;
  readonly tiles: TileModel[];
}

export interface RouteModel {
  readonly document: RouteMapDocument;
  readonly pathways: PathwayModel[];
  readonly tiles: TileModel[];
  readonly tilesByCode: ReadonlyMap<string, TileModel[]>;
  readonly leadsTo: ReadonlyMap<string, string[]>;
  readonly comesFrom: ReadonlyMap<string, string[]>;
  /** Occupations of other routes reached by a progression, by code. */
  readonly linked: ReadonlyMap<string, OccupationSummary>;
  /** What the data holds, so the controls offer only choices that can match. */
  readonly levelsPresent: number[];
  readonly statusesPresent: OccupationStatus[];
  /** Every product type on the map (open slugs, ordered), with its upstream name: the legend and the filters list them. */
  readonly productTypesPresent: Array<{ slug: string; typeName: string | null }>;
  /**
   * The clusters in the order a route that renders in parts renders them: pathway by pathway, and within a pathway the first
   * cluster of each band column, then the second of each, and so on, so the top of all three columns (what is on
   * screen first on a wide page) comes before the lower clusters of the first column.
   */
  readonly renderOrder: readonly ClusterModel[];
}

export interface RouteFilters {
  levels: number[];
  statuses: OccupationStatus[];
  /** Product type slugs: known ones and any newer type's own slug. */
  productTypes: string[];
  /** Lower-case search terms; every one must match. */
  terms: string[];
  /** A pathway id or name; empty means all. */
  pathway: string;
  /** Only occupations a college's course list reaches (`offered="only"`); ignored while there is no list. */
  offeredOnly: boolean;
}

const bitOf = <T>(values: readonly T[], value: T): number => 1 << Math.max(0, values.indexOf(value));
const maskOf = <T>(values: readonly T[], chosen: readonly T[]): number => chosen.reduce((mask, value) => mask | bitOf(values, value), 0);

const cache = new WeakMap<RouteMapDocument, RouteModel>();

/** Builds (once per document) the indexed model of a route map. */
export function routeModel(document: RouteMapDocument): RouteModel {
  const cached = cache.get(document);
  if (cached) return cached;
  const tiles: TileModel[] = [];
  const tilesByCode = new Map<string, TileModel[]>();
  const levels = new Set<number>();
  const statuses = new Set<OccupationStatus>();
  const productTypes: Array<{ typeSlug: string; typeName: string | null }> = [];

  const pathways = document.pathways.map((source): PathwayModel => {
    const pathwayTiles: TileModel[] = [];
    const columns = BANDS.map(({ band }) => ({ band, clusters: [] as ClusterModel[] }));
    const pathway: PathwayModel = { key: `p${source.id}`, id: source.id, name: source.name, columns, tiles: pathwayTiles };
    for (const clusterSource of source.clusters) {
      const cluster: ClusterModel = { key: `c${source.id}-${clusterSource.id}`, id: clusterSource.id, name: clusterSource.name, band: clusterSource.band, tiles: [], rank: 0 };
      columns.find((column) => column.band === clusterSource.band)!.clusters.push(cluster);
      for (const occupation of clusterSource.occupations) {
        const types = productTypesOf(occupation.products);
        const tile: TileModel = {
          key: `${cluster.key}-${occupation.code}`,
          index: tiles.length,
          occupation,
          pathway,
          cluster,
          levelBit: 1 << occupation.level,
          statusBit: bitOf(STATUS_VALUES, occupation.status),
          productTypes: types,
          titleText: occupation.title.toLowerCase(),
        };
        cluster.tiles.push(tile);
        pathwayTiles.push(tile);
        tiles.push(tile);
        tilesByCode.set(occupation.code, [...(tilesByCode.get(occupation.code) ?? []), tile]);
        levels.add(occupation.level);
        statuses.add(occupation.status);
        productTypes.push(...occupation.products);
      }
    }
    return pathway;
  });

  const renderOrder = pathways.flatMap(({ columns }) => {
    const rows = Math.max(...columns.map((column) => column.clusters.length));
    return Array.from({ length: rows }, (_, row) => columns.flatMap((column) => column.clusters[row] ?? [])).flat();
  });
  renderOrder.forEach((cluster, rank) => ((cluster as { rank: number }).rank = rank));

  const leadsTo = new Map<string, string[]>();
  const comesFrom = new Map<string, string[]>();
  for (const { from, to } of document.progressions) {
    if (from === to) continue;
    leadsTo.set(from, [...(leadsTo.get(from) ?? []), to]);
    comesFrom.set(to, [...(comesFrom.get(to) ?? []), from]);
  }

  const model: RouteModel = {
    document,
    pathways,
    tiles,
    tilesByCode,
    leadsTo,
    comesFrom,
    linked: new Map(document.linkedOccupations.map((occupation) => [occupation.code, occupation])),
    levelsPresent: [...levels].sort((a, b) => a - b),
    statusesPresent: STATUS_VALUES.filter((value) => statuses.has(value)),
    productTypesPresent: productTypesOf(productTypes),
    renderOrder,
  };
  cache.set(document, model);
  return model;
}

/** Splits a comma (or space) separated attribute into the known values it names, in their canonical order. */
export function parseChoices<T extends string>(value: string | null | undefined, known: readonly T[]): T[] {
  const wanted = new Set((value ?? '').toLowerCase().split(/[\s,]+/).filter(Boolean));
  return known.filter((choice) => wanted.has(choice));
}

/** Product type slugs an attribute names (`products="apprenticeship,foundation-apprenticeship"`), ordered, any well-formed slug kept. */
export function parseProductTypes(value: string | null | undefined): string[] {
  const wanted = new Set((value ?? '').toLowerCase().split(/[\s,]+/).filter((slug) => PRODUCT_TYPE_SLUG.test(slug)));
  return [...wanted].sort(compareProductTypes);
}

/** Lower-case search terms of a typed query. */
export const searchTerms = (query: string | null | undefined): string[] =>
  (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);

/** Writes levels compactly, as `parseLevels` reads them: [2,3,6] → "2-3,6". */
export function formatLevels(levels: readonly number[]): string {
  const sorted = [...new Set(levels)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return runs.join(',');
}

export function readFilters(attributes: {
  levels?: string;
  status?: string;
  products?: string;
  search?: string;
  pathway?: string;
  offered?: string;
}): RouteFilters {
  return {
    levels: parseLevels(attributes.levels),
    statuses: parseChoices(attributes.status, STATUS_VALUES),
    productTypes: parseProductTypes(attributes.products),
    terms: searchTerms(attributes.search),
    pathway: (attributes.pathway ?? '').trim(),
    offeredOnly: (attributes.offered ?? '').trim().toLowerCase() === 'only',
  };
}

/** The pathway a `pathway` attribute names (by id or by name, case and spacing aside); `undefined` when none does. */
export function findPathway(model: RouteModel, key: string): PathwayModel | undefined {
  const wanted = key.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!wanted) return undefined;
  return model.pathways.find((pathway) => String(pathway.id) === wanted || pathway.name.toLowerCase().replace(/\s+/g, ' ') === wanted);
}

/**
 * Which tiles pass the filters: a boolean per tile index. `extraText` holds each occupation's job titles and
 * keywords (lower case) once the search index has loaded; before that, search matches titles only. `offered` holds
 * the occupations a college's course list reaches, when there is a list.
 */
export function filterTiles(
  model: RouteModel,
  filters: RouteFilters,
  extraText?: ReadonlyMap<string, string>,
  offered?: ReadonlyMap<string, unknown>,
): boolean[] {
  const onlyOffered = filters.offeredOnly && offered !== undefined;
  const levelMask = filters.levels.reduce((mask, level) => mask | (1 << level), 0);
  const statusMask = maskOf(STATUS_VALUES, filters.statuses);
  const productsWanted = new Set(filters.productTypes);
  const pathway = filters.pathway ? findPathway(model, filters.pathway) : undefined;
  const pathwayWanted = filters.pathway !== '';
  return model.tiles.map((tile) => {
    if (pathwayWanted && tile.pathway !== pathway) return false;
    if (levelMask && !(tile.levelBit & levelMask)) return false;
    if (statusMask && !(tile.statusBit & statusMask)) return false;
    if (productsWanted.size && !tile.productTypes.some((type) => productsWanted.has(type.slug))) return false;
    if (onlyOffered && !offered.has(tile.occupation.code)) return false;
    if (filters.terms.length === 0) return true;
    const extra = extraText?.get(tile.occupation.code) ?? '';
    return filters.terms.every((term) => tile.titleText.includes(term) || extra.includes(term));
  });
}

/** Job titles and keywords of this route's occupations, lower case, from the search index. */
export function searchTextByCode(model: RouteModel, index: SearchIndexDocument): Map<string, string> {
  const text = new Map<string, string>();
  for (const entry of index.occupations) {
    if (model.tilesByCode.has(entry.code)) text.set(entry.code, [...entry.jobTitles, ...entry.keywords].join('\n').toLowerCase());
  }
  return text;
}

/** True when the route has no occupations at all (not merely none that pass the filters). */
export const isEmptyRoute = (document: RouteMapDocument): boolean =>
  document.pathways.every((pathway) => pathway.clusters.every((cluster) => cluster.occupations.length === 0));
