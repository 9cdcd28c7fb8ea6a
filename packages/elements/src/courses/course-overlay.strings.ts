import type { CourseListError } from './course-list-error.js';

/**
 * The words of the course overlay ("Offered here"), shared by every element that takes `courses-src`. Hosts override
 * them through each element's `strings` property like any other. The words for a list's bad rows, which only the map
 * builder shows, are in courses.strings.ts.
 */
export const courseOverlayStrings = {
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
  coursesError: (error: CourseListError): string => error.message,
};

export type CourseOverlayStrings = typeof courseOverlayStrings;
