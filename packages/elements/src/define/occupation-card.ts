// Registers <occupation-card> and the elements it shows, <soc-badge> and <favourite-toggle>. Safe to import more than
// once, even from two copies of the library.
import { OccupationCard } from '../occupation-card/occupation-card.js';
import './soc-badge.js';
import './favourite-toggle.js';

OccupationCard.define('occupation-card');

declare global {
  interface HTMLElementTagNameMap {
    'occupation-card': OccupationCard;
  }
}
