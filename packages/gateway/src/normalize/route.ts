/**
 * API B route trees (`route.pathways[].clusterGroups[].clusters[].occupations[]`) → the catalogue of occupations
 * on the maps and `routes/{slug}.json`. Tolerates `id`/`routeId`, pathways without cluster groups, and missing
 * sequences; a bad node is reported and left out, never guessed.
 */
import {
  bandForLevel,
  bandForTechnicalLevel,
  type Band,
  type Cluster,
  type OccupationSummary,
  type Pathway,
  type ProgressionEdge,
  type RouteInfo,
  type RouteMapDocument,
  type RoutesDocument,
  ROUTES,
} from '@occupational-maps/core';
import { plainText } from './html-to-blocks.js';
import { toSummary, type SkipReporter } from './common.js';
import { validated, type Answer, type Built } from './built.js';
import type { DocumentSources } from './sources.js';
import {
  parseRecord,
  NAMED_ALIASES,
  OCCUPATION_ALIASES,
  occupationRecord,
  ROUTE_ALIASES,
  routeTree,
  treeNode,
  type OccupationRecord,
} from './upstream-schemas.js';

export interface CatalogueEntry {
  summary: OccupationSummary;
  /** The tree's record: keywords and job titles for the search index. */
  record: OccupationRecord;
}

export interface ParsedRoute {
  route: RouteInfo;
  pathways: Pathway[];
  occupations: CatalogueEntry[];
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const bySequence = <T>(items: Array<{ item: T; sequence: number | null | undefined; index: number }>) =>
  items.sort((a, b) => (a.sequence ?? Infinity) - (b.sequence ?? Infinity) || a.index - b.index).map((entry) => entry.item);

function bandOfCluster(node: { technicalLevel?: number | null; technicalLevelName?: string | null }, occupations: OccupationSummary[]): Band | null {
  const fromLevel = typeof node.technicalLevel === 'number' ? bandForTechnicalLevel(node.technicalLevel) : null;
  if (fromLevel) return fromLevel;
  const name = node.technicalLevelName?.toLowerCase().replace(/[^a-z]/g, '');
  if (name === 'technical') return 'technical';
  if (name === 'highertechnical') return 'higher-technical';
  if (name === 'professional') return 'professional';
  return occupations[0] ? bandForLevel(occupations[0].level) : null;
}

/** Walks one route tree. `seen` spans every route, since an occupation appears once across all maps. */
export function parseRouteTree(raw: unknown, route: RouteInfo, seen: Set<string>, reportSkipped: SkipReporter): ParsedRoute {
  const where = `route ${route.id}`;
  const result: ParsedRoute = { route, pathways: [], occupations: [] };
  const tree = parseRecord(routeTree, raw, ROUTE_ALIASES);
  if (!tree.ok) {
    reportSkipped(where, tree.reason);
    return result;
  }
  const pathways = asList(tree.value.pathways).map((rawPathway, index) => ({ rawPathway, index }));
  const orderedPathways: Array<{ item: Pathway; sequence: number | null | undefined; index: number }> = [];
  for (const { rawPathway, index } of pathways) {
    const node = parseRecord(treeNode, rawPathway, NAMED_ALIASES);
    const name = node.ok ? plainText(node.value.name) : null;
    if (!node.ok || typeof node.value.id !== 'number' || !name) {
      reportSkipped(where, `pathways.${index}: ${node.ok ? 'no id or name' : node.reason}`);
      continue;
    }
    // Cluster groups are API-only groupings; a pathway that lists clusters directly is read the same way.
    const pathwayRecord = rawPathway as Record<string, unknown>;
    const groups = asList(pathwayRecord.clusterGroups).map((group, groupIndex) => {
      const groupNode = parseRecord(treeNode, group, NAMED_ALIASES);
      return { item: asList((group as Record<string, unknown> | null)?.clusters), sequence: groupNode.ok ? groupNode.value.sequence : null, index: groupIndex };
    });
    groups.push({ item: asList(pathwayRecord.clusters), sequence: Infinity, index: groups.length });
    const clusters: Cluster[] = [];
    for (const [groupIndex, rawClusters] of bySequence(groups).entries()) {
      const ordered: Array<{ item: Cluster; sequence: number | null | undefined; index: number }> = [];
      for (const [clusterIndex, rawCluster] of rawClusters.entries()) {
        const clusterWhere = `${where} pathway ${node.value.id} group ${groupIndex} cluster ${clusterIndex}`;
        const clusterNode = parseRecord(treeNode, rawCluster, NAMED_ALIASES);
        const clusterName = clusterNode.ok ? plainText(clusterNode.value.name) : null;
        if (!clusterNode.ok || typeof clusterNode.value.id !== 'number' || !clusterName) {
          reportSkipped(clusterWhere, clusterNode.ok ? 'no id or name' : clusterNode.reason);
          continue;
        }
        const occupations: OccupationSummary[] = [];
        for (const [occupationIndex, rawOccupation] of asList((rawCluster as Record<string, unknown>).occupations).entries()) {
          const record = parseRecord(occupationRecord, rawOccupation, OCCUPATION_ALIASES);
          if (!record.ok) {
            reportSkipped(`${clusterWhere} occupation ${occupationIndex}`, record.reason);
            continue;
          }
          const summary = toSummary(record.value, reportSkipped, route.slug);
          if (!summary || seen.has(summary.code)) continue;
          seen.add(summary.code);
          occupations.push(summary);
          result.occupations.push({ summary, record: record.value });
        }
        const band = bandOfCluster(clusterNode.value, occupations);
        if (!band) {
          reportSkipped(clusterWhere, 'no technical level and no occupations to infer one from');
          continue;
        }
        ordered.push({ item: { id: clusterNode.value.id, name: clusterName, band, occupations }, sequence: clusterNode.value.sequence, index: clusterIndex });
      }
      clusters.push(...bySequence(ordered));
    }
    orderedPathways.push({ item: { id: node.value.id, name, clusters }, sequence: node.value.sequence, index });
  }
  result.pathways = bySequence(orderedPathways);
  return result;
}

/**
 * `routes/{slug}.json`: the tree plus every edge that starts or ends in the route, and the other routes'
 * occupations those edges reach (so a map can name a cross-route progression).
 */
export function buildRouteMap(parsed: ParsedRoute, edges: ProgressionEdge[], summaryOf: (code: string) => OccupationSummary | null): Built<RouteMapDocument> {
  const inRoute = new Set(parsed.occupations.map((entry) => entry.summary.code));
  const linked = new Map<string, OccupationSummary>();
  const progressions: ProgressionEdge[] = [];
  const seen = new Set<string>();
  for (const edge of edges) {
    const key = `${edge.from}>${edge.to}`;
    if (seen.has(key) || (!inRoute.has(edge.from) && !inRoute.has(edge.to))) continue;
    const outside = [edge.from, edge.to].filter((code) => !inRoute.has(code));
    const summaries = outside.map((code) => summaryOf(code));
    if (summaries.some((summary) => !summary)) continue;
    seen.add(key);
    progressions.push(edge);
    for (const summary of summaries) linked.set(summary!.code, summary!);
  }
  const doc: RouteMapDocument = {
    id: parsed.route.id,
    slug: parsed.route.slug,
    name: parsed.route.name,
    pathways: parsed.pathways,
    progressions,
    linkedOccupations: [...linked.values()].sort((a, b) => a.code.localeCompare(b.code)),
  };
  return validated('routeMap', doc);
}

/** `routes/{slug}.json`: the route's tree from the catalogue, and the progression maps of its occupations only. */
export async function answerRouteMap(sources: DocumentSources, slug: string): Promise<Answer<RouteMapDocument>> {
  const route = ROUTES.find((candidate) => candidate.slug === slug);
  if (!route) return { notFound: `No route has the slug "${slug}".` };
  const catalogue = await sources.catalogue();
  const parsed = catalogue.routes.find((candidate) => candidate.route.id === route.id)!;
  const progressions = await Promise.all(parsed.occupations.map((entry) => sources.progression(entry.summary.code)));
  const edges = progressions.flatMap((progression) => progression?.edges ?? []);
  const fromProgressions = new Map(progressions.flatMap((progression) => [...(progression?.occupations ?? new Map())]));
  return buildRouteMap(parsed, edges, (code) => catalogue.summaryOf(code) ?? fromProgressions.get(code) ?? null);
}

/** `routes.json`: every route with the number of occupations on its map. */
export async function answerRoutes(sources: DocumentSources): Promise<Built<RoutesDocument>> {
  const { routes } = await sources.catalogue();
  const doc = {
    routes: routes.map(({ route, occupations }) => ({ id: route.id, slug: route.slug, name: route.name, occupationCount: occupations.length })),
  };
  return validated('routes', doc);
}
