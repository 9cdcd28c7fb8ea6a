import { defaultStrings } from '../shared/strings.js';
import { courseOverlayStrings } from '../courses/course-overlay.strings.js';

/** `<occupation-search>`'s own words (British English), overridable per element through `strings`. */
export const occupationSearchStrings = {
  searchLabel: 'Search occupations',
  searchHint: 'Search every route by job title, keyword or code, then use the arrow keys to choose an occupation.',
  searchClear: 'Clear search',
  searchResultsLabel: 'Matching occupations',
  searchResultCount: (count: number) => (count === 1 ? '1 occupation found.' : `${count} occupations found.`),
  searchShowingFirst: (shown: number, total: number) => `${total} occupations found. Showing the first ${shown}; add words to narrow the search.`,
  searchNoResults: (query: string) => `No occupations match “${query}”.`,
  searchNoResultsGuidance: 'Check the spelling, or try a broader word or another job title.',
  searchSuggestions: 'Try:',
  searchFiltersLimit: 'The filters may be hiding results.',
  searchClearFilters: 'Search without filters',
  searchFilters: 'Filter results',
  searchFilterBand: 'Level',
  searchFilterAllBands: 'All levels',
  searchBandOption: (band: string, from: number, to: number) => `${band}, levels ${from} to ${to}`,
  searchFilterRoute: 'Route',
  searchFilterAllRoutes: 'All routes',
  searchFilterProduct: 'Apprenticeship or qualification',
  searchFilterAllProducts: 'Any type',
  searchLoading: 'Loading the search…',
};

/** The shared strings with this element's own: everything `<occupation-search>` says. */
export const occupationSearchDefaults = { ...defaultStrings, ...courseOverlayStrings, ...occupationSearchStrings };
export type OccupationSearchStrings = typeof occupationSearchDefaults;
