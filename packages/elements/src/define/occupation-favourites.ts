import { OccupationFavourites } from '../occupation-favourites/occupation-favourites.js';

OccupationFavourites.define('occupation-favourites');

declare global {
  interface HTMLElementTagNameMap {
    'occupation-favourites': OccupationFavourites;
  }
}
