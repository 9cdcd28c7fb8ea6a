import { css } from 'lit';
import { fieldLook } from '../shared/field.styles.js';

export const occupationSearchStyles = css`
  .wrapper {
    container-type: inline-size;
  }

  .label {
    display: block;
    font-weight: var(--_om-font-weight-bold);
    font-size: var(--_om-font-size-large);
  }
  .hint {
    margin: 0 0 var(--_om-space-2);
    color: var(--_om-color-text-muted);
  }

  .input-row {
    display: flex;
    gap: var(--_om-space-2);
  }
  input,
  select {
    ${fieldLook}
  }
  input {
    flex: 1;
    min-width: 0;
    padding: var(--_om-space-1) var(--_om-space-2);
  }
  select {
    width: 100%;
    padding: var(--_om-space-1) var(--_om-space-2);
  }
  input:focus-visible,
  select:focus-visible {
    outline: var(--_om-focus-width) solid var(--_om-color-focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_om-color-text);
  }
  .clear {
    justify-content: center;
    min-width: var(--_om-target-size);
    font-size: 1.5em;
    line-height: 1;
  }

  .filters {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--_om-space-2) var(--_om-space-3);
    margin: var(--_om-space-3) 0 0;
    padding: 0;
    border: 0;
  }
  .filter label {
    display: block;
    font-size: var(--_om-font-size-small);
    font-weight: var(--_om-font-weight-bold);
  }
  @container (min-width: 576px) {
    .filters {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }

  [role='listbox'] {
    list-style: none;
    margin: var(--_om-space-2) 0 0;
    padding: 0;
    max-height: var(--om-search-max-height, 384px);
    overflow-y: auto;
    border: var(--_om-border-width) solid var(--_om-color-border);
    border-radius: var(--_om-radius);
    background: var(--_om-color-surface);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  .option {
    display: flex;
    flex-direction: column;
    min-height: var(--_om-target-size);
    justify-content: center;
    padding: var(--_om-space-2) var(--_om-space-3);
    border-bottom: var(--_om-border-width) solid var(--_om-color-surface-alt);
    cursor: pointer;
  }
  .option:last-child {
    border-bottom: 0;
  }
  .option:hover {
    background: var(--_om-color-surface-alt);
  }
  /* The active result: focus stays in the box, so the result carries the focus colours. */
  .option[aria-selected='true'] {
    background: var(--_om-color-focus);
    color: var(--_om-color-focus-text);
    box-shadow: inset 4px 0 0 var(--_om-color-focus-text);
  }
  .option-title {
    font-weight: var(--_om-font-weight-bold);
  }
  .option-meta {
    font-size: var(--_om-font-size-small);
  }
  .option:not([aria-selected='true']) .option-meta {
    color: var(--_om-color-text-muted);
  }
  mark {
    background: none;
    color: inherit;
    text-decoration: underline;
    text-decoration-thickness: 2px;
  }

  .loading,
  .no-results {
    margin: var(--_om-space-3) 0 0;
  }
  .no-results {
    padding: var(--_om-space-3) var(--_om-space-4);
    border-inline-start: 5px solid var(--_om-color-border);
    background: var(--_om-color-surface-alt);
  }
  .no-results p {
    margin: 0 0 var(--_om-space-2);
  }
  .suggestions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_om-space-2);
  }
  .suggestion {
    font: inherit;
    min-height: var(--_om-target-size);
    padding: 0 var(--_om-space-2);
    border: 0;
    background: none;
    color: var(--_om-color-link);
    text-decoration: underline;
    cursor: pointer;
  }
  .om-error {
    margin-top: var(--_om-space-3);
  }

  @media (forced-colors: active) {
    input,
    select {
      border-color: FieldText;
    }
    .option[aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    mark {
      color: inherit;
    }
    .suggestion {
      color: LinkText;
    }
  }
`;
