import { css } from 'lit';

/** A band column's background (technical, higher technical, professional), as route-map and progression-map draw it. */
export const bandColumnStyles = css`
  .column--technical {
    background: var(--_om-color-band-technical);
  }
  .column--higher-technical {
    background: var(--_om-color-band-higher-technical);
  }
  .column--professional {
    background: var(--_om-color-band-professional);
  }
`;
