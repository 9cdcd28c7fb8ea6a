/** Formatting and URL helpers for `<occupation-card>`: pure functions, so they are easy to test and reuse. */

// Made on first use (see shared/currency.ts): locale data loads only when a date is shown.
let longDate: Intl.DateTimeFormat | undefined;

/** 24 May 2018, from an ISO date (`YYYY-MM-DD`); `null` when the date cannot be read, so nothing shows. */
export function formatDate(isoDate: string): string | null {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return null;
  return (longDate ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })).format(date);
}

/** An outside link worth rendering: http(s) only, whatever the data claims. */
export function safeExternalHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The sections a card can show, in the order they render. */
export const CARD_SECTIONS = ['overview', 'courses', 'products', 'ksbs', 'duties', 'progression', 'links'] as const;
export type CardSection = (typeof CARD_SECTIONS)[number];

/** The `sections` attribute as a set; the variant's defaults when the attribute is absent. Unknown names are ignored. */
export function parseSections(value: string | null | undefined, variant: 'compact' | 'full'): ReadonlySet<CardSection> {
  if (value === null || value === undefined) return new Set(variant === 'compact' ? ['courses', 'products'] : CARD_SECTIONS);
  const wanted = value.toLowerCase().split(/[\s,]+/);
  return new Set(CARD_SECTIONS.filter((section) => wanted.includes(section)));
}
