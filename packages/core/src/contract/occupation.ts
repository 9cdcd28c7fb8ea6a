import * as v from 'valibot';
import {
  count,
  httpUrl,
  isoDate,
  nonEmptyText,
  nullableText,
  occupationSummary,
  routeSlug,
  socCode,
} from './common.js';
import { richText } from './rich-text.js';

const named = v.object({ id: v.pipe(v.number(), v.integer()), name: nonEmptyText });
const socRef = v.object({ code: socCode, title: nonEmptyText });

export const ksb = v.object({
  /** `K1`, `S3`, `B2` (a letter suffix such as `K1a` can occur). */
  id: v.pipe(v.string(), v.regex(/^[KSB]\d+[a-z]?$/, 'must be a KSB id such as K1')),
  text: nonEmptyText,
});

export const duty = v.object({
  id: v.pipe(v.string(), v.regex(/^D\d+[a-z]?$/, 'must be a duty id such as D1')),
  text: nonEmptyText,
  /** The ids of the knowledge, skills and behaviours this duty maps to. */
  ksbs: v.array(v.pipe(v.string(), v.regex(/^[KSB]\d+[a-z]?$/))),
});

export const apprenticeship = v.object({
  standard: nonEmptyText,
  version: nullableText,
  status: nullableText,
  typicalDurationMonths: v.nullable(count),
  /** Maximum funding band in whole pounds. */
  maxFunding: v.nullable(count),
  larsCode: v.nullable(count),
  entryRequirements: nullableText,
  standardPageUrl: v.nullable(httpUrl),
});

export const occupationDocument = v.object({
  ...occupationSummary.entries,
  version: nullableText,
  route: v.object({ slug: routeSlug, name: nonEmptyText }),
  pathway: v.nullable(named),
  cluster: v.nullable(named),
  overview: nullableText,
  summary: richText,
  typicalJobTitles: v.array(nonEmptyText),
  keywords: v.array(nonEmptyText),
  involvedEmployers: v.array(nonEmptyText),
  green: v.nullable(v.object({ isGreen: v.boolean(), classification: nullableText })),
  medianAnnualSalary: v.nullable(count),
  soc: v.object({
    soc2020: v.nullable(socRef),
    soc2010: v.nullable(socRef),
    subUnitGroups: v.array(
      v.object({
        code: v.pipe(v.string(), v.regex(/^\d{4}\/\d{2}$/, 'must be a sub-unit group code such as 5231/01')),
        title: nonEmptyText,
        primary: v.boolean(),
      }),
    ),
  }),
  apprenticeship: v.nullable(apprenticeship),
  ksbs: v.object({ knowledge: v.array(ksb), skills: v.array(ksb), behaviours: v.array(ksb) }),
  duties: v.array(duty),
  /** Pages on the official Skills England sites. */
  links: v.object({
    occupation: v.nullable(httpUrl),
    map: v.nullable(httpUrl),
    standard: v.nullable(httpUrl),
    progression: v.nullable(httpUrl),
  }),
  updatedAt: v.nullable(isoDate),
});

export type Ksb = v.InferOutput<typeof ksb>;
export type Duty = v.InferOutput<typeof duty>;
export type Apprenticeship = v.InferOutput<typeof apprenticeship>;
export type OccupationDocument = v.InferOutput<typeof occupationDocument>;
