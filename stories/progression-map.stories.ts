import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@occupational-maps/elements/define/progression-map';
import { API, inWidth, logSelection, neverAnswers, serviceFails, widthControl } from './support.js';

interface ProgressionMapArgs {
  code: string;
  view: 'diagram' | 'list';
  recentre: boolean;
  occupationHref: string;
  width: number;
  noAttribution: boolean;
}

const meta: Meta<ProgressionMapArgs> = {
  title: 'Elements/progression-map',
  component: 'progression-map',
  args: { code: 'OCC0116', view: 'diagram', recentre: true, occupationHref: '', width: 1000, noAttribution: false },
  argTypes: {
    view: { control: 'inline-radio', options: ['diagram', 'list'] },
    occupationHref: { control: 'text', description: 'A URL template with {code}: occupations become links.' },
    width: widthControl('The container width (columns stack below about 576 px).'),
  },
  render: ({ code, view, recentre, occupationHref, width, noAttribution }) =>
    inWidth(
      width,
      html`<progression-map
        api-base=${API}
        code=${code}
        view=${view}
        ?recentre=${recentre}
        occupation-href=${occupationHref || nothing}
        ?no-attribution=${noAttribution}
        @om-occupation-select=${logSelection}
        ><a href="https://occupational-maps.skillsengland.education.gov.uk/maps/progression-map/${code}">The progression map on the official site</a></progression-map
      >`,
    ),
};
export default meta;

type Story = StoryObj<ProgressionMapArgs>;

/** Software developer: three bands, a cross-route progression (dashed) and the route key. Choosing an occupation re-centres the map. */
export const Diagram: Story = {};

/** The same content as nested lists: what each occupation leads to and comes from. */
export const List: Story = { args: { view: 'list' } };

/** Autocare technician: two bands, progression inside one band drawn as loops. */
export const WithinOneBand: Story = { args: { code: 'OCC0499' } };

/** In a 360 px container the bands stack and the relations are told in words. */
export const Narrow: Story = { args: { width: 360 } };

/** Occupations link to the host's own pages. */
export const LinkedToHostPages: Story = { args: { occupationHref: 'https://college.example/courses?occupation={code}', recentre: false } };

/** Themed through public tokens only: the accent colours the centre and its route's arrows. */
export const Themed: Story = {
  render: () => html`<progression-map api-base=${API} code="OCC0119" style="--om-route-accent: #4c2c92; --om-radius: 12px"></progression-map>`,
};

/** An occupation with no progression says so. */
export const NoProgression: Story = { args: { code: 'OCC0258' } };

/** A size-reserving skeleton while the data loads (this client never answers). */
export const Loading: Story = {
  render: () => html`<progression-map code="OCC0116" .client=${neverAnswers}></progression-map>`,
};

/** The service fails: Retry, and the author's fallback link. */
export const ServiceError: Story = {
  render: () => html`<progression-map code="OCC0116" .client=${serviceFails('progression/OCC0116.json')}
    ><a href="https://occupational-maps.skillsengland.education.gov.uk/maps/progression-map/OCC0116">The progression map on the official site</a></progression-map
  >`,
};

/** An unknown code. */
export const NotFound: Story = { args: { code: 'OCC9999' } };
