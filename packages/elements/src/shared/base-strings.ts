/**
 * The shared words an element may show before any data arrives (part of `defaultStrings`). A module of their own, so
 * an element that shows only these up front (a closed `<soc-badge>`) leaves the rest of the shared strings for later.
 */
export const baseStrings = {
  loading: 'Loading…',
  empty: 'There is nothing to show here yet.',
  level: (level: number) => `Level ${level}`,
  levels: (from: number, to: number) => `Levels ${from} to ${to}`,
  opensInNewTab: '(opens in a new tab)',
};
