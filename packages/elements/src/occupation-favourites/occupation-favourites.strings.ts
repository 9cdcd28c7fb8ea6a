import { defaultStrings } from '../shared/strings.js';
import { favouriteToggleStrings } from '../favourite-toggle/favourite-toggle.strings.js';

/** `<occupation-favourites>`'s own words (British English), overridable per element through `strings`. */
export const occupationFavouritesStrings = {
  // Its remove buttons are named like the star's: one override words both.
  ...favouriteToggleStrings,
  favouritesHeading: 'Favourite occupations',
  favouritesCount: (count: number) => (count === 1 ? '1 occupation saved' : `${count} occupations saved`),
  favouritesEmpty: 'You have not saved any favourite occupations yet.',
  favouritesEmptyGuidance: 'Select the star next to an occupation to save it here. Your favourites are kept in this browser on this device.',
  favouritesNotPersisted: 'This browser is not letting the page save data, so your favourites will be lost when you leave the page.',
  favouritesMoveUp: (title: string) => `Move ${title} up`,
  favouritesMoveDown: (title: string) => `Move ${title} down`,
  favouritesMoved: (title: string, position: number, total: number) => `${title} moved to position ${position} of ${total}.`,
  /** Visible on the remove button; its accessible name is `favouriteRemove`, which must begin with these words. */
  favouritesRemoveShort: 'Remove',
  favouritesRemoved: (title: string) => `${title} removed from favourites.`,
  favouritesClearAll: 'Clear all',
  favouritesClearQuestion: (count: number) =>
    count === 1 ? 'Remove your 1 favourite occupation? This cannot be undone.' : `Remove all ${count} favourite occupations? This cannot be undone.`,
  favouritesClearConfirm: 'Yes, remove all',
  favouritesClearCancel: 'Cancel',
  favouritesCleared: 'All favourites removed.',
  favouritesExport: 'Download as CSV',
  favouritesExportFilename: 'favourite-occupations.csv',
  favouritesPrint: 'Print',
  favouritesActions: 'Manage favourites',
};

/** The shared strings with this element's own: everything `<occupation-favourites>` says. */
export const occupationFavouritesDefaults = { ...defaultStrings, ...occupationFavouritesStrings };
export type OccupationFavouritesStrings = typeof occupationFavouritesDefaults;
