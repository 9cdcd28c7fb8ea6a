import { defaultStrings } from '../shared/strings.js';
import { coursesStrings } from '../courses/courses.strings.js';

/** `<map-builder>`'s own words (British English), overridable per element through `strings`. */
export const mapBuilderStrings = {
  builderHeading: 'Build a route map for your website',
  builderChoose: 'Choose what the map shows',
  builderRoute: 'Route',
  builderPathway: 'Pathway',
  builderAllPathways: 'All pathways',
  builderPathwaysLoading: 'Loading pathways…',
  builderPathwaysFailed: 'The pathways of this route could not be loaded; the map will show every pathway.',
  builderLevels: 'Levels',
  builderLevelsHint: 'Leave all unticked to show every level.',
  builderStatuses: 'Statuses',
  builderStatusesHint: 'Leave all unticked to show every status.',
  builderProducts: 'Products',
  builderProductsHint: 'Leave all unticked to show occupations with any product.',
  builderView: 'View',
  builderViewMap: 'Map',
  builderViewList: 'List',
  builderViewTable: 'Table',
  builderControls: 'Show filter controls on the map',
  builderAppearance: 'Appearance',
  builderTheme: 'Theme',
  builderThemeDefault: 'Default',
  builderThemeGovuk: 'GOV.UK',
  builderThemeDark: 'Dark',
  builderThemeHighContrast: 'High contrast',
  builderUseAccent: 'Use my own accent colour',
  builderAccent: 'Accent colour',
  builderCourses: 'Your courses (optional)',
  builderCoursesHint:
    'Mark the occupations your courses lead to as “Offered here”. Paste or upload a CSV with a header row of code, title and url (and, if you like, level, mode, start and campus), or the same as JSON. A code can be an occupation (OCC0499), an apprenticeship standard (ST0499), a LARS code (283), a T Level (TL0012a) or a qualification number (610/0553/3).',
  builderCoursesPaste: 'Course list',
  builderCoursesUpload: 'Or upload a CSV or JSON file',
  builderCoursesSrc: 'Where your course list will live (optional)',
  builderCoursesSrcHint: 'An http(s) or relative address, e.g. /our-courses.csv. Leave it empty to put the checked list into the embed code.',
  builderCoursesSrcInvalid: 'This is not an http(s) or relative address, so the list goes into the embed code instead.',
  builderCoursesChecking: 'Checking your course list…',
  /** `onRoute` is null while the chosen route is loading. */
  builderCoursesSummary: (courses: number, offered: number, onRoute: number | null) =>
    `${courses === 1 ? '1 course' : `${courses} courses`} read: ${offered === 1 ? '1 occupation' : `${offered} occupations`} offered here${onRoute === null ? '' : `, ${onRoute} of them on this route`}.`,
  builderCoursesUnchecked: 'The codes could not be checked against the maps just now; the preview shows what matches this route.',
  builderCoursesProblems: (count: number) => (count === 1 ? '1 row needs attention (it is left out of the map):' : `${count} rows need attention (they are left out of the map):`),
  builderCoursesUnusable: (message: string) => `This course list cannot be used: ${message}`,
  builderCoursesFileTooLarge: 'That file is too large for a course list (over 1 MB).',
  builderPreview: 'Preview',
  builderSnippet: 'Embed code',
  builderSnippetHint: 'Paste this into your web page where the map should appear.',
  builderCopy: 'Copy embed code',
  builderCopied: 'Copied',
  builderCopyFallback: 'The embed code is selected: press Ctrl+C (or ⌘C on a Mac) to copy it.',
};

/** The shared strings with this element's own: everything `<map-builder>` says. */
export const mapBuilderDefaults = { ...defaultStrings, ...coursesStrings, ...mapBuilderStrings };
export type MapBuilderStrings = typeof mapBuilderDefaults;
