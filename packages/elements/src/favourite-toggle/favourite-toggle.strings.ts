import { defaultStrings } from '../shared/strings.js';

/** `<favourite-toggle>`'s own words (British English), overridable per element through `strings`. */
export const favouriteToggleStrings = {
  favouriteAdd: (title: string) => `Add ${title} to favourites`,
  favouriteRemove: (title: string) => `Remove ${title} from favourites`,
};

/** The shared strings with this element's own: everything `<favourite-toggle>` says. */
export const favouriteToggleDefaults = { ...defaultStrings, ...favouriteToggleStrings };
export type FavouriteToggleStrings = typeof favouriteToggleDefaults;
