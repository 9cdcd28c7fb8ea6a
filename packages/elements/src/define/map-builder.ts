// Registers <map-builder>, and <route-map>, which it previews.
import { MapBuilder } from '../map-builder/map-builder.js';
import './route-map.js';

MapBuilder.define('map-builder');

declare global {
  interface HTMLElementTagNameMap {
    'map-builder': MapBuilder;
  }
}
