import type { FavouriteItem } from '../shared/favourites.js';

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection), even from a CSV file:
 * such cells get a leading apostrophe, which shows as text. Tab and carriage return are in OWASP's list too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-neutralised, then quoted with inner quotes doubled (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/**
 * The favourites as CSV: a `code,title,level,route` header (stable names for scripts), then one row per occupation in
 * the person's order, CRLF line ends. `routeName` turns a slug into the name people know.
 */
export function favouritesToCsv(items: readonly FavouriteItem[], routeName: (slug: string) => string): string {
  const rows = [['code', 'title', 'level', 'route'].join(',')];
  for (const item of items) {
    const route = item.routeSlug ? routeName(item.routeSlug) : null;
    rows.push([csvField(item.code), csvField(item.title), csvField(item.level), csvField(route)].join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
