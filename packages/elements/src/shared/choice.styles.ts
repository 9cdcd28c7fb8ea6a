import { css } from 'lit';

/** A checkbox or radio inside a `.choice` label: a 24 px box in the brand colour. */
export const choiceInputStyles = css`
  .choice input {
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_om-color-brand);
  }
`;
