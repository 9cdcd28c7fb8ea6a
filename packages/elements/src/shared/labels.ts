import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { Band, OccupationStatus, ProductType } from '@occupational-maps/core';
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

export function productLabel(type: ProductType, text: Strings): string {
  const labels: Record<ProductType, string> = {
    apprenticeship: text.productApprenticeship,
    't-level': text.productTLevel,
    htq: text.productHtq,
    tq: text.productTq,
    other: text.productOther,
  };
  return labels[type];
}

/** Short visible markers for product types on tiles (the full words are the accessible name). */
export const PRODUCT_MARKERS: Record<ProductType, string> = {
  apprenticeship: 'A',
  't-level': 'T',
  htq: 'H',
  tq: 'Q',
  other: 'O',
};
