import { findRoute } from '@occupational-maps/core';
import { defaultApiBase } from '../shared/api-base.js';

/** The official map of a route: the fallback link inside the snippet's `<route-map>`. */
const OFFICIAL_ROUTE_URL = 'https://occupational-maps.skillsengland.education.gov.uk/maps/route/';

/** What a college chose in the builder; everything the embed snippet and the preview are made from. */
export interface MapChoices {
  route: string;
  /** A pathway id, or '' for every pathway. */
  pathway: string;
  levels: number[];
  statuses: string[];
  products: string[];
  view: 'map' | 'list' | 'table';
  controls: boolean;
  theme: ThemePreset;
  /** A `#rrggbb` accent, or null to keep the theme's. */
  accent: string | null;
}

export const THEME_PRESETS = ['default', 'govuk', 'dark', 'high-contrast'] as const;
export type ThemePreset = (typeof THEME_PRESETS)[number];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (character) => ESCAPES[character]!);

/** `4-5` for a run of levels, `2,3,6` otherwise; '' for none or all (both mean every level). */
export function formatLevels(levels: readonly number[]): string {
  const sorted = [...new Set(levels)].sort((a, b) => a - b);
  if (sorted.length === 0 || sorted.length === 6) return '';
  const contiguous = sorted.length > 1 && sorted.every((level, index) => index === 0 || level === sorted[index - 1]! + 1);
  return contiguous ? `${sorted[0]}-${sorted[sorted.length - 1]}` : sorted.join(',');
}

/**
 * The `<route-map>` attributes for a set of choices, in a stable order; `true` is a boolean attribute. Empty choices
 * are left out, so the snippet carries only what differs from the element's defaults.
 */
export function routeMapAttributes(choices: MapChoices, apiBase: string | null): [string, string | true][] {
  const attributes: [string, string | true][] = [['route', choices.route]];
  if (choices.pathway) attributes.push(['pathway', choices.pathway]);
  const levels = formatLevels(choices.levels);
  if (levels) attributes.push(['levels', levels]);
  if (choices.statuses.length) attributes.push(['status', choices.statuses.join(',')]);
  if (choices.products.length) attributes.push(['products', choices.products.join(',')]);
  if (choices.view !== 'map') attributes.push(['view', choices.view]);
  if (choices.controls) attributes.push(['controls', true]);
  if (apiBase) attributes.push(['api-base', apiBase]);
  if (choices.theme !== 'default') attributes.push(['class', `om-theme-${choices.theme}`]);
  if (choices.accent) attributes.push(['style', `--om-route-accent: ${choices.accent}`]);
  return attributes;
}

/**
 * A college's course list in the snippet: inline (the checked courses as JSON in a `data-om-courses` script, so the
 * snippet works with no file to host) or by the address where the college keeps its list (`courses-src`).
 */
export type SnippetCourses = { inline: readonly Record<string, string>[] } | { src: string } | null;

/**
 * JSON inside a script element: `<` written as `\u003c`, so no course text can close the script or open a comment;
 * the JSON means the same.
 */
export const scriptJson = (value: unknown): string => JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ').replace(/</g, '\\u003c');

/**
 * The HTML a college pastes into its page: the module script, the theme's stylesheet if any, the course list if any,
 * and the element with a link to the official map inside (shown before the script runs and whenever the data cannot
 * be reached). `api-base` is left out only when the script comes from an `elements/` folder with the data beside it
 * (a gateway, or a static publish), which the elements find by themselves; any other script URL (a public CDN) needs it.
 */
export function embedSnippet(
  choices: MapChoices,
  options: { scriptSrc: string; themesBase: string; apiBase: string | null; courses?: SnippetCourses },
): string {
  const courses = options.courses ?? null;
  const courseAttribute: [string, string][] = courses && 'src' in courses ? [['courses-src', courses.src]] : [];
  const implied = options.apiBase !== null && defaultApiBase(options.scriptSrc, 'null') === options.apiBase;
  const attributes = [...routeMapAttributes(choices, implied ? null : options.apiBase), ...courseAttribute]
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`))
    .join('');
  const lines = [`<script type="module" src="${escapeHtml(options.scriptSrc)}"></script>`];
  if (choices.theme !== 'default') lines.push(`<link rel="stylesheet" href="${escapeHtml(themeUrl(options.themesBase, choices.theme))}">`);
  if (courses && 'inline' in courses) {
    lines.push(`<script type="application/json" data-om-courses>\n[${courses.inline.map(scriptJson).join(',\n')}]\n</script>`);
  }
  const route = findRoute(choices.route);
  const fallback = route
    ? `<a href="${OFFICIAL_ROUTE_URL}${encodeURIComponent(route.slug)}">The ${escapeHtml(route.name)} route on the occupational maps</a>`
    : `<a href="https://occupational-maps.skillsengland.education.gov.uk/">The occupational maps</a>`;
  lines.push(`<route-map${attributes}>`, `  ${fallback}`, '</route-map>');
  return lines.join('\n');
}

export const themeUrl = (themesBase: string, theme: ThemePreset) => new URL(`${theme}.css`, themesBase).href;
