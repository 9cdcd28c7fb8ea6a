// Registers <soc-badge>. Safe to import more than once, even from two copies of the library.
import { SocBadge } from '../soc-badge/soc-badge.js';

SocBadge.define('soc-badge');

declare global {
  interface HTMLElementTagNameMap {
    'soc-badge': SocBadge;
  }
}
