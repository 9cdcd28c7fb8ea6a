import { OccupationSearch } from '../occupation-search/occupation-search.js';

OccupationSearch.define('occupation-search');

declare global {
  interface HTMLElementTagNameMap {
    'occupation-search': OccupationSearch;
  }
}
