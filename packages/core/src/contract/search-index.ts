import * as v from 'valibot';
import { band, count, level, nonEmptyText, nullableText, occupationCode, productType, productTypeSlug, routeSlug, status } from './common.js';

export const searchEntry = v.pipe(v.object({
  code: occupationCode,
  title: nonEmptyText,
  level,
  band,
  status,
  route: routeSlug,
  keywords: v.array(nonEmptyText),
  jobTitles: v.array(nonEmptyText),
  products: v.array(nonEmptyText),
  /** The closed types of the first clients (`other` for newer ones). Read `productTypeSlugs` instead. */
  productTypes: v.array(productType),
  /**
   * The LARS code of the occupation's apprenticeship standard (API A), so a course list can name it by LARS code;
   * `null` where it has none or none is assigned. Added within v1: a document from an older gateway lacks it and
   * reads as `null`.
   */
  larsCode: v.optional(v.nullable(count), null),
  /** The open type slugs of the occupation's products. Absent from documents made before it existed. */
  productTypeSlugs: v.optional(v.array(productTypeSlug)),
}), v.transform((entry) => ({ ...entry, productTypeSlugs: entry.productTypeSlugs ?? [...entry.productTypes] })));

/** Every product type in the index with the upstream's name for it, so a type no client knows yet can be labelled. */
export const productTypeEntry = v.object({ slug: productTypeSlug, typeName: nullableText });

export const searchIndexDocument = v.object({
  occupations: v.array(searchEntry),
  productTypes: v.optional(v.array(productTypeEntry), []),
});
export type SearchEntry = v.InferOutput<typeof searchEntry>;
export type ProductTypeEntry = v.InferOutput<typeof productTypeEntry>;
export type SearchIndexDocument = v.InferOutput<typeof searchIndexDocument>;
