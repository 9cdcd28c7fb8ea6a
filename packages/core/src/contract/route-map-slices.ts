import * as v from 'valibot';
import { cluster, routeMapDocument, type RouteMapDocument } from './route-map.js';
import { describeIssues, type Validation } from './validate.js';
import type { Pause } from '../pause.js';

/** How long one slice may run before pausing: well under the 50 ms that makes a long task, even on a slow phone. */
const SLICE_MS = 8;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates a route map document as `routeMapDocument` does, with the same output and the same issue paths, but a
 * cluster at a time, pausing whenever a slice has run `SLICE_MS`: the largest route (368 occupations, 200 KB) takes
 * tens of milliseconds to check on a phone, one long task that would hold up everything else on the page.
 * The document's outline (ids, names, progressions, linked occupations, every cluster's place) is checked first with
 * the clusters left out; then each cluster; the first invalid part ends the check.
 */
export async function validateRouteMapInSlices(value: unknown, pause: Pause, sliceMs = SLICE_MS): Promise<Validation<RouteMapDocument>> {
  const record = isRecord(value) ? value : undefined;
  const pathways: unknown[] | undefined = Array.isArray(record?.pathways) ? record.pathways : undefined;
  // Clusters are checked one by one only where each pathway is an object with an array of them; anything else is
  // left in the outline, whose check then says what is wrong.
  const clusterLists = pathways?.map((pathway) => (isRecord(pathway) && Array.isArray(pathway.clusters) ? pathway.clusters : undefined));
  const outline = record && pathways
    ? { ...record, pathways: pathways.map((pathway, index) => (clusterLists?.[index] ? { ...(pathway as object), clusters: [] } : pathway)) }
    : value;
  const checked = v.safeParse(routeMapDocument, outline);
  if (!checked.success) return { ok: false, reason: describeIssues(checked.issues) };
  const document = checked.output;
  let sliceStart = performance.now();
  for (const [pathwayIndex, clusters] of (clusterLists ?? []).entries()) {
    const into = document.pathways[pathwayIndex]!.clusters;
    for (const [clusterIndex, candidate] of (clusters ?? []).entries()) {
      if (performance.now() - sliceStart >= sliceMs) {
        await pause();
        sliceStart = performance.now();
      }
      const result = v.safeParse(cluster, candidate);
      if (!result.success) return { ok: false, reason: describeIssues(result.issues, `pathways.${pathwayIndex}.clusters.${clusterIndex}`) };
      into.push(result.output);
    }
  }
  return { ok: true, value: document };
}
