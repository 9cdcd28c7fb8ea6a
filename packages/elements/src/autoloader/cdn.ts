// The entry of the CDN bundle (dist/cdn/occupational-maps.js): the autoloader, which defines each element when its
// tag first appears, and what nearly every element is built from (Lit, the base class, the data controller, the
// shared styles and strings). Here rather than in chunks of their own, an element's chunk is the only file it waits
// for. Exported too, for pages that build their own elements on the library's foundations.
export { discover } from './index.js';
export { OmElement } from '../shared/om-element.js';
export { DataController } from '../shared/data-controller.js';
export { baseStyles, tokens } from '../shared/styles.js';
export { sharedStyles, stateStyles } from '../shared/state-styles.js';
export { defaultStrings } from '../shared/strings.js';
