/**
 * Which of a route's occupations a college's course list reaches: matched against the route map's own occupations
 * (their codes and product codes) and, for LARS codes, which route maps do not carry, the search index's LARS codes.
 * The map imports this module only when it has a course list.
 */
import type { SearchIndexDocument } from '@occupational-maps/core';
import type { Course, CourseList } from '../courses/course-list.js';
import { matchCourses } from '../courses/course-match.js';

export { needsSearchIndex } from '../courses/course-match.js';
import type { RouteModel } from './route-model.js';

const cache = new WeakMap<RouteModel, { list: CourseList; index?: SearchIndexDocument; offered: ReadonlyMap<string, readonly Course[]> }>();

export function offeredInRoute(model: RouteModel, list: CourseList, index?: SearchIndexDocument): ReadonlyMap<string, readonly Course[]> {
  const cached = cache.get(model);
  if (cached && cached.list === list && cached.index === index) return cached.offered;
  const lars = new Map(index?.occupations.map((entry) => [entry.code, entry.larsCode]) ?? []);
  const targets = [...model.tilesByCode.values()].map(([tile]) => ({
    code: tile!.occupation.code,
    products: tile!.occupation.products.map((product) => product.code),
    larsCode: lars.get(tile!.occupation.code) ?? null,
  }));
  const offered = matchCourses(list, targets).byOccupation;
  cache.set(model, { list, index, offered });
  return offered;
}
