import * as v from 'valibot';
import { band, nonEmptyText, occupationSummary, progressionEdge, routeSlug } from './common.js';

export const cluster = v.object({
  id: v.pipe(v.number(), v.integer()),
  name: nonEmptyText,
  band,
  occupations: v.array(occupationSummary),
});

export const pathway = v.object({
  id: v.pipe(v.number(), v.integer()),
  name: nonEmptyText,
  clusters: v.array(cluster),
});

export const routeMapDocument = v.object({
  id: v.pipe(v.number(), v.integer()),
  slug: routeSlug,
  name: nonEmptyText,
  pathways: v.array(pathway),
  /** Every de-duplicated progression edge that starts or ends in this route. */
  progressions: v.array(progressionEdge),
  /** Occupations of other routes that those edges reach, so cross-route links can be named. */
  linkedOccupations: v.array(occupationSummary),
});
export type Cluster = v.InferOutput<typeof cluster>;
export type Pathway = v.InferOutput<typeof pathway>;
export type RouteMapDocument = v.InferOutput<typeof routeMapDocument>;
