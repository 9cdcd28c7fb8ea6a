import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { PRODUCT_TYPE_SLUGS, type Band, type OccupationStatus } from '@occupational-maps/core';
import type { Strings } from './strings.js';

/** The words for a status; shown with an icon so status never rests on colour alone. */
export function statusLabel(status: OccupationStatus, text: Strings): string {
  const labels: Record<OccupationStatus, string> = {
    approved: text.statusApproved,
    'in-development': text.statusInDevelopment,
    proposal: text.statusProposal,
    'without-apprenticeship': text.statusWithoutApprenticeship,
    retired: text.statusRetired,
    other: text.statusOther,
  };
  return labels[status];
}

/** A distinct shape per status (filled circle, half circle, ring, diamond, cross, square): readable in greyscale. */
// `svg` templates, not `html`: shapes parsed as HTML would land in the wrong namespace and never draw.
const STATUS_SHAPES: Record<OccupationStatus, SVGTemplateResult> = {
  approved: svg`<circle cx="8" cy="8" r="6" fill="currentColor" />`,
  'in-development': svg`<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="2" /><path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor" />`,
  proposal: svg`<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="3 2" />`,
  'without-apprenticeship': svg`<path d="M8 1.5 14.5 8 8 14.5 1.5 8z" fill="currentColor" />`,
  retired: svg`<path d="M3 3l10 10M13 3 3 13" stroke="currentColor" stroke-width="2.5" />`,
  other: svg`<rect x="3" y="3" width="10" height="10" fill="none" stroke="currentColor" stroke-width="2" />`,
};

/** The status icon, decorative: its words are always next to it or in an accessible name. */
export function statusIcon(status: OccupationStatus): TemplateResult {
  return html`<svg class="om-status-icon" part="status-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${STATUS_SHAPES[status]}</svg>`;
}

export function bandLabel(band: Band, text: Strings): string {
  return band === 'technical' ? text.bandTechnical : band === 'higher-technical' ? text.bandHigherTechnical : text.bandProfessional;
}

const PRODUCT_WORDS: Readonly<Record<string, keyof Strings>> = {
  apprenticeship: 'productApprenticeship',
  'foundation-apprenticeship': 'productFoundationApprenticeship',
  'apprenticeship-unit': 'productApprenticeshipUnit',
  't-level': 'productTLevel',
  htq: 'productHtq',
  tq: 'productTq',
};

/**
 * The words for a product type: the element's own (overridable) words for the types the contract knows, else the
 * upstream's name for it (`typeName`), so a type added upstream shows as itself, never as "Other". Only a document
 * from an old gateway (type `other`, no name) falls back to "Other qualification".
 */
export function productLabel(slug: string, text: Strings, typeName?: string | null): string {
  const key = PRODUCT_WORDS[slug];
  if (key) return text[key] as string;
  const name = typeName?.trim();
  if (name) return name;
  if (slug === 'other') return text.productOther;
  return slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');
}

/** Short visible markers for product types on tiles and cards (the full words are the accessible name). */
const MARKERS: Readonly<Record<string, string>> = {
  apprenticeship: 'A',
  'foundation-apprenticeship': 'F',
  'apprenticeship-unit': 'U',
  't-level': 'T',
  htq: 'H',
  tq: 'Q',
  other: 'O',
};

/** A type's marker: its letter, or the initials of a newer type's name (`V Level` → `VL`). */
export function productMarker(slug: string, typeName?: string | null): string {
  return MARKERS[slug] ?? ((typeName ?? slug).match(/[A-Za-z0-9]+/g) ?? ['?']).map((word) => word[0]!.toUpperCase()).join('').slice(0, 2);
}

/** Known types first in the contract's order, then newer ones alphabetically. */
export function compareProductTypes(a: string, b: string): number {
  const rank = (slug: string) => {
    const index = (PRODUCT_TYPE_SLUGS as readonly string[]).indexOf(slug);
    return index < 0 ? PRODUCT_TYPE_SLUGS.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** The distinct product types of some products, ordered, each with the upstream name first seen for it. */
export function productTypesOf(products: ReadonlyArray<{ typeSlug: string; typeName: string | null }>): Array<{ slug: string; typeName: string | null }> {
  const names = new Map<string, string | null>();
  for (const product of products) if (!names.get(product.typeSlug)) names.set(product.typeSlug, product.typeName);
  return [...names].map(([slug, typeName]) => ({ slug, typeName })).sort((a, b) => compareProductTypes(a.slug, b.slug));
}
