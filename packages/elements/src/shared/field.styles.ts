import { css } from 'lit';

/**
 * The look of a text box or select (GOV.UK's: a 2 px text-coloured border, square corners, a full-size target).
 * Declarations, not a rule: each element puts them in its own selector, beside its own sizing.
 */
export const fieldLook = css`
  font: inherit;
  min-height: var(--_om-target-size);
  border: 2px solid var(--_om-color-text);
  border-radius: 0;
  background: var(--_om-color-surface);
  color: var(--_om-color-text);
`;
