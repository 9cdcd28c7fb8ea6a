import { adoptStyles, type CSSResultOrNative, type ReactiveElement } from 'lit';

/**
 * Adds stylesheets to a rendered element's shadow root, for a part whose code loads on demand and brings its styles
 * with it. Constructable stylesheets, like the element's own (no `<style>` element, so strict CSPs are fine).
 */
export function adoptLateStyles(host: ReactiveElement, styles: CSSResultOrNative[]): void {
  const { elementStyles } = host.constructor as typeof ReactiveElement;
  adoptStyles(host.renderRoot as ShadowRoot, [...elementStyles, ...styles]);
}
