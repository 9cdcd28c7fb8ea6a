import { css } from 'lit';

export const occupationFavouritesStyles = css`
  .wrapper {
    container-type: inline-size;
  }

  .heading {
    margin: 0 0 var(--_om-space-1);
    font-size: var(--_om-font-size-heading);
    font-weight: var(--_om-font-weight-bold);
    line-height: 1.25;
  }
  .heading:focus {
    outline: none;
  }
  .heading:focus-visible {
    outline: var(--_om-focus-width) solid var(--_om-color-focus);
  }
  .count,
  .notice {
    margin: 0 0 var(--_om-space-3);
    color: var(--_om-color-text-muted);
  }
  .notice {
    border-inline-start: 5px solid var(--_om-color-border);
    padding-inline-start: var(--_om-space-3);
    color: var(--_om-color-text);
  }

  .empty {
    padding: var(--_om-space-4);
    border: var(--_om-border-width) dashed var(--_om-color-border);
    border-radius: var(--_om-radius);
  }
  .empty p {
    margin: 0;
  }
  .empty p + p {
    margin-top: var(--_om-space-2);
    color: var(--_om-color-text-muted);
  }

  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    counter-reset: favourite;
  }
  .item {
    counter-increment: favourite;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_om-space-2) var(--_om-space-3);
    padding: var(--_om-space-2) 0;
    border-bottom: var(--_om-border-width) solid var(--_om-color-border);
  }
  .item::before {
    content: counter(favourite) '.';
    min-width: 2ch;
    color: var(--_om-color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .main {
    flex: 1 1 256px;
    min-width: 0;
  }
  .title {
    font: inherit;
    font-weight: var(--_om-font-weight-bold);
    overflow-wrap: anywhere;
  }
  button.title {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_om-color-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    text-align: start;
    cursor: pointer;
  }
  .meta {
    margin: 0;
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }

  .actions {
    display: flex;
    gap: var(--_om-space-1);
  }
  .icon-button {
    justify-content: center;
    min-width: var(--_om-target-size);
    padding: var(--_om-space-2);
  }
  .icon-button svg {
    width: 20px;
    height: 20px;
  }
  [aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_om-space-2);
    margin-top: var(--_om-space-4);
  }
  .confirm {
    margin-top: var(--_om-space-4);
    padding: var(--_om-space-3) var(--_om-space-4);
    border-inline-start: 5px solid var(--_om-color-error);
    background: var(--_om-color-surface-alt);
  }
  .confirm p {
    margin: 0 0 var(--_om-space-3);
    font-weight: var(--_om-font-weight-bold);
  }
  .confirm .om-button--danger {
    background: var(--_om-color-error);
    border-color: var(--_om-color-error);
    color: #ffffff;
  }

  @container (max-width: 480px) {
    .actions {
      flex-basis: 100%;
      justify-content: flex-end;
    }
  }

  @media print {
    .actions,
    .toolbar,
    .confirm,
    .notice {
      display: none !important;
    }
    .item {
      break-inside: avoid;
    }
    a.title {
      color: inherit;
    }
  }

  @media (forced-colors: active) {
    button.title {
      color: LinkText;
    }
    [aria-disabled='true'] {
      color: GrayText;
    }
  }
`;
