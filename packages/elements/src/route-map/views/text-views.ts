/**
 * The list and table views, which say everything the map says: one chunk, fetched only by maps that show one of them
 * (`view="list"` or `"table"`, or ahead of a switch on a map with `controls`).
 */
export { renderListView } from './list-view.js';
export { renderTableView } from './table-view.js';
