import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FavouritesStore } from '@occupational-maps/elements';
import '@occupational-maps/elements/define/occupation-favourites';
import '@occupational-maps/elements/define/favourite-toggle';
import { STORY_FAVOURITES_KEY, stayOnPage } from './support.js';

const SAMPLE = [
  { code: 'OCC0118', title: 'Data analyst', level: 4, routeSlug: 'digital' },
  { code: 'OCC0499', title: 'Autocare technician', level: 2, routeSlug: 'engineering-manufacturing' },
  { code: 'OCC0095', title: 'Bricklayer', level: 2, routeSlug: 'construction' },
  { code: 'OCC0417', title: 'Civil engineer (degree)', level: 6, routeSlug: 'construction' },
];

/** A store seeded with the sample occupations (once: later changes are the reader's and survive a reload). */
function storyStore(seed = true): FavouritesStore {
  const store = new FavouritesStore({ key: STORY_FAVOURITES_KEY });
  if (seed && store.size === 0) for (const item of SAMPLE) store.add(item);
  return store;
}

const emptyStore = () => new FavouritesStore({ key: `${STORY_FAVOURITES_KEY}:empty`, window: null });

interface FavouritesArgs {
  occupationHref: string;
  headingLevel: number;
  noAttribution: boolean;
}

const meta: Meta<FavouritesArgs> = {
  title: 'Elements/occupation-favourites',
  component: 'occupation-favourites',
  args: { occupationHref: '', headingLevel: 2, noAttribution: false },
  argTypes: { headingLevel: { control: { type: 'number', min: 2, max: 6 } } },
  render: ({ occupationHref, headingLevel, noAttribution }) => html`<occupation-favourites
    .store=${storyStore()}
    occupation-href=${occupationHref}
    heading-level=${headingLevel}
    ?no-attribution=${noAttribution}
    @om-occupation-select=${stayOnPage}
  ></occupation-favourites>`,
};
export default meta;

type Story = StoryObj<FavouritesArgs>;

/** Titles are buttons firing `om-occupation-select`; move, remove, clear all (confirmed), download CSV and print. */
export const Default: Story = {};

export const LinkedTitles: Story = {
  args: { occupationHref: 'https://occupational-maps.skillsengland.education.gov.uk/maps/occupation/{code}' },
};

export const Empty: Story = {
  render: () => html`<occupation-favourites .store=${emptyStore()}></occupation-favourites>`,
};

/** Storage is blocked (private browsing, cookies off): favourites work for the visit and the listing says so. */
export const StorageBlocked: Story = {
  render: () => {
    const store = new FavouritesStore({ storage: null, window: null });
    store.add(SAMPLE[0]);
    return html`<occupation-favourites .store=${store}></occupation-favourites>`;
  },
};

/** `<favourite-toggle>` stars and the listing share one store, so each reflects the other at once. */
export const TogglesAndListing: Story = {
  render: () => {
    const store = storyStore(false);
    return html`<ul style="list-style: none; padding: 0">
        ${SAMPLE.map(
          (item) => html`<li style="display: flex; align-items: center; gap: 8px">
            <favourite-toggle .store=${store} code=${item.code} title=${item.title} level=${item.level} route=${item.routeSlug}></favourite-toggle>
            ${item.title}
          </li>`,
        )}
      </ul>
      <occupation-favourites .store=${store} heading-level="3"></occupation-favourites>`;
  },
};
