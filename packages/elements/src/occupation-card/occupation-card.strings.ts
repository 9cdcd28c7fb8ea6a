import { defaultStrings } from '../shared/strings.js';
import { coursesStrings } from '../courses/courses.strings.js';

/** `<occupation-card>`'s own words (British English), overridable per element through `strings`. */
export const occupationCardStrings = {
  careerStarter: 'Career starter apprenticeship',
  cardNoCode:
    'No occupation is set. Give the card a code attribute (an occupation code such as OCC0499) or a standard attribute (an apprenticeship standard such as ST0499).',
  cardInvalidCode: (value: string) => `“${value}” is not an occupation code. Occupation codes look like OCC0499.`,
  cardInvalidStandard: (value: string) => `“${value}” is not an apprenticeship standard reference. References look like ST0499.`,
  cardNotFound: (code: string) => `No occupation found for ${code}.`,
  cardStandardNotFound: (reference: string) => `No occupation found for the apprenticeship standard ${reference}.`,
  cardNotFoundGuidance: 'Check the code is typed correctly. Codes change rarely, but occupations are sometimes merged or withdrawn.',
  cardSearchOfficialMaps: 'Find the occupation on the official occupational maps',
  cardOccupationCode: 'Occupation code',
  cardRoute: 'Route',
  cardPathway: 'Pathway',
  cardCluster: 'Cluster',
  cardOverview: 'Overview',
  cardTypicalJobTitles: 'Typical job titles',
  cardInvolvedEmployers: 'Employers involved in the standard',
  cardMedianSalary: 'Median annual salary',
  cardGreen: 'Green occupation',
  cardProducts: 'Apprenticeships and qualifications',
  cardProductCode: (code: string) => `Code ${code}`,
  cardApprenticeship: 'Apprenticeship facts',
  cardStandard: 'Standard',
  cardStandardVersion: (reference: string, version: string) => `${reference}, version ${version}`,
  cardTypicalDuration: 'Typical duration',
  cardDurationMonths: (months: number) => (months === 1 ? '1 month' : `${months} months`),
  cardMaxFunding: 'Maximum funding',
  cardLarsCode: 'LARS code',
  cardEntryRequirements: 'Entry requirements',
  cardKsbs: 'Knowledge, skills and behaviours',
  cardKnowledge: 'Knowledge',
  cardSkills: 'Skills',
  cardBehaviours: 'Behaviours',
  cardDuties: 'Duties',
  cardAllDuties: 'All duties',
  cardDutyMappedTo: 'Knowledge, skills and behaviours:',
  cardShowKnowledge: 'Show knowledge',
  cardShowSkill: 'Show skill',
  cardShowBehaviour: 'Show behaviour',
  cardProgression: 'Progression',
  cardLeadsTo: 'Leads to',
  cardComesFrom: 'Comes from',
  cardProgressionError: 'The progression for this occupation could not be loaded.',
  cardOfficialPages: 'On the official sites',
  cardOccupationPage: 'This occupation on the occupational maps',
  cardStandardPage: 'The apprenticeship standard',
  cardProgressionPage: 'Progression map',
  cardRouteMapPage: (route: string) => `The ${route} route map`,
  cardVersion: (version: string) => `Version ${version}`,
  cardUpdated: (date: string) => `Last updated ${date}`,
};

/** The shared strings with this element's own: everything `<occupation-card>` says. */
export const occupationCardDefaults = { ...defaultStrings, ...coursesStrings, ...occupationCardStrings };
export type OccupationCardStrings = typeof occupationCardDefaults;
