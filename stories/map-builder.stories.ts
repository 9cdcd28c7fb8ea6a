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

/** In a narrow editor column: everything stacks. */
export const Narrow: Story = { args: { width: 420 } };

/** Without a data service the pathways cannot load: the builder says so and still builds a snippet for every pathway. */
export const NoDataService: Story = {
  render: () => html`<map-builder api-base="https://example.invalid/v1/" themes-base="/themes/" script-src=${SCRIPT}></map-builder>`,
};
