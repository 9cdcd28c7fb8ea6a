import { defaultStrings } from '../shared/strings.js';

/** `<progression-map>`'s own words (British English), overridable per element through `strings`. */
export const progressionMapStrings = {
  progressionLabel: (title: string) => `Progression map for ${title}`,
  progressionSummary: (title: string, level: number, to: number, from: number) => {
    const occupations = (count: number) => (count === 1 ? '1 occupation' : `${count} occupations`);
    const leads = to === 0 ? 'leads to no other occupation mapped yet' : `leads to ${occupations(to)}`;
    const reached = from === 0 ? 'no mapped occupation leads to it' : `it is reached from ${occupations(from)}`;
    return `${title} (level ${level}) ${leads}, and ${reached}.`;
  },
  progressionNone: (title: string) => `${title} has no progression routes mapped yet.`,
  progressionThisOccupation: 'This occupation',
  progressionOtherRoute: (route: string) => `Other route: ${route}`,
  progressionLeadsTo: 'Leads to',
  progressionComesFrom: 'Comes from',
  progressionRouteKey: 'Route key',
  progressionNoLinks: 'No progression links',
};

/** The shared strings with this element's own: everything `<progression-map>` says. */
export const progressionMapDefaults = { ...defaultStrings, ...progressionMapStrings };
export type ProgressionMapStrings = typeof progressionMapDefaults;
