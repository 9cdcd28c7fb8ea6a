/**
 * Every user-visible string of the library, in British English, in one typed object. Hosts override any of them per
 * element through the `strings` property (GOV.UK Frontend's i18n pattern), e.g. `el.strings = { retry: 'Try again' }`.
 * Functions take the values they interpolate, so a translation can reorder words.
 */
export const defaultStrings = {
  loading: 'Loading…',
  retry: 'Retry',
  errorTitle: 'This information could not be loaded',
  errorNetwork: (base: string) =>
    `The occupational maps service at ${base} could not be reached. Check your connection, or the api-base attribute if you set one.`,
  errorServer: 'The occupational maps service had a problem. Try again in a moment.',
  errorRateLimited: 'The occupational maps service is busy. Try again in a moment.',
  errorInvalid: 'The occupational maps service sent data this page cannot read.',
  errorBadRequest: 'The code or address asked for is not valid.',
  errorNotFound: 'The information asked for was not found.',
  errorNoApiBase:
    'No data source is set. Add an api-base attribute (for example api-base="https://your-gateway.example/v1/") or a <meta name="occupational-maps:api-base"> tag.',
  empty: 'There is nothing to show here yet.',
  attributionSource: 'Contains public sector information from Skills England licensed under the',
  attributionLicence: 'Open Government Licence v3.0',
  attributionEndorsement: 'Not endorsed by Skills England.',
  level: (level: number) => `Level ${level}`,
  levels: (from: number, to: number) => `Levels ${from} to ${to}`,
  bandTechnical: 'Technical',
  bandHigherTechnical: 'Higher technical',
  bandProfessional: 'Professional',
  statusApproved: 'Approved occupational standard',
  statusInDevelopment: 'Occupational standard in development',
  statusProposal: 'Potential occupational standard',
  statusWithoutApprenticeship: 'Occupational standard without apprenticeship',
  statusRetired: 'Retired occupational standard',
  statusOther: 'Other status',
  productApprenticeship: 'Apprenticeship',
  productTLevel: 'T Level',
  productHtq: 'Higher Technical Qualification',
  productTq: 'Technical qualification',
  productOther: 'Other qualification',
  careerStarter: 'Career starter apprenticeship',
  opensInNewTab: '(opens in a new tab)',
  // <favourite-toggle>
  favouriteAdd: (title: string) => `Add ${title} to favourites`,
  favouriteRemove: (title: string) => `Remove ${title} from favourites`,

  // <occupation-favourites>
  favouritesHeading: 'Favourite occupations',
  favouritesCount: (count: number) => (count === 1 ? '1 occupation saved' : `${count} occupations saved`),
  favouritesEmpty: 'You have not saved any favourite occupations yet.',
  favouritesEmptyGuidance: 'Select the star next to an occupation to save it here. Your favourites are kept in this browser on this device.',
  favouritesNotPersisted: 'This browser is not letting the page save data, so your favourites will be lost when you leave the page.',
  favouritesMoveUp: (title: string) => `Move ${title} up`,
  favouritesMoveDown: (title: string) => `Move ${title} down`,
  favouritesMoved: (title: string, position: number, total: number) => `${title} moved to position ${position} of ${total}.`,
  /** Visible on the remove button; its accessible name is `favouriteRemove`, which must begin with these words. */
  favouritesRemoveShort: 'Remove',
  favouritesRemoved: (title: string) => `${title} removed from favourites.`,
  favouritesClearAll: 'Clear all',
  favouritesClearQuestion: (count: number) =>
    count === 1 ? 'Remove your 1 favourite occupation? This cannot be undone.' : `Remove all ${count} favourite occupations? This cannot be undone.`,
  favouritesClearConfirm: 'Yes, remove all',
  favouritesClearCancel: 'Cancel',
  favouritesCleared: 'All favourites removed.',
  favouritesExport: 'Download as CSV',
  favouritesExportFilename: 'favourite-occupations.csv',
  favouritesPrint: 'Print',
  favouritesActions: 'Manage favourites',

  // <occupation-search>
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

export type Strings = typeof defaultStrings;
export type StringOverrides = Partial<Strings>;
