/** The one currency formatter of the elements: whole pounds sterling, as funding bands and salaries are published. */

// Made on first use, not when the module loads: a page's first Intl formatter loads locale data, which costs a phone
// tens of milliseconds that a route map (which shows no money) should not pay.
let pounds: Intl.NumberFormat | undefined;

/** £13,000 — whole pounds, British formatting. */
export const formatPounds = (amount: number): string =>
  (pounds ??= new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 })).format(amount);
