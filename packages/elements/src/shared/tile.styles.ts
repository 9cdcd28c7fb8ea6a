import { css } from 'lit';

/**
 * The look of an occupation box — a route-map tile, a progression-map node: a full-size target with a border whose
 * inline start each element thickens in its own colour. Declarations, not a rule, like `fieldLook`; put the
 * `border-inline-start` after them.
 */
export const occupationBoxLook = css`
  display: flex;
  flex-direction: column;
  gap: var(--_om-space-1);
  width: 100%;
  min-height: var(--_om-target-size);
  padding: var(--_om-space-2) var(--_om-space-3);
  border: var(--_om-border-width) solid var(--_om-color-border);
  border-radius: var(--_om-radius);
  background: var(--_om-color-surface);
  color: var(--_om-color-text);
  font: inherit;
  text-align: start;
  text-decoration: none;
  cursor: pointer;
`;
