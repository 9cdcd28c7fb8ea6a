import { css } from 'lit';

/** The colour of `statusIcon()` (shared/labels.ts) inside a `.status--<status>` wrapper, as the card and the comparison show it. */
export const statusIconStyles = css`
  .status--approved .om-status-icon {
    color: var(--_om-color-status-approved);
  }
  .status--in-development .om-status-icon {
    color: var(--_om-color-status-in-development);
  }
  .status--proposal .om-status-icon {
    color: var(--_om-color-status-proposal);
  }
  .status--without-apprenticeship .om-status-icon {
    color: var(--_om-color-status-without-apprenticeship);
  }
  .status--retired .om-status-icon {
    color: var(--_om-color-status-retired);
  }
`;
