import type { Strings } from '../shared/strings.js';
import type { socBadgeDetailStrings } from './soc-badge-detail.strings.js';

/** What a closed `<soc-badge>` says (British English); overridable per element through `strings`. */
export const socBadgeStrings = {
  socEdition: (edition: string) => `SOC ${edition}`,
  socUnknownCode: 'Unknown SOC code',
  socNoCode: 'No code given',
  socTitleUnavailable: 'Title not available',
  socDetailLabel: (edition: string, code: string) => `SOC ${edition} ${code} in detail`,
};

/** Everything a badge may say: the shared strings, its own and its detail's (which load with the detail). */
export type SocBadgeStrings = Strings & typeof socBadgeStrings & typeof socBadgeDetailStrings;
