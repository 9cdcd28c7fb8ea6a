import { css } from 'lit';

/** The styles of `<soc-badge>`'s detail, adopted by the badge when the detail's module loads. */
export const socBadgeDetailStyles = css`
  /* The toggle's feedback: it opens nothing before this module has loaded. */
  button.badge:hover .title {
    text-decoration: underline;
  }
  .chevron {
    transition: transform 0.15s ease-in-out;
  }
  [aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }
  .detail {
    margin-top: var(--_om-space-2);
    padding: var(--_om-space-3) var(--_om-space-4);
    border: var(--_om-border-width) solid var(--_om-color-border);
    border-radius: var(--_om-radius);
    background: var(--_om-color-surface);
    font-size: var(--_om-font-size);
  }
  .lineage {
    margin: 0 0 var(--_om-space-3);
    padding: 0;
    list-style: none;
  }
  .lineage-row {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: var(--_om-space-3);
  }
  .lineage-row + .lineage-row {
    margin-top: var(--_om-space-1);
  }
  .lineage dd {
    margin: 0;
  }
  .lineage-level {
    color: var(--_om-color-text-muted);
  }
  .lineage-code {
    font-weight: var(--_om-font-weight-bold);
    font-variant-numeric: tabular-nums;
  }
  .description {
    margin: 0;
  }
  .ons {
    margin: var(--_om-space-3) 0 0;
  }
  .source {
    margin: var(--_om-space-2) 0 0;
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }

  .section-title {
    margin: var(--_om-space-3) 0 var(--_om-space-1);
    font-weight: var(--_om-font-weight-bold);
  }
  .occupations {
    margin: 0;
    padding-inline-start: var(--_om-space-5);
  }
  .occupations li + li {
    margin-top: var(--_om-space-1);
  }
  .occupation-level {
    color: var(--_om-color-text-muted);
  }
  .om-skeleton {
    --_om-skeleton-height: 3em;
  }
  @media (forced-colors: active) {
    .detail {
      border-color: CanvasText;
    }
  }
`;
