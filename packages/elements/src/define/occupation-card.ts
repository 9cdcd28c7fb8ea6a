// Registers <occupation-card>, and <soc-badge>, which the card shows. Safe to import more than once, even from two
// copies of the library.
import { OccupationCard } from '../occupation-card/occupation-card.js';
import './soc-badge.js';

OccupationCard.define('occupation-card');

declare global {
  interface HTMLElementTagNameMap {
    'occupation-card': OccupationCard;
  }
}
