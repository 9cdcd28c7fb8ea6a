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

export const PRODUCT_TYPE_VALUES = ['apprenticeship', 't-level', 'htq', 'tq', 'other'] as const;
