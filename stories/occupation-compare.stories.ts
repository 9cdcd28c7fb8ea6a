import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@occupational-maps/elements/define/occupation-compare';
import { API, inWidth, networkDown, neverAnswers, widthControl } from './support.js';

interface OccupationCompareArgs {
  codes: string;
  width: number;
}

const meta: Meta<OccupationCompareArgs> = {
  title: 'Elements/occupation-compare',
  component: 'occupation-compare',
  args: { codes: 'OCC0116,OCC0825', width: 1000 },
  argTypes: {
    codes: { control: 'text', description: 'Two or three occupation codes, comma separated.' },
    width: widthControl('The container width (cards below about 600 px).'),
  },
  render: ({ codes, width }) => inWidth(width, html`<occupation-compare api-base=${API} codes=${codes}></occupation-compare>`),
};
export default meta;

type Story = StoryObj<OccupationCompareArgs>;

/** Software developer and DevOps engineer: facts side by side, then shared and distinct KSBs and duties. */
export const TwoOccupations: Story = {};

/** Three occupations: what all three share, what two share, and what only one has. */
export const ThreeOccupations: Story = { args: { codes: 'OCC0116,OCC0825,OCC0128' } };

/** More than three codes: the first three, and a note. */
export const TooMany: Story = { args: { codes: 'OCC0116,OCC0825,OCC0128,OCC0119' } };

/** An unknown code: its column says so while the others render. */
export const UnknownCode: Story = { args: { codes: 'OCC0116,OCC9999' } };

/** Below about 600 px: one card per occupation. */
export const Narrow: Story = { args: { width: 380 } };

/** No codes yet. */
export const NoCodes: Story = { args: { codes: '' } };

/** A size-reserving skeleton while the data loads (this client never answers). */
export const Loading: Story = {
  render: () => html`<occupation-compare codes="OCC0116,OCC0825" .client=${neverAnswers}></occupation-compare>`,
};

/** The service cannot be reached for any of them: one error with Retry. */
export const NetworkError: Story = {
  render: () => html`<occupation-compare codes="OCC0116,OCC0825" .client=${networkDown('occupations/OCC0116.json')}></occupation-compare>`,
};
