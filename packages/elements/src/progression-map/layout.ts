import { BAND_VALUES, type Band, type OccupationSummary, type ProgressionDocument, type ProgressionEdge } from '@occupational-maps/core';

/** A progression document arranged for drawing: columns by band, edges de-duplicated, relations indexed. */
export interface ProgressionLayout {
  key: OccupationSummary;
  /** Only bands that hold an occupation, in the official order (Technical, Higher technical, Professional). */
  columns: { band: Band; occupations: OccupationSummary[] }[];
  /** One per distinct directed pair whose two ends are both in the document; never a self-loop. */
  edges: ProgressionEdge[];
  leadsTo: Map<string, OccupationSummary[]>;
  comesFrom: Map<string, OccupationSummary[]>;
  /** Route slugs in the order they are styled: the key occupation's route first (solid lines). */
  routes: string[];
}

const byLevelThenTitle = (a: OccupationSummary, b: OccupationSummary) =>
  a.level - b.level || a.title.localeCompare(b.title, 'en-GB');

/**
 * Lays out a progression document. Upstream progression pairs repeat (3,293 raw pairs are 2,717 edges), and a
 * document may name an occupation it does not carry; both are tolerated here so one arrow is drawn per real edge.
 */
export function layoutProgression(document: ProgressionDocument): ProgressionLayout | null {
  const byCode = new Map<string, OccupationSummary>();
  for (const occupation of document.occupations) if (!byCode.has(occupation.code)) byCode.set(occupation.code, occupation);
  const key = byCode.get(document.key);
  if (!key) return null;

  const seen = new Set<string>();
  const edges: ProgressionEdge[] = [];
  for (const edge of document.edges) {
    const id = `${edge.from}>${edge.to}`;
    if (edge.from === edge.to || seen.has(id) || !byCode.has(edge.from) || !byCode.has(edge.to)) continue;
    seen.add(id);
    edges.push({ from: edge.from, to: edge.to });
  }

  const leadsTo = new Map<string, OccupationSummary[]>();
  const comesFrom = new Map<string, OccupationSummary[]>();
  const push = (index: Map<string, OccupationSummary[]>, code: string, other: OccupationSummary) => {
    const list = index.get(code) ?? [];
    list.push(other);
    index.set(code, list);
  };
  for (const edge of edges) {
    push(leadsTo, edge.from, byCode.get(edge.to)!);
    push(comesFrom, edge.to, byCode.get(edge.from)!);
  }
  for (const list of [...leadsTo.values(), ...comesFrom.values()]) list.sort(byLevelThenTitle);

  // Only occupations joined to the map by an edge are drawn (plus the key itself, always).
  const shown = [...byCode.values()].filter((occupation) => occupation === key || leadsTo.has(occupation.code) || comesFrom.has(occupation.code));
  const columns = BAND_VALUES.map((band) => ({
    band,
    occupations: shown.filter((occupation) => occupation.band === band).sort(byLevelThenTitle),
  })).filter((column) => column.occupations.length > 0);

  const routes: string[] = [];
  const keyRoute = key.routeSlug ?? '';
  routes.push(keyRoute);
  for (const column of columns) {
    for (const occupation of column.occupations) {
      const route = occupation.routeSlug ?? '';
      if (!routes.includes(route)) routes.push(route);
    }
  }
  return { key, columns, edges, leadsTo, comesFrom, routes };
}

/** The route an edge is styled by: the one that is not the key's when it crosses routes. */
export function edgeRoute(edge: ProgressionEdge, layout: ProgressionLayout, byCode: Map<string, OccupationSummary>): string {
  const keyRoute = layout.key.routeSlug ?? '';
  const from = byCode.get(edge.from)?.routeSlug ?? '';
  const to = byCode.get(edge.to)?.routeSlug ?? '';
  return to !== keyRoute ? to : from;
}

/** Line patterns (dash arrays) so routes differ without colour; the key's route is solid. */
export const ROUTE_DASHES = ['', '8 5', '2 4', '12 4 2 4', '4 4', '1 3 6 3'];

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The SVG path of an arrow between two measured boxes: a smooth curve from the side facing the target. Boxes in
 * the same column are joined by a loop on their right, out into the gap between columns.
 */
export function arrowPath(from: Box, to: Box): string {
  const fromMidY = (from.top + from.bottom) / 2;
  const toMidY = (to.top + to.bottom) / 2;
  const sameColumn = from.left < to.right && to.left < from.right;
  if (sameColumn) {
    const x1 = from.right;
    const x2 = to.right + 6; // leave room for the arrowhead
    const bulge = Math.max(x1, x2) + 28;
    return `M ${round(x1)} ${round(fromMidY)} C ${round(bulge)} ${round(fromMidY)}, ${round(bulge)} ${round(toMidY)}, ${round(x2)} ${round(toMidY)}`;
  }
  const forwards = to.left >= from.right;
  const x1 = forwards ? from.right : from.left;
  const x2 = forwards ? to.left - 6 : to.right + 6;
  const bend = (x2 - x1) / 2;
  return `M ${round(x1)} ${round(fromMidY)} C ${round(x1 + bend)} ${round(fromMidY)}, ${round(x2 - bend)} ${round(toMidY)}, ${round(x2)} ${round(toMidY)}`;
}

const round = (value: number) => Math.round(value * 10) / 10;
