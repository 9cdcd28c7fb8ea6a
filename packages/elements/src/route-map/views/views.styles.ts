import { css } from 'lit';

/** The selection summary, the list and table views, the legend and the dialog. */
export const viewStyles = css`
  /* ——— Selection ——— */
  .selection {
    margin-block-end: var(--_om-space-4);
    padding: var(--_om-space-3) var(--_om-space-4);
    border: 2px solid var(--_om-color-progression);
    border-radius: var(--_om-radius);
  }
  .selection__lists {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_om-space-3);
    margin-block: var(--_om-space-3);
  }
  .selection__lists ul {
    margin: var(--_om-space-1) 0 0;
    padding-inline-start: var(--_om-space-5);
  }
  .selection__label,
  .selection__none {
    margin: 0;
  }
  /* Buttons that read as links: progression items, and occupations in the list and table views. */
  .link-button,
  .list__link,
  .table__link {
    font: inherit;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_om-color-link);
    text-decoration: underline;
    text-align: start;
    cursor: pointer;
  }
  .list__link,
  .table__link {
    font-weight: var(--_om-font-weight-bold);
    min-height: 24px;
  }
  a.list__link,
  a.table__link {
    display: inline-block;
  }
  .link-button:focus-visible,
  .list__link:focus-visible,
  .table__link:focus-visible {
    outline: none;
    color: var(--_om-color-focus-text);
    background: var(--_om-color-focus);
    box-shadow: 0 -2px var(--_om-color-focus), 0 4px var(--_om-color-focus-text);
    text-decoration: none;
  }

  /* ——— List ——— */
  .list .heading--pathway {
    margin-block: var(--_om-space-4) var(--_om-space-2);
    padding-block-start: var(--_om-space-2);
    border-block-start: 4px solid var(--_om-color-route-accent);
  }
  .list .heading--band,
  .list .heading--cluster {
    margin-block: var(--_om-space-3) var(--_om-space-1);
    padding: 0;
  }
  .list .heading--cluster {
    font-weight: 400;
    font-style: italic;
  }
  .list__items {
    margin: 0;
    padding-inline-start: var(--_om-space-5);
  }
  .list__items li {
    margin-block-end: var(--_om-space-2);
  }
  .list__title-row {
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_om-space-1);
  }
  .list__facts {
    display: block;
    font-size: var(--_om-font-size-small);
  }
  .list__facts .status {
    color: var(--_om-status-color);
  }

  /* ——— Table ——— */
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--_om-font-size-small);
  }
  caption {
    text-align: start;
    font-weight: var(--_om-font-weight-bold);
    padding-block-end: var(--_om-space-2);
  }
  th,
  td {
    padding: var(--_om-space-2);
    border-block-end: 1px solid var(--_om-color-border);
    text-align: start;
    vertical-align: top;
  }
  td.table__favourite {
    padding-block: 0;
    vertical-align: middle;
  }
  thead th {
    border-block-end-width: 2px;
    border-block-end-color: var(--_om-color-text);
  }

  /* ——— Legend ——— */
  .legend {
    margin-block-start: var(--_om-space-5);
    padding-block-start: var(--_om-space-3);
    border-block-start: 1px solid var(--_om-color-border);
    font-size: var(--_om-font-size-small);
  }
  .legend__groups {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_om-space-3) var(--_om-space-6);
  }
  .legend ul {
    list-style: none;
    margin: var(--_om-space-1) 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_om-space-1);
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: var(--_om-space-2);
  }
  .legend__title {
    margin: 0;
    font-weight: var(--_om-font-weight-bold);
  }

  /* ——— Dialog ——— */
  .dialog {
    box-sizing: border-box;
    width: min(640px, 100vw);
    max-width: 100vw;
    height: 100dvh;
    max-height: 100dvh;
    margin: 0 0 0 auto;
    padding: 0;
    border: 0;
    border-inline-start: 4px solid var(--_om-color-route-accent);
    background: var(--_om-color-surface);
    color: var(--_om-color-text);
    font: inherit;
    overflow: auto;
  }
  .dialog::backdrop {
    background: rgb(11 12 12 / 0.45);
  }
  .dialog__bar {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_om-space-3);
    padding: var(--_om-space-2) var(--_om-space-4);
    background: var(--_om-color-surface);
    border-block-end: 1px solid var(--_om-color-border);
  }
  .dialog__title {
    font-weight: var(--_om-font-weight-bold);
  }
  .dialog occupation-card {
    display: block;
    padding: var(--_om-space-4);
  }
  .dialog__state {
    margin: 0;
    padding: var(--_om-space-4);
  }

  .skeleton-map {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_om-space-3);
    --_om-skeleton-height: 12em;
  }

`;
