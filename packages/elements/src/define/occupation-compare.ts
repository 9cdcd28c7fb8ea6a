import { OccupationCompare } from '../occupation-compare/occupation-compare.js';

OccupationCompare.define('occupation-compare');

declare global {
  interface HTMLElementTagNameMap {
    'occupation-compare': OccupationCompare;
  }
}
