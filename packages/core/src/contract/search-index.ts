import * as v from 'valibot';
import { band, count, level, nonEmptyText, occupationCode, productType, routeSlug, status } from './common.js';

export const searchEntry = v.object({
  code: occupationCode,
  title: nonEmptyText,
  level,
  band,
  status,
  route: routeSlug,
  keywords: v.array(nonEmptyText),
  jobTitles: v.array(nonEmptyText),
  products: v.array(nonEmptyText),
  productTypes: v.array(productType),
  /**
   * The LARS code of the occupation's apprenticeship standard (API A), so a course list can name it by LARS code;
   * `null` where it has none or none is assigned. Added within v1: a document from an older gateway lacks it and
   * reads as `null`.
   */
  larsCode: v.optional(v.nullable(count), null),
});

export const searchIndexDocument = v.object({ occupations: v.array(searchEntry) });
export type SearchEntry = v.InferOutput<typeof searchEntry>;
export type SearchIndexDocument = v.InferOutput<typeof searchIndexDocument>;
