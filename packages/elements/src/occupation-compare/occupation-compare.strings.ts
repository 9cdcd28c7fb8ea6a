import { defaultStrings } from '../shared/strings.js';

/** `<occupation-compare>`'s own words (British English), overridable per element through `strings`. */
export const occupationCompareStrings = {
  compareCaption: (titles: string) => `Comparing ${titles}`,
  compareNoCodes: 'Add two or three occupation codes to compare, for example codes="OCC0499,OCC0031".',
  compareTooMany: (total: number) => `Only the first three of the ${total} occupations asked for are compared.`,
  compareNotFound: (code: string) => `No occupation found for ${code}`,
  compareInvalidCode: (code: string) => `“${code}” is not an occupation code (they look like OCC0499).`,
  compareLevel: 'Level',
  compareBand: 'Band',
  compareStatus: 'Status',
  compareProducts: 'Products',
  compareDuration: 'Typical duration',
  compareFunding: 'Maximum funding',
  compareSoc: 'SOC 2020 code',
  compareJobTitles: 'Typical job titles',
  compareMonths: (months: number) => (months === 1 ? '1 month' : `${months} months`),
  compareNotAvailable: 'Not available',
  compareNone: 'None',
  compareSharedHeading: 'What they share and what differs',
  compareNeedsTwo: 'Knowledge, skills, behaviours and duties are compared when at least two occupations are shown.',
  compareKnowledge: 'Knowledge',
  compareSkills: 'Skills',
  compareBehaviours: 'Behaviours',
  compareDuties: 'Duties',
  compareSharedByAll: 'Shared by all',
  compareSharedBy: (titles: string) => `Shared by ${titles}`,
  compareOnlyIn: (title: string) => `Only in ${title}`,
  compareGroupSummary: (category: string, shared: number, total: number) =>
    `${category}: ${shared} of ${total} shared by all`,
  compareAnd: (items: string[]) =>
    items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`,
};

/** The shared strings with this element's own: everything `<occupation-compare>` says. */
export const occupationCompareDefaults = { ...defaultStrings, ...occupationCompareStrings };
export type OccupationCompareStrings = typeof occupationCompareDefaults;
