import type { CourseListError, CourseProblem } from './course-list.js';

/**
 * The words of the course overlay ("Offered here"), shared by every element that takes `courses-src`. Hosts override
 * them through each element's `strings` property like any other.
 */
export const coursesStrings = {
  coursesOfferedHere: 'Offered here',
  /** After a tile's title, for screen readers. */
  coursesOfferedHereSuffix: ', offered here',
  coursesStudyWithUs: 'Study with us',
  coursesCourseCount: (count: number) => (count === 1 ? '1 course' : `${count} courses`),
  coursesLevel: (level: string) => (/^\d$/.test(level) ? `Level ${level}` : level),
  coursesModeFullTime: 'Full-time',
  coursesModePartTime: 'Part-time',
  coursesModeApprenticeship: 'Apprenticeship',
  coursesStarts: (start: string) => `Starts ${start}`,
  coursesCampus: (campus: string) => `${campus} campus`,
  coursesOfferedCount: (offered: number, total: number) =>
    `${offered} of ${total} ${total === 1 ? 'occupation' : 'occupations'} offered here`,
  coursesFilterOffered: 'Offered here only',
  coursesKey: 'Our courses',
  coursesKeyItem: 'Offered here: one of our courses leads to it',
  coursesTableColumn: 'Offered here',
  coursesTableYes: (count: number) => (count === 1 ? 'Yes, 1 course' : `Yes, ${count} courses`),
  coursesTableNo: 'No',
  coursesNoticeTitle: 'Our courses could not be shown',
  /** Under the title: what went wrong (the list's own message), then that the rest works. */
  coursesNoticeBody: (message: string) => `${message} Everything else here works as usual.`,
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
  coursesError: (error: CourseListError): string => error.message,
};

export type CoursesStrings = typeof coursesStrings;

/** "Row 4: no title", for the builder's list and the console. */
export const describeProblem = (problem: CourseProblem, text: CoursesStrings = coursesStrings): string =>
  `${text.coursesProblemRow(problem.row)}: ${text.coursesProblem(problem)}`;
