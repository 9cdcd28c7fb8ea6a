import { css } from 'lit';
import { choiceInputStyles } from '../shared/choice.styles.js';
import { fieldLook } from '../shared/field.styles.js';

export const mapBuilderStyles = css`
  .base {
    container-type: inline-size;
  }

  .heading {
    margin: 0 0 var(--_om-space-4);
    font-size: var(--_om-font-size-heading);
    font-weight: var(--_om-font-weight-bold);
  }

  .layout {
    display: grid;
    gap: var(--_om-space-5);
  }
  @container (min-width: 800px) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      align-items: start;
    }
    .output {
      position: sticky;
      top: var(--_om-space-4);
    }
  }

  fieldset {
    margin: 0 0 var(--_om-space-4);
    padding: var(--_om-space-3) var(--_om-space-4);
    border: var(--_om-border-width) solid var(--_om-color-border);
    border-radius: var(--_om-radius);
    min-width: 0;
  }
  fieldset.inline {
    border: 0;
    padding: 0;
  }
  legend {
    font-weight: var(--_om-font-weight-bold);
    padding: 0 var(--_om-space-1);
  }
  fieldset.inline > legend {
    padding: 0;
  }

  .field {
    display: grid;
    /* A shrinkable column: a select's longest option must not widen the form past a 320 px viewport. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_om-space-1);
    margin-bottom: var(--_om-space-3);
  }
  .label,
  .field > label {
    font-weight: var(--_om-font-weight-bold);
  }
  .hint {
    margin: 0 0 var(--_om-space-2);
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }
  .hint--error {
    color: var(--_om-color-error);
    font-weight: var(--_om-font-weight-bold);
  }
  input[type='text'] {
    padding: var(--_om-space-1) var(--_om-space-2);
  }
  .course-summary {
    margin: 0 0 var(--_om-space-2);
    font-weight: var(--_om-font-weight-bold);
  }
  .course-problems-title {
    margin: 0 0 var(--_om-space-1);
  }
  .course-problems {
    margin: 0;
    padding-inline-start: var(--_om-space-5);
    max-block-size: 16em;
    overflow: auto;
    border-inline-start: 5px solid var(--_om-color-error);
  }

  select,
  textarea,
  input[type='text'],
  input[type='color'] {
    ${fieldLook}
    max-width: 100%;
  }
  select {
    max-width: 100%;
    padding: var(--_om-space-1) var(--_om-space-2);
  }
  input[type='color'] {
    width: 80px;
    padding: var(--_om-space-1);
  }
  input[type='color']:disabled {
    opacity: 0.5;
  }
  textarea {
    display: block;
    width: 100%;
    padding: var(--_om-space-2);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: var(--_om-font-size-small);
    resize: vertical;
    margin-bottom: var(--_om-space-3);
  }

  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_om-space-2);
    min-height: var(--_om-target-size);
    margin-inline-end: var(--_om-space-4);
    cursor: pointer;
  }
  ${choiceInputStyles}

  .announcement {
    margin-top: var(--_om-space-2);
    min-height: 1.5em;
    font-weight: var(--_om-font-weight-bold);
  }

  .preview {
    margin-top: var(--_om-space-5);
    padding: var(--_om-space-4);
    border: 2px dashed var(--_om-color-border);
    border-radius: var(--_om-radius);
  }
  .preview__heading {
    margin: 0 0 var(--_om-space-3);
    font-size: var(--_om-font-size-large);
    font-weight: var(--_om-font-weight-bold);
  }

  @media (forced-colors: active) {
    select,
    textarea,
    input[type='color'] {
      border-color: FieldText;
    }
  }
`;
