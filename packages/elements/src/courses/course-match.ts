/**
 * Courses → occupations. One course may reach many occupations (a T Level is carried by several, a standard by all of
 * its options) and one occupation may have many courses. Matching runs over whatever occupations an element has
 * loaded: a route map's own, a card's one, or the whole search index (which alone can say that nothing on the maps
 * carries a code).
 */
import type { Course, CourseList, CourseProblem } from './course-list.js';
import { occupationKeys, type MatchTarget } from './course-codes.js';

export interface CourseOverlay {
  /** Courses per occupation code, in the list's order. */
  readonly byOccupation: ReadonlyMap<string, readonly Course[]>;
  /** The list's own problems and, when matched against every occupation, the codes that reach none. */
  readonly problems: readonly CourseProblem[];
}

export interface MatchOptions {
  /**
   * The targets are every occupation on the maps (the search index): a code that matches none is reported as
   * "no occupation found" (or "unknown code" when it is not of a known form either).
   */
  complete?: boolean;
}

export const EMPTY_OVERLAY: CourseOverlay = Object.freeze({ byOccupation: new Map(), problems: [] });

export function matchCourses(list: CourseList, targets: Iterable<MatchTarget>, options: MatchOptions = {}): CourseOverlay {
  const byKey = new Map<string, string[]>();
  for (const target of targets) {
    for (const key of new Set(occupationKeys(target))) {
      const codes = byKey.get(key);
      if (codes) codes.push(target.code);
      else byKey.set(key, [target.code]);
    }
  }
  const byOccupation = new Map<string, Course[]>();
  const problems: CourseProblem[] = [...list.problems];
  for (const course of list.courses) {
    const reached = new Set<string>();
    for (const code of course.codes) {
      const found = code.keys.flatMap((key) => byKey.get(key) ?? []);
      for (const occupation of found) reached.add(occupation);
      if (found.length === 0 && options.complete) {
        problems.push({ row: course.row, kind: code.kind === 'other' ? 'unknown-code' : 'no-occupation', value: code.raw });
      }
    }
    for (const occupation of reached) {
      const courses = byOccupation.get(occupation);
      if (courses) courses.push(course);
      else byOccupation.set(occupation, [course]);
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { byOccupation, problems };
}

/** Whether any code in the list can only be matched with the search index (LARS codes: route maps do not carry them). */
export const needsSearchIndex = (list: CourseList): boolean => list.courses.some((course) => course.codes.some((code) => code.kind === 'lars'));
