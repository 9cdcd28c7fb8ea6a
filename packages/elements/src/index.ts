// Side-effect-free entry: the element classes and shared helpers. Importing this registers nothing;
// import `@occupational-maps/elements/define/<tag>` (or the CDN bundle) to register elements.
export * from './shared/index.js';
export { OccupationCard } from './occupation-card/occupation-card.js';
export * from './shared/favourites.js';
export { FavouriteToggle } from './favourite-toggle/favourite-toggle.js';
export { OccupationFavourites } from './occupation-favourites/occupation-favourites.js';
export { favouritesToCsv } from './occupation-favourites/csv.js';
export { ProgressionMap } from './progression-map/progression-map.js';
export { RouteMap } from './route-map/route-map.js';
export { OccupationCompare } from './occupation-compare/occupation-compare.js';
export { OccupationSearch } from './occupation-search/occupation-search.js';
export { SocBadge } from './soc-badge/soc-badge.js';
export * from './shared/persistent-store.js';
export { MapBuilder } from './map-builder/map-builder.js';
// A college's course list ("Offered here"): parse one to hand to an element's `courses` property, or check one.
export { parseCourseList, CourseListError, type Course, type CourseList, type CourseProblem } from './courses/course-list.js';
export { classifyCourseCode, type CourseCode, type CourseCodeKind } from './courses/course-codes.js';
export { matchCourses, type CourseOverlay } from './courses/course-match.js';
// Each element's own words, for hosts that translate or reword them (the shared ones are `defaultStrings`).
export { favouriteToggleStrings } from './favourite-toggle/favourite-toggle.strings.js';
export { mapBuilderStrings } from './map-builder/map-builder.strings.js';
export { coursesStrings } from './courses/courses.strings.js';
export { occupationCardStrings } from './occupation-card/occupation-card.strings.js';
export { occupationCompareStrings } from './occupation-compare/occupation-compare.strings.js';
export { occupationFavouritesStrings } from './occupation-favourites/occupation-favourites.strings.js';
export { occupationSearchStrings } from './occupation-search/occupation-search.strings.js';
export { progressionMapStrings } from './progression-map/progression-map.strings.js';
export { routeMapStrings } from './route-map/route-map.strings.js';
export { socBadgeStrings } from './soc-badge/soc-badge.strings.js';
export { socBadgeDetailStrings } from './soc-badge/soc-badge-detail.strings.js';
