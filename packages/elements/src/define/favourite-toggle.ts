import { FavouriteToggle } from '../favourite-toggle/favourite-toggle.js';

FavouriteToggle.define('favourite-toggle');

declare global {
  interface HTMLElementTagNameMap {
    'favourite-toggle': FavouriteToggle;
  }
}
