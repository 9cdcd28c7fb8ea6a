import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@occupational-maps/elements/define/map-builder';

/** Real documents from the test snapshot (Storybook serves it at /v1/), theme presets at /themes/. */
const API = '/v1/';
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
    width: { control: { type: 'range', min: 320, max: 1400, step: 20 }, description: 'The container width.' },
  },
  render: ({ route, width }) => html`<div style="width: ${width}px; max-width: 100%">
    <map-builder api-base=${API} themes-base="/themes/" script-src=${SCRIPT} route=${route}></map-builder>
  </div>`,
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
