import { defaultStrings } from '../shared/strings.js';

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
  builderPreview: 'Preview',
  builderSnippet: 'Embed code',
  builderSnippetHint: 'Paste this into your web page where the map should appear.',
  builderCopy: 'Copy embed code',
  builderCopied: 'Copied',
  builderCopyFallback: 'The embed code is selected: press Ctrl+C (or ⌘C on a Mac) to copy it.',
};

/** The shared strings with this element's own: everything `<map-builder>` says. */
export const mapBuilderDefaults = { ...defaultStrings, ...mapBuilderStrings };
export type MapBuilderStrings = typeof mapBuilderDefaults;
