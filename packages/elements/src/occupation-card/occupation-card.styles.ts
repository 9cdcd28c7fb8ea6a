import { css } from 'lit';
import { statusIconStyles } from '../shared/status.styles.js';
import { occupationBoxLook } from '../shared/tile.styles.js';

/**
 * `<occupation-card>` layout. The card is its own size container: it lays out for the width the host gives it
 * (280 px in a sidebar to 1200 px in a main column), never for the viewport.
 */
export const cardStyles = css`
  :host {
    --_om-card-padding: var(--om-card-padding, var(--_om-space-4));
    --_om-card-border: var(--om-card-border, var(--_om-border-width) solid var(--_om-color-border));
    --_om-card-highlight: var(--om-card-highlight, var(--_om-color-focus));
    --_om-color-green: var(--om-color-green, #00703c);
    max-width: var(--om-card-max-width, none);
    overflow-wrap: anywhere;
  }

  .card {
    container-type: inline-size;
    border: var(--_om-card-border);
    border-radius: var(--_om-radius);
    background: var(--_om-color-surface);
    border-top: 5px solid var(--_om-color-route-accent);
  }
  .layout {
    padding: var(--_om-card-padding);
  }
  .card--message,
  .card--skeleton {
    padding: var(--_om-card-padding);
  }
  .om-state > .om-error {
    border-radius: var(--_om-radius);
  }
  .om-message {
    margin: 0;
  }

  /* Headings: sizes by role, whatever level the host chose. */
  .title,
  .section-heading,
  .progression__label,
  .rich-heading {
    margin: 0;
    font-weight: var(--_om-font-weight-bold);
    line-height: 1.25;
  }
  .title {
    font-size: var(--_om-font-size-heading);
    margin-block: var(--_om-space-1) var(--_om-space-3);
  }
  .title-row {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_om-space-2);
  }
  .title-row favourite-toggle {
    flex: none;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: var(--_om-focus-width) solid var(--_om-color-focus);
  }
  .section-heading {
    font-size: var(--_om-font-size-large);
    margin-block-end: var(--_om-space-3);
  }
  .progression__label,
  .rich-heading {
    font-size: var(--_om-font-size);
    margin-block: var(--_om-space-3) var(--_om-space-2);
  }

  .breadcrumb {
    margin: 0;
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }

  ul[role='list'],
  ol[role='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_om-space-2);
    align-items: center;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: var(--_om-space-1);
    min-height: 28px;
    padding: 2px var(--_om-space-2);
    border-radius: var(--_om-radius);
    border: var(--_om-border-width) solid var(--_om-color-border);
    font-size: var(--_om-font-size-small);
  }
  .tag--technical {
    background: var(--_om-color-band-technical);
  }
  .tag--higher-technical {
    background: var(--_om-color-band-higher-technical);
  }
  .tag--professional {
    background: var(--_om-color-band-professional);
  }
  .tag--soc {
    border: none;
    padding: 0;
  }
  .tag--green .leaf {
    color: var(--_om-color-green);
  }
  ${statusIconStyles}
  .om-status-icon,
  .leaf {
    flex: none;
  }

  .actions[hidden] {
    display: none;
  }
  .actions {
    margin-block-start: var(--_om-space-4);
  }
  .back {
    margin: 0 0 var(--_om-space-4);
  }

  .body {
    display: grid;
    gap: 0 var(--_om-space-5);
  }
  .main:empty,
  .aside:empty {
    display: none;
  }
  .section {
    margin-block-start: var(--_om-space-5);
  }
  .card--compact .section {
    margin-block-start: var(--_om-space-4);
  }
  .card--compact .section-heading {
    font-size: var(--_om-font-size);
  }
  .lead {
    font-size: var(--_om-font-size-large);
    margin: 0 0 var(--_om-space-3);
  }
  .rich-text p,
  .rich-text ul,
  .rich-text ol {
    margin: 0 0 var(--_om-space-3);
  }

  .facts {
    display: grid;
    gap: var(--_om-space-3);
    margin: var(--_om-space-3) 0 0;
  }
  .fact dt {
    font-weight: var(--_om-font-weight-bold);
  }
  .fact dd {
    margin: 0;
  }
  .inline-list {
    margin: 0;
    padding-inline-start: var(--_om-space-5);
  }

  .products {
    display: grid;
    gap: var(--_om-space-2);
  }
  .product {
    display: flex;
    gap: var(--_om-space-3);
    align-items: flex-start;
  }
  .product__marker {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 28px;
    height: 28px;
    border-radius: 50%;
    background: var(--_om-color-brand);
    color: var(--_om-color-brand-text);
    font-weight: var(--_om-font-weight-bold);
    font-size: var(--_om-font-size-small);
  }
  .product__text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .product__type {
    font-weight: var(--_om-font-weight-bold);
  }
  .product__details {
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }
  .card--compact .products {
    grid-template-columns: repeat(auto-fill, minmax(192px, 1fr));
  }

  .disclosure {
    border-block-start: var(--_om-border-width) solid var(--_om-color-border);
  }
  .disclosure:last-of-type {
    border-block-end: var(--_om-border-width) solid var(--_om-color-border);
  }
  .disclosure > summary {
    display: flex;
    align-items: center;
    gap: var(--_om-space-2);
    min-height: var(--_om-target-size);
    padding-block: var(--_om-space-2);
    cursor: pointer;
    color: var(--_om-color-link);
    font-weight: var(--_om-font-weight-bold);
    list-style: none;
  }
  .disclosure > summary::-webkit-details-marker {
    display: none;
  }
  .disclosure > summary::before {
    content: '';
    flex: none;
    width: 0;
    height: 0;
    border-block: 6px solid transparent;
    border-inline-start: 10px solid currentColor;
    transition: transform 0.15s;
  }
  .disclosure[open] > summary::before {
    transform: rotate(90deg);
  }
  .disclosure > summary:hover {
    text-decoration: underline;
  }
  .disclosure > summary:focus-visible {
    color: var(--_om-color-focus-text);
    background: var(--_om-color-focus);
  }
  .count {
    font-weight: 400;
    color: inherit;
  }
  .ksb-list,
  .duty-list {
    display: grid;
    gap: var(--_om-space-2);
    padding-block-end: var(--_om-space-3);
  }
  .ksb {
    padding: var(--_om-space-1) var(--_om-space-2);
    border-radius: var(--_om-radius);
    scroll-margin-block: var(--_om-space-6);
  }
  .ksb__id,
  .duty__id {
    font-weight: var(--_om-font-weight-bold);
  }
  .ksb--highlight {
    animation: om-card-highlight 2s ease-out;
  }
  @keyframes om-card-highlight {
    from {
      background: var(--_om-card-highlight);
    }
  }
  .duty__text,
  .duty__ksbs {
    margin: 0;
  }
  .duty__ksbs {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_om-space-1);
    margin-block-start: var(--_om-space-1);
    font-size: var(--_om-font-size-small);
  }
  .ksb-ref {
    font: inherit;
    min-width: 24px;
    min-height: 24px;
    padding: 0 var(--_om-space-1);
    border: var(--_om-border-width) solid var(--_om-color-border);
    border-radius: var(--_om-radius);
    background: var(--_om-color-surface);
    color: var(--_om-color-link);
    cursor: pointer;
  }
  button.ksb-ref:hover {
    background: var(--_om-color-surface-alt);
    text-decoration: underline;
  }
  .ksb-ref--text {
    color: inherit;
    cursor: auto;
  }

  .progression-list {
    display: grid;
    gap: var(--_om-space-2);
  }
  .progression-item {
    ${occupationBoxLook}
    align-items: flex-start;
    gap: 0;
    color: var(--_om-color-link);
  }
  .progression-item:hover {
    background: var(--_om-color-surface-alt);
  }
  .progression-item:hover .progression-item__title {
    text-decoration: underline;
  }
  .progression-item__title {
    font-weight: var(--_om-font-weight-bold);
  }
  .progression-item__meta {
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }
  a.progression-item:focus-visible,
  button.progression-item:focus-visible {
    outline: var(--_om-focus-width) solid var(--_om-color-focus);
    box-shadow: 0 0 0 calc(var(--_om-focus-width) * 2) var(--_om-color-focus-text);
    background: var(--_om-color-surface);
    color: var(--_om-color-link);
  }

  .links {
    display: grid;
    gap: var(--_om-space-2);
  }
  .version {
    margin: var(--_om-space-3) 0 0;
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }

  .skeleton-line {
    --_om-skeleton-height: 1em;
    margin-block-end: var(--_om-space-3);
  }
  .skeleton-line--short {
    width: 40%;
  }
  .skeleton-line--title {
    --_om-skeleton-height: 1.75em;
    width: 70%;
  }
  .skeleton-line--block {
    --_om-skeleton-height: 8em;
  }
  .om-error__guidance a {
    white-space: normal;
  }

  /* Wider containers: facts as term–value rows, then a main column beside an aside. */
  @container (min-width: 480px) {
    .fact {
      display: grid;
      grid-template-columns: minmax(128px, 1fr) 2fr;
      gap: var(--_om-space-3);
    }
  }
  @container (min-width: 768px) {
    .layout {
      padding: var(--om-card-padding, var(--_om-space-5));
    }
    .card--full .body {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
      align-items: start;
    }
    .card--full .aside .fact {
      display: block;
    }
    .card--full .main:empty + .aside,
    .card--full .main:has(+ .aside:empty) {
      grid-column: 1 / -1;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .ksb--highlight {
      animation: none;
      outline: var(--_om-focus-width) solid var(--_om-card-highlight);
    }
    .disclosure > summary::before {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .card {
      border-top-color: CanvasText;
    }
    .tag,
    .ksb-ref,
    .progression-item {
      border-color: ButtonText;
    }
    .product__marker {
      border: 1px solid CanvasText;
    }
    .disclosure > summary::before {
      border-inline-start-color: ButtonText;
    }
  }

  /* Print: the whole card on paper, every disclosure open, no controls, and outside links spelled out. */
  @media print {
    :host {
      max-width: none;
      color: #000 !important;
    }
    .card {
      border: 1px solid #000;
      break-inside: auto;
    }
    .disclosure::details-content {
      content-visibility: visible;
      display: block;
      height: auto;
    }
    .disclosure > summary {
      color: #000;
      min-height: 0;
    }
    .disclosure > summary::before,
    .om-button,
    .actions,
    .om-skeleton {
      display: none;
    }
    .ksb-ref,
    .progression-item {
      border: none;
      padding: 0;
      min-height: 0;
      color: #000;
      background: none;
    }
    .section,
    .ksb,
    .duty,
    .product {
      break-inside: avoid;
    }
    a[href^='http']::after {
      content: ' (' attr(href) ')';
      font-size: 0.85em;
      overflow-wrap: anywhere;
    }
    a {
      color: #000;
    }
    .product__marker {
      border: 1px solid #000;
      background: none;
      color: #000;
    }
  }
`;
