/**
 * The contract's enumerations as plain constants, in a module without valibot, so code that only needs the values
 * (an element listing statuses or bands) does not pull the validators into its bundle.
 */
export const API_VERSION = 1;

export const BAND_VALUES = ['technical', 'higher-technical', 'professional'] as const;

/**
 * Occupation status, as the official map's legend: potential (a proposal), in development, approved, approved
 * without an apprenticeship, and retired or withdrawn. `other` keeps a status the upstream adds later visible.
 */
export const STATUS_VALUES = ['approved', 'in-development', 'proposal', 'without-apprenticeship', 'retired', 'other'] as const;

/**
 * The product types of the first Embed API v1 clients: a closed list, kept in `product.type` so that clients built
 * before the open list still validate every document (they show a newer type as `other`). New code reads
 * `product.typeSlug` and `product.typeName` instead.
 * @deprecated for display: use {@link PRODUCT_TYPES} and `typeSlug`.
 */
export const PRODUCT_TYPE_VALUES = ['apprenticeship', 't-level', 'htq', 'tq', 'other'] as const;

/**
 * The product types the contract knows, in the order legends and filters list them: a stable slug and the name the
 * upstream gives the type (`typeName`). The list is open: a product of a type not listed here keeps its upstream
 * name and gets a slug made from it (`V Level` → `v-level`), and is shown under that name, never as "Other".
 */
export const PRODUCT_TYPES = [
  { slug: 'apprenticeship', typeName: 'Apprenticeship', codePrefix: 'ST' },
  { slug: 'foundation-apprenticeship', typeName: 'Foundation Apprenticeship', codePrefix: 'FA' },
  { slug: 'apprenticeship-unit', typeName: 'Apprenticeship Unit', codePrefix: 'AU' },
  { slug: 't-level', typeName: 'TLevel', codePrefix: 'TL' },
  { slug: 'htq', typeName: 'HTQ', codePrefix: 'HTQ' },
  { slug: 'tq', typeName: 'TQ', codePrefix: 'TQ' },
] as const;

export type KnownProductTypeSlug = (typeof PRODUCT_TYPES)[number]['slug'];
export const PRODUCT_TYPE_SLUGS: readonly KnownProductTypeSlug[] = PRODUCT_TYPES.map((type) => type.slug);

/** A product type slug: lower-case words joined by hyphens (`foundation-apprenticeship`). */
export const PRODUCT_TYPE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug of any upstream type name: lower case, runs of other characters become one hyphen. */
export function slugOfTypeName(typeName: string): string {
  return typeName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The closed type an old client understands for an open slug: the four it knew, else `other`. */
export function legacyProductType(slug: string): (typeof PRODUCT_TYPE_VALUES)[number] {
  return (PRODUCT_TYPE_VALUES as readonly string[]).includes(slug) ? (slug as (typeof PRODUCT_TYPE_VALUES)[number]) : 'other';
}

/** Where the data of a document tree comes from: the embedded illustrative sample, or Skills England's own. */
export const DATA_KIND_VALUES = ['sample', 'skills-england'] as const;
