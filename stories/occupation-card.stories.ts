import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@occupational-maps/elements/define/occupation-card';
import { API, inWidth, logSelection, networkDown, neverAnswers, STORY_COURSES, widthControl } from './support.js';

interface OccupationCardArgs {
  code: string;
  variant: 'full' | 'compact';
  sections: string;
  occupationHref: string;
  width: number;
  noAttribution: boolean;
}

const meta: Meta<OccupationCardArgs> = {
  title: 'Elements/occupation-card',
  component: 'occupation-card',
  args: { code: 'OCC0499', variant: 'full', sections: '', occupationHref: '', width: 800, noAttribution: false },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    sections: { control: 'text', description: 'Comma separated; empty means the variant’s defaults.' },
    occupationHref: { control: 'text' },
    width: widthControl('The container width (the card uses container queries).', { min: 280, max: 1200 }),
  },
  render: ({ code, variant, sections, occupationHref, width, noAttribution }) =>
    inWidth(
      width,
      html`<occupation-card
        api-base=${API}
        code=${code}
        variant=${variant}
        sections=${sections || nothing}
        occupation-href=${occupationHref || nothing}
        ?no-attribution=${noAttribution}
        @om-occupation-select=${logSelection}
        ><a href="https://occupational-maps.skillsengland.education.gov.uk/maps/occupation/${code}">${code} on the occupational maps</a></occupation-card
      >`,
    ),
};
export default meta;

type Story = StoryObj<OccupationCardArgs>;

/** Everything the official pop-up and the standard page carry. Progression items show that occupation in the card. */
export const Full: Story = {};

/** Title, level, status, products and SOC code: for lists of vacancies or courses. */
export const Compact: Story = { args: { variant: 'compact', width: 360 } };

/** In a 280 px sidebar. */
export const Narrow: Story = { args: { width: 280 } };

/** In a 1200 px main column: a main column beside an aside. */
export const Wide: Story = { args: { width: 1200 } };

/** Only the sections the host wants, here KSBs and progression. */
export const ChosenSections: Story = { args: { sections: 'ksbs,progression' } };

/** Titles and progression items link to the host's own pages (`{code}` is filled in and URL-encoded). */
export const LinkedToHostPages: Story = { args: { occupationHref: 'https://college.example/courses?occupation={code}' } };

/** A college's courses for the occupation ("Study with us", from `courses-src`), above the products. */
export const WithCollegeCourses: Story = {
  render: () => inWidth(900, html`<occupation-card api-base=${API} code="OCC0116" courses-src=${STORY_COURSES} @om-occupation-select=${logSelection}></occupation-card>`),
};

/** The courses' heading replaced through the `courses-heading` slot, in a compact card. */
export const CoursesHeadingSlot: Story = {
  render: () => inWidth(
    400,
    html`<occupation-card api-base=${API} code="OCC0118" variant="compact" courses-src=${STORY_COURSES}
      ><span slot="courses-heading">Learn it at Riverside College</span></occupation-card
    >`,
  ),
};

/** The host's call to action in the `actions` slot. */
export const WithActions: Story = {
  render: () => html`<occupation-card api-base=${API} code="OCC0499" @om-occupation-select=${logSelection}>
    <a slot="actions" href="https://employer.example/vacancies/autocare">Apply for our autocare apprenticeship</a>
  </occupation-card>`,
};

/** An apprenticeship standard, resolved to its occupation through `standards/ST0499.json`. */
export const FromStandard: Story = {
  render: () => html`<occupation-card api-base=${API} standard="ST0499" @om-occupation-select=${logSelection}></occupation-card>`,
};

/** A standard with options (ST1312, "Legal technician"): the card offers its two option occupations to choose from. */
export const StandardWithOptions: Story = {
  render: () => html`<occupation-card api-base=${API} standard="ST1312" @om-occupation-select=${logSelection}></occupation-card>`,
};

/** Themed through the public tokens only. */
export const Themed: Story = {
  render: () => html`<occupation-card
    api-base=${API}
    code="OCC0499"
    variant="compact"
    style="--om-color-brand: #4c2c92; --om-route-accent: #4c2c92; --om-radius: 12px; --om-font-family: Georgia, serif"
  ></occupation-card>`,
};

/** A size-reserving skeleton while the data loads (this client never answers). */
export const Loading: Story = {
  render: () => html`<occupation-card code="OCC0499" .client=${neverAnswers}></occupation-card>`,
};

/** An unknown code: what went wrong, guidance, and the author's fallback link. */
export const NotFound: Story = {
  render: () => html`<occupation-card api-base=${API} code="OCC9999"><a href="https://occupational-maps.skillsengland.education.gov.uk/">Browse the occupational maps</a></occupation-card>`,
};

/** The service cannot be reached: Retry, and the author's fallback content. */
export const NetworkError: Story = {
  render: () => html`<occupation-card code="OCC0499" .client=${networkDown('occupations/OCC0499.json')}><a href="https://occupational-maps.skillsengland.education.gov.uk/maps/occupation/OCC0499">Autocare technician on the occupational maps</a></occupation-card>`,
};

/** A code that is not a code: a clear message and no request at all. */
export const InvalidCode: Story = {
  render: () => html`<occupation-card api-base=${API} code="<script>alert(1)</script>"></occupation-card>`,
};

/** No code yet: the card says what to set. */
export const NoCode: Story = {
  render: () => html`<occupation-card api-base=${API}></occupation-card>`,
};
