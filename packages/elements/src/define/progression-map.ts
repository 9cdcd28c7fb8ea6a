import { ProgressionMap } from '../progression-map/progression-map.js';

ProgressionMap.define('progression-map');

declare global {
  interface HTMLElementTagNameMap {
    'progression-map': ProgressionMap;
  }
}
