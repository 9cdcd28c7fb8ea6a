import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ROUTES } from '@occupational-maps/core';
import { FavouritesStore } from '@occupational-maps/elements';
import '@occupational-maps/elements/define/route-map';
import { API, inWidth, neverAnswers, serviceFails, STORY_COURSES, STORY_FAVOURITES_KEY, widthControl } from './support.js';

interface RouteMapArgs {
  route: string;
  view: 'map' | 'list' | 'table';
  controls: boolean;
  levels: string;
  status: string;
  products: string;
  search: string;
  pathway: string;
  selected: string;
  compact: boolean;
  occupationHref: string;
  syncUrl: boolean;
  noAttribution: boolean;
  favourites: boolean;
  width: number;
}

/**
 * The map's favourites in the stories' own storage key (as in the occupation-favourites stories), seeded once with
 * Data analyst, so trying the stars never touches a reader's real list. The card in the dialog uses the page's list.
 */
let favouritesStore: FavouritesStore | undefined;
function storyFavourites(): FavouritesStore {
  if (!favouritesStore) {
    favouritesStore = new FavouritesStore({ key: STORY_FAVOURITES_KEY });
    if (favouritesStore.size === 0) favouritesStore.add({ code: 'OCC0118', title: 'Data analyst', level: 4, routeSlug: 'digital' });
  }
  return favouritesStore;
}

const meta: Meta<RouteMapArgs> = {
  title: 'Elements/route-map',
  component: 'route-map',
  args: {
    route: 'digital', view: 'map', controls: false, levels: '', status: '', products: '', search: '', pathway: '', selected: '',
    compact: false, occupationHref: '', syncUrl: false, noAttribution: false, favourites: false, width: 1280,
  },
  argTypes: {
    route: { control: 'select', options: ROUTES.map((route) => route.slug) },
    view: { control: 'inline-radio', options: ['map', 'list', 'table'] },
    levels: { control: 'text', description: 'e.g. 4-5 or 2,3' },
    status: { control: 'text', description: 'Comma separated: approved, in-development, proposal, without-apprenticeship' },
    products: { control: 'text', description: 'Comma separated: apprenticeship, t-level, htq' },
    width: widthControl('The container width (the map uses container queries).', { max: 1600 }),
  },
  render: (args) =>
    inWidth(
      args.width,
      html`<route-map
        api-base=${API}
        route=${args.route}
        view=${args.view}
        ?controls=${args.controls}
        levels=${args.levels || nothing}
        status=${args.status || nothing}
        products=${args.products || nothing}
        search=${args.search || nothing}
        pathway=${args.pathway || nothing}
        selected=${args.selected || nothing}
        ?compact=${args.compact}
        occupation-href=${args.occupationHref || nothing}
        ?sync-url=${args.syncUrl}
        ?no-attribution=${args.noAttribution}
        ?favourites=${args.favourites}
        .store=${args.favourites ? storyFavourites() : undefined}
        ><a href="https://occupational-maps.skillsengland.education.gov.uk/maps/route/${args.route}">The ${args.route} route on the occupational maps</a></route-map
      >`,
    ),
};
export default meta;

type Story = StoryObj<RouteMapArgs>;

/** The map as on the official site: pathways, three band columns, clusters and tiles. Select a tile to open its card. */
export const MapView: Story = {};

/**
 * "Offered here": a college's five-row course list (`courses-src`, CSV). Diamonds mark the occupations its courses lead
 * to, the header counts them, the controls filter to them, and an offered occupation's card lists the courses first.
 */
export const OfferedHere: Story = {
  render: () => inWidth(1280, html`<route-map api-base=${API} route="digital" controls courses-src=${STORY_COURSES}></route-map>`),
};

/** "Offered here" in the table view: a column says which occupations the college's courses lead to, and how many. */
export const OfferedHereTable: Story = {
  render: () => inWidth(1280, html`<route-map api-base=${API} route="digital" view="table" offered="only" courses-src=${STORY_COURSES}></route-map>`),
};

/** A course list that cannot be loaded: one notice, and the map works without the overlay. */
export const CourseListUnavailable: Story = {
  render: () => inWidth(1280, html`<route-map api-base=${API} route="digital" courses-src="/courses/no-such-list.csv"></route-map>`),
};

/** With the control bar: search, levels, statuses, products, pathway and the view switch. */
export const WithControls: Story = { args: { controls: true } };

/** The list view: every occupation under pathway, band and cluster headings, with its level, status and products in words. */
export const List: Story = { args: { view: 'list' } };

/** The table view: one row per occupation, sortable by eye, with every fact in its own column. */
export const Table: Story = { args: { view: 'table' } };

/** A fixed embed of higher technical levels only. */
export const Levels4To5: Story = { args: { levels: '4-5' } };

/** Only approved occupations. */
export const ApprovedOnly: Story = { args: { status: 'approved' } };

/** Occupations with a Higher Technical Qualification or a T Level. */
export const HtqOrTLevel: Story = { args: { products: 'htq,t-level' } };

/** A search within the route (titles, job titles and keywords). */
export const Search: Story = { args: { search: 'data', controls: true } };

/** One pathway only, named by its name or id. */
export const OnePathway: Story = { args: { pathway: 'Digital Business Services', width: 900 } };

/** An occupation selected: what it leads to and comes from is outlined and labelled, cross-route steps are named. */
export const Progression: Story = { args: { selected: 'OCC0120B' } };

/** Smaller tiles. */
export const Compact: Story = { args: { compact: true, width: 900 } };

/** Tiles link to the host's own pages instead of opening a dialog. */
export const LinkedToHostPages: Story = { args: { occupationHref: 'https://college.example/courses?occupation={code}' } };

/**
 * With `favourites`: a star marks favourite tiles (Data analyst is one here); F on a focused tile adds or removes one,
 * announced politely; the dialog's card has its star.
 */
export const Favourites: Story = { args: { favourites: true } };

/** Favourites in the list view: a star button beside every occupation. */
export const FavouritesList: Story = { args: { favourites: true, view: 'list' } };

/** Favourites in the table view: a Favourite column with a star button in every row. */
export const FavouritesTable: Story = { args: { favourites: true, view: 'table' } };

/** Filters and the selection kept in the URL hash, so a filtered view can be linked to. */
export const SyncedWithUrl: Story = { args: { controls: true, syncUrl: true } };

/** In a 320 px container: the bands stack, nothing scrolls sideways. */
export const Narrow: Story = { args: { width: 320, controls: true } };

/** At 1600 px: tiles sit side by side inside each column. */
export const Wide: Story = { args: { width: 1600 } };

/** Another route with occupations. */
export const Engineering: Story = { args: { route: 'engineering-manufacturing' } };

/** A route with no occupations in the data. */
export const EmptyRoute: Story = { args: { route: 'care-services' } };

/** Nothing matches the filters. */
export const NoMatches: Story = { args: { search: 'underwater basket weaving', controls: true } };

/** An unknown route lists the valid ones. */
export const UnknownRoute: Story = { args: { route: 'underwater-basket-weaving' } };

/** While the route loads: a skeleton that keeps the space. */
export const Loading: Story = {
  render: () => html`<route-map route="digital" .client=${neverAnswers}></route-map>`,
};

/** The service failed: the message, a Retry button and the author's fallback link. */
export const ServiceError: Story = {
  render: () => html`<route-map route="digital" .client=${serviceFails('routes/digital.json')}
    ><a href="https://occupational-maps.skillsengland.education.gov.uk/maps/route/digital">The Digital route on the occupational maps</a></route-map
  >`,
};
