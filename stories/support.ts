/** What the element stories share: where the data is, fake clients for states real data never shows, a width frame. */
import { html, type TemplateResult } from 'lit';
import { EmbedError, type EmbedClient } from '@occupational-maps/core';

/** Real documents from the test snapshot (Storybook serves it at /v1/), theme presets at /themes/. */
export const API = '/v1/';

/** The README's five-row course list (test/fixtures/courses/digital.csv, served by Storybook at /courses/). */
export const STORY_COURSES = '/courses/digital.csv';

/** The same as the occupation-favourites stories and route-map's `favourites`, so trying them never touches a reader's real list. */
export const STORY_FAVOURITES_KEY = 'occupational-maps:favourites:storybook';

const INVALID_BASE = 'https://example.invalid/v1/';

const stubClient = (get: () => Promise<never>): EmbedClient => ({ apiBase: INVALID_BASE, get, peek: () => undefined, invalidate: () => {} });

/** A client that never answers: the loading state, for as long as the story is open. */
export const neverAnswers = stubClient(() => new Promise<never>(() => {}));

/** A client whose every request fails as `path` (e.g. `routes/digital.json`) would when the service returns HTTP 503. */
export const serviceFails = (path: string): EmbedClient =>
  stubClient(() => Promise.reject(new EmbedError('server', 'The data service failed (HTTP 503).', { url: INVALID_BASE + path, status: 503 })));

/** A client whose every request fails as `path` would when the service cannot be reached at all. */
export const networkDown = (path: string): EmbedClient =>
  stubClient(() => Promise.reject(new EmbedError('network', 'The data service could not be reached.', { url: INVALID_BASE + path })));

/** A client that answers every request with `document` (for documents the snapshot does not have). */
export const answers = (document: unknown): EmbedClient => ({ ...neverAnswers, get: async () => document }) as unknown as EmbedClient;

/** The elements size themselves by container queries, so a story sets the width of their container. */
export const inWidth = (width: number, content: TemplateResult) => html`<div style="width: ${width}px; max-width: 100%">${content}</div>`;

/** A slider for `inWidth`'s width. */
export const widthControl = (description: string, { min = 320, max = 1400 } = {}) => ({
  control: { type: 'range', min, max, step: 20 } as const,
  description,
});

/** Stories never leave the page: a selection is logged and cancelled, unless the element re-centres on it (`recentre`). */
export const logSelection = (event: CustomEvent<{ code: string; title?: string }>) => {
  console.info('om-occupation-select', event.detail);
  if (!(event.target as Element).hasAttribute('recentre')) event.preventDefault();
};

/** For stories that only show a selection's effect inside the element. */
export const stayOnPage = (event: Event) => event.preventDefault();
