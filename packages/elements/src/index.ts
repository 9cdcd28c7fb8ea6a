// Side-effect-free entry: the element classes and shared helpers. Importing this registers nothing;
// import `@occupational-maps/elements/define/<tag>` (or the CDN bundle) to register elements.
export * from './shared/index.js';
export { OccupationCard } from './occupation-card/occupation-card.js';
export * from './shared/favourites.js';
export { FavouriteToggle } from './favourite-toggle/favourite-toggle.js';
export { OccupationFavourites } from './occupation-favourites/occupation-favourites.js';
export { favouritesToCsv } from './occupation-favourites/csv.js';
export { ProgressionMap } from './progression-map/progression-map.js';
export { RouteMap } from './route-map/route-map.js';
export { OccupationCompare } from './occupation-compare/occupation-compare.js';
export { OccupationSearch } from './occupation-search/occupation-search.js';
export { SocBadge } from './soc-badge/soc-badge.js';
export * from './shared/persistent-store.js';
export { MapBuilder } from './map-builder/map-builder.js';
