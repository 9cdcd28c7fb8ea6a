/**
 * The shared words an element may show before anything has loaded (part of `defaultStrings`). A module of their own,
 * so an element that shows only these up front (a closed `<soc-badge>`) leaves the rest of the shared strings for later.
 */
export const baseStrings = {
  loading: 'Loading…',
};
