import { RouteMap } from '../route-map/route-map.js';

RouteMap.define('route-map');

declare global {
  interface HTMLElementTagNameMap {
    'route-map': RouteMap;
  }
}
