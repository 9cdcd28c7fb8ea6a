import * as v from 'valibot';
import { count, nonEmptyText, routeSlug } from './common.js';

export const routeListItem = v.object({
  /** The Occupational Maps API `routeId`. */
  id: v.pipe(v.number(), v.integer()),
  slug: routeSlug,
  name: nonEmptyText,
  occupationCount: count,
});

export const routesDocument = v.object({ routes: v.array(routeListItem) });
export type RouteListItem = v.InferOutput<typeof routeListItem>;
export type RoutesDocument = v.InferOutput<typeof routesDocument>;
