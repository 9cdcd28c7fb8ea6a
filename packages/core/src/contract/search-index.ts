import * as v from 'valibot';
import { band, level, nonEmptyText, occupationCode, productType, routeSlug, status } from './common.js';

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
});

export const searchIndexDocument = v.object({ occupations: v.array(searchEntry) });
export type SearchEntry = v.InferOutput<typeof searchEntry>;
export type SearchIndexDocument = v.InferOutput<typeof searchIndexDocument>;
