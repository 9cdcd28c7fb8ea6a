// Registers <route-map>, and <occupation-card>, which the map opens in its dialog. Safe to import more than once,
// even from two copies of the library.
import { RouteMap } from '../route-map/route-map.js';
import './occupation-card.js';

RouteMap.define('route-map');

declare global {
  interface HTMLElementTagNameMap {
    'route-map': RouteMap;
  }
}
