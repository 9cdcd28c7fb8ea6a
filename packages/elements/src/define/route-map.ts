// Registers <route-map>. <occupation-card>, which the map opens in its dialog, is loaded and registered when a person
// first opens an occupation, and <favourite-toggle> when a map shows favourites, not before the map renders. Safe to
// import more than once, even from two copies of the library.
import { RouteMap } from '../route-map/route-map.js';

RouteMap.loadDialogElements ??= () => import('./occupation-card.js');
RouteMap.loadFavouriteElements ??= () => import('./favourite-toggle.js');
RouteMap.define('route-map');

declare global {
  interface HTMLElementTagNameMap {
    'route-map': RouteMap;
  }
}
