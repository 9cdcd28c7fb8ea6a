import { literal, type StaticValue } from 'lit/static-html.js';

const HEADINGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** A heading level clamped to 1–6 (an element nested deep in a page must not ask for `h7`); 2 when not a number. */
export const clampHeadingLevel = (level: number): number => Math.min(6, Math.max(1, Math.round(level) || 2));

/** The tag for a heading level, clamped to h1–h6, for `lit/static-html.js` templates. */
export const headingTag = (level: number): StaticValue => HEADINGS[clampHeadingLevel(level) - 1];
