import * as v from 'valibot';
import { OCCUPATION_CODE, ROUTE_SLUG, SOC_CODE } from '../paths.js';
import { BAND_VALUES, PRODUCT_TYPE_SLUG, PRODUCT_TYPE_VALUES, STATUS_VALUES, type KnownProductTypeSlug } from './values.js';

export * from './values.js';

export const nonEmptyText = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
export const nullableText = v.nullable(nonEmptyText);
export const isoDate = v.pipe(v.string(), v.isoDate('must be a date in YYYY-MM-DD form'));
export const httpUrl = v.pipe(v.string(), v.regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) URL'));
export const occupationCode = v.pipe(v.string(), v.regex(OCCUPATION_CODE, 'must be an occupation code such as OCC0499'));
export const socCode = v.pipe(v.string(), v.regex(SOC_CODE, 'must be a four-digit SOC code'));
export const routeSlug = v.pipe(v.string(), v.regex(ROUTE_SLUG, 'must be a route slug such as "digital"'));
export const level = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8));
export const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const band = v.picklist(BAND_VALUES);

/** Occupation status: see STATUS_VALUES. */
export const status = v.picklist(STATUS_VALUES);

/** The closed product type of the first clients (see PRODUCT_TYPE_VALUES); kept for them, `other` for newer types. */
export const productType = v.picklist(PRODUCT_TYPE_VALUES);

/** An open product type slug: one of PRODUCT_TYPES, or one made from a newer upstream type name. */
export const productTypeSlug = v.pipe(v.string(), v.regex(PRODUCT_TYPE_SLUG, 'must be a product type slug such as "foundation-apprenticeship"'));

export const product = v.pipe(
  v.object({
    /** ST0499, TL0007d, TQL2C11048RN5361, FA0001 … (case kept: T Level suffixes are lower case). */
    code: nonEmptyText,
    /** The closed type old clients know (`other` for a foundation apprenticeship, say). Read `typeSlug` instead. */
    type: productType,
    /** The open, stable type: `apprenticeship`, `foundation-apprenticeship`, `apprenticeship-unit`, `t-level`, `htq`, `tq`, or a newer one. Absent from documents made before it existed. */
    typeSlug: v.optional(productTypeSlug),
    /** The upstream's own name for the type ("Foundation Apprenticeship"); what an unknown type is shown as. */
    typeName: v.optional(nullableText),
    title: nullableText,
    /** The upstream status words as published, e.g. "Approved for delivery (paused for starts)"; `null` where the upstream gives none (TQs). */
    status: nullableText,
    level: v.nullable(level),
    careerStarter: v.nullable(v.boolean()),
  }),
  // Documents from gateways older than the open list carry only `type`: every one of its values is also a slug.
  v.transform((p) => ({ ...p, typeSlug: p.typeSlug ?? p.type, typeName: p.typeName ?? null })),
);

export const occupationSummary = v.object({
  code: occupationCode,
  title: nonEmptyText,
  level,
  band,
  status,
  routeSlug: v.nullable(routeSlug),
  products: v.array(product),
  soc2020: v.nullable(socCode),
});

export const progressionEdge = v.object({ from: occupationCode, to: occupationCode });

/** One choice offered by a 404 for a bare occupation code (`OCC1312` → `OCC1312A`, `OCC1312B`). */
export const codeOption = v.object({ code: occupationCode, title: nonEmptyText });

export const errorDocument = v.object({
  error: v.object({ code: nonEmptyText, message: nonEmptyText, options: v.optional(v.array(codeOption)) }),
});

export type Band = v.InferOutput<typeof band>;
export type OccupationStatus = v.InferOutput<typeof status>;
export type ProductType = v.InferOutput<typeof productType>;
export type ProductTypeSlug = KnownProductTypeSlug | (string & {});
export type OccupationOption = v.InferOutput<typeof codeOption>;
export type Product = v.InferOutput<typeof product>;
export type OccupationSummary = v.InferOutput<typeof occupationSummary>;
export type ProgressionEdge = v.InferOutput<typeof progressionEdge>;
export type ErrorDocument = v.InferOutput<typeof errorDocument>;
export type CodeOption = v.InferOutput<typeof codeOption>;
