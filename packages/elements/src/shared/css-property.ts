import { ref } from 'lit/directives/ref.js';

/**
 * Sets a custom property on the element it is bound to, through the CSSOM: `<div ${cssProperty('--_columns', '3')}>`.
 * Not a style attribute, nor styleMap (whose first render writes one): strict CSPs refuse inline style attributes
 * (style-src-attr), and every element must render under them.
 */
export const cssProperty = (name: string, value: string) =>
  ref((element?: Element) => (element as HTMLElement | undefined)?.style.setProperty(name, value));
