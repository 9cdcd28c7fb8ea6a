/** The one currency formatter of the elements: whole pounds sterling, as funding bands and salaries are published. */

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** £13,000 — whole pounds, British formatting. */
export const formatPounds = (amount: number): string => pounds.format(amount);
