import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@occupational-maps/elements/define/occupation-search';
import { API, neverAnswers, serviceFails, stayOnPage, STORY_COURSES } from './support.js';

interface SearchArgs {
  value: string;
  route: string;
  band: string;
  productType: string;
  noFilters: boolean;
  maxResults: number;
  occupationHref: string;
}

const meta: Meta<SearchArgs> = {
  title: 'Elements/occupation-search',
  component: 'occupation-search',
  args: { value: '', route: '', band: '', productType: '', noFilters: false, maxResults: 10, occupationHref: '' },
  argTypes: {
    band: { control: 'select', options: ['', 'technical', 'higher-technical', 'professional'] },
    productType: { control: 'select', options: ['', 'apprenticeship', 't-level', 'htq', 'tq', 'other'] },
    route: { control: 'select', options: ['', 'construction', 'digital', 'engineering-manufacturing'] },
  },
  render: ({ value, route, band, productType, noFilters, maxResults, occupationHref }) => html`<occupation-search
    api-base=${API}
    .value=${value}
    route=${route}
    band=${band}
    product-type=${productType}
    max-results=${maxResults}
    occupation-href=${occupationHref}
    ?no-filters=${noFilters}
    @om-occupation-select=${stayOnPage}
  ></occupation-search>`,
};
export default meta;

type Story = StoryObj<SearchArgs>;

/** Type to search every route; Down and Up move through the results, Enter chooses, Escape closes then clears. */
export const Default: Story = {};

/** A typo still finds the occupation: "anlyst" matches Data analyst. */
export const TypoTolerant: Story = { args: { value: 'anlyst' } };

/** Prefix matching as people type. */
export const Prefix: Story = { args: { value: 'engin' } };

export const FilteredToProfessional: Story = { args: { value: 'engineer', band: 'professional' } };

/** Limited to one route, with the filter controls hidden: a search box for a single route's page. */
export const OneRouteWithoutFilters: Story = { args: { value: 'engineer', route: 'digital', noFilters: true } };

/** Nothing matches: guidance and spelling suggestions. */
export const NoResults: Story = { args: { value: 'analsyt' } };

/** The filters hide every match: the element says so and offers to search without them. */
export const FiltersHideEverything: Story = { args: { value: 'bricklayer', route: 'digital' } };

/** Results link through a template instead of only firing `om-occupation-select`. */
export const Linked: Story = { args: { value: 'data', occupationHref: 'https://occupational-maps.skillsengland.education.gov.uk/maps/occupation/{code}' } };

/** With a college's course list: results its courses lead to say "Offered here", and a filter shows only those. */
export const OfferedHere: Story = {
  render: () => html`<occupation-search api-base=${API} courses-src=${STORY_COURSES} value="software" max-results="20"></occupation-search>`,
};

export const Loading: Story = {
  render: () => html`<occupation-search .client=${neverAnswers} value="data"></occupation-search>`,
};

export const LoadError: Story = {
  render: () => html`<occupation-search .client=${serviceFails('search-index.json')} value="data"></occupation-search>`,
};
