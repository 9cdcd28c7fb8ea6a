/** The library version, compared by `OmElement.define()` when a tag is already registered. */
export const VERSION = '0.1.0';
