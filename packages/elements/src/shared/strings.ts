import { baseStrings } from './base-strings.js';

/**
 * The user-visible strings every element shares (states, errors, attribution, levels, statuses, products), in British
 * English. Each element adds its own in `<element>/<element>.strings.ts`, so a page carries only the words of the
 * elements it uses. Hosts override any of them per element through the `strings` property (GOV.UK Frontend's i18n
 * pattern), e.g. `el.strings = { retry: 'Try again' }`. Functions take the values they interpolate, so a translation
 * can reorder words.
 */
export const defaultStrings = {
  ...baseStrings,
  empty: 'There is nothing to show here yet.',
  level: (level: number) => `Level ${level}`,
  levels: (from: number, to: number) => `Levels ${from} to ${to}`,
  opensInNewTab: '(opens in a new tab)',
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
  attributionSource: 'Contains public sector information from Skills England licensed under the',
  attributionLicence: 'Open Government Licence v3.0',
  attributionEndorsement: 'Not endorsed by Skills England.',
  /** Shown with the embedded sample dataset; hosts cannot hide it (only reword it). */
  attributionSample: 'Sample data: the occupations shown are illustrative sample data, not Skills England data.',
  attributionDataDate: (date: string) => `Skills England data, ${date}.`,
  attributionData: 'Skills England data.',
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
  productFoundationApprenticeship: 'Foundation apprenticeship',
  productApprenticeshipUnit: 'Apprenticeship unit',
  productTLevel: 'T Level',
  productHtq: 'Higher Technical Qualification',
  productTq: 'Technical qualification',
  productOther: 'Other qualification',
};

export type Strings = typeof defaultStrings;
export type StringOverrides = Partial<Strings>;
