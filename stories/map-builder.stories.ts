import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@occupational-maps/elements/define/map-builder';
import { API, inWidth, widthControl } from './support.js';

const SCRIPT = 'https://cdn.jsdelivr.net/npm/@occupational-maps/elements/dist/cdn/occupational-maps.js';

interface MapBuilderArgs {
  route: string;
  width: number;
}

const meta: Meta<MapBuilderArgs> = {
  title: 'Elements/map-builder',
  component: 'map-builder',
  args: { route: 'digital', width: 1100 },
  argTypes: {
    route: { control: 'text', description: 'The route chosen at first.' },
    width: widthControl('The container width.'),
  },
  render: ({ route, width }) =>
    inWidth(width, html`<map-builder api-base=${API} themes-base="/themes/" script-src=${SCRIPT} route=${route}></map-builder>`),
};
export default meta;

type Story = StoryObj<MapBuilderArgs>;

/** Choices beside the embed code, the live preview below. */
export const Default: Story = {};

/** Starting from another route. */
export const EngineeringRoute: Story = { args: { route: 'engineering-manufacturing' } };

/**
 * With a course list pasted in: checked row by row (two rows need attention here), the preview marks what is
 * "Offered here", and the embed code carries the checked rows.
 */
export const WithCourseList: Story = {
  render: () =>
    inWidth(
      1100,
      html`<map-builder api-base=${API} themes-base="/themes/" script-src=${SCRIPT} .coursesText=${[
        'code,title,url,level,mode,start,campus',
        'TL0007,T Level in Digital Support Services,/courses/t-level-digital-support,3,full-time,September 2027,City',
        'ST0116,Software developer apprenticeship,/courses/software-developer-apprenticeship,4,apprenticeship,Any time,City',
        '506,Data analyst apprenticeship,/courses/data-analyst-apprenticeship,4,apprenticeship,Any time,Online',
        'ST9999,Unknown standard,/courses/unknown,,,,',
        'ST0116,Script link,javascript:alert(1),,,,',
      ].join('\n')}></map-builder>`,
    ),
};

/** In a narrow editor column: everything stacks. */
export const Narrow: Story = { args: { width: 420 } };

/** Without a data service the pathways cannot load: the builder says so and still builds a snippet for every pathway. */
export const NoDataService: Story = {
  render: () => html`<map-builder api-base="https://example.invalid/v1/" themes-base="/themes/" script-src=${SCRIPT}></map-builder>`,
};
