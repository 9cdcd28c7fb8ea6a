import type { CourseProblem } from './course-list.js';
import { courseOverlayStrings } from './course-overlay.strings.js';

/** Every word of the course overlay: the elements' own, and the map builder's for a list's bad rows. */
export const coursesStrings = {
  ...courseOverlayStrings,
  coursesProblemRow: (row: number) => `Row ${row}`,
  coursesProblem: (problem: CourseProblem): string => {
    const value = problem.value ?? '';
    switch (problem.kind) {
      case 'not-a-row':
        return 'not a course: each row needs code, title and url';
      case 'missing-code':
        return 'no code';
      case 'unknown-code':
        return `"${value}" is not a code we recognise (use an occupation such as OCC0499, a standard such as ST0499, a LARS code, a T Level such as TL0012a or a qualification number such as 610/0553/3)`;
      case 'no-occupation':
        return `no occupation on the maps has the code ${value}`;
      case 'missing-title':
        return 'no title';
      case 'missing-url':
        return 'no url';
      case 'bad-url':
        return `"${value}" is not an http(s) or relative URL`;
      case 'duplicate':
        return `repeats row ${problem.firstRow} (the same code ${value} and url)`;
      case 'too-many-rows':
        return 'the list stops here: only the first 2,000 courses are read';
    }
  },
};

export type CoursesStrings = typeof coursesStrings;

/** "Row 4: no title", for the builder's list and the console. */
export const describeProblem = (problem: CourseProblem, text: CoursesStrings = coursesStrings): string =>
  `${text.coursesProblemRow(problem.row)}: ${text.coursesProblem(problem)}`;
