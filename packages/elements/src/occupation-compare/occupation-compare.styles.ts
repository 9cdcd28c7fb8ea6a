import { css } from 'lit';
import { statusIconStyles } from '../shared/status.styles.js';

export const occupationCompareStyles = css`
  :host {
    --_om-skeleton-height: 20em;
  }

  .base {
    container-type: inline-size;
  }

  .message,
  .note {
    margin: 0 0 var(--_om-space-4);
    padding: var(--_om-space-3) var(--_om-space-4);
    border-inline-start: 5px solid var(--_om-color-brand);
    background: var(--_om-color-surface-alt);
  }

  /* Narrow first: one card per occupation; the table from about 600 px. Only one is ever displayed. */
  .table-view {
    display: none;
  }
  .cards-view {
    display: grid;
    gap: var(--_om-space-4);
  }
  @container (min-width: 600px) {
    .table-view {
      display: block;
      overflow-x: auto;
    }
    .cards-view {
      display: none;
    }
  }

  table {
    width: 100%;
    border-collapse: collapse;
    table-layout: fixed;
  }
  caption {
    text-align: start;
    font-size: var(--_om-font-size-large);
    font-weight: var(--_om-font-weight-bold);
    margin-bottom: var(--_om-space-2);
  }
  th,
  td {
    padding: var(--_om-space-2) var(--_om-space-3);
    border-bottom: var(--_om-border-width) solid var(--_om-color-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead th {
    border-bottom-width: 3px;
  }
  tbody th {
    width: 176px;
    font-weight: var(--_om-font-weight-bold);
  }
  .corner {
    width: 176px;
  }

  .title {
    font-weight: var(--_om-font-weight-bold);
  }
  .code,
  .muted {
    color: var(--_om-color-text-muted);
  }
  .code {
    font-size: var(--_om-font-size-small);
    font-weight: 400;
  }

  .not-found {
    font-weight: var(--_om-font-weight-bold);
    color: var(--_om-color-text);
    border-inline-start: 5px solid var(--_om-color-error);
    background: var(--_om-color-surface-alt);
  }
  p.not-found {
    margin: 0;
    padding: var(--_om-space-2) var(--_om-space-3);
  }

  .plain {
    margin: 0;
    padding-inline-start: 1.1em;
  }

  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--_om-space-1);
  }
  .status .om-status-icon {
    flex: none;
  }
  ${statusIconStyles}

  .card {
    padding: var(--_om-space-3) var(--_om-space-4);
    border: var(--_om-border-width) solid var(--_om-color-border);
    border-radius: var(--_om-radius);
    background: var(--_om-color-surface);
  }
  .card__title {
    margin: 0 0 var(--_om-space-2);
    font-size: var(--_om-font-size-large);
  }
  .card dl {
    margin: 0;
  }
  .card__row {
    padding: var(--_om-space-2) 0;
    border-top: var(--_om-border-width) solid var(--_om-color-border);
  }
  .card dt {
    font-weight: var(--_om-font-weight-bold);
  }
  .card dd {
    margin: 0;
  }

  .statements {
    margin-top: var(--_om-space-5);
  }
  .statements__heading {
    font-size: var(--_om-font-size-large);
    font-weight: var(--_om-font-weight-bold);
    margin-bottom: var(--_om-space-2);
  }
  details {
    border-top: var(--_om-border-width) solid var(--_om-color-border);
    padding: var(--_om-space-2) 0;
  }
  summary {
    cursor: pointer;
    font-weight: var(--_om-font-weight-bold);
    padding: var(--_om-space-2) 0;
  }
  summary:focus-visible {
    outline: var(--_om-focus-width) solid var(--_om-color-focus);
  }
  .group__title {
    margin: var(--_om-space-3) 0 var(--_om-space-1);
    font-weight: var(--_om-font-weight-bold);
  }
  .group ul {
    margin: 0;
    padding-inline-start: var(--_om-space-5);
  }

  @media (forced-colors: active) {
    .not-found,
    .message,
    .note {
      border-color: CanvasText;
    }
  }
`;
