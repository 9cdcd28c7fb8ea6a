import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@occupational-maps/elements/define/soc-badge';
import { answers, API, neverAnswers, serviceFails, stayOnPage } from './support.js';

interface SocBadgeArgs {
  code: string;
  edition: '2020' | '2010';
  title: string;
  detail: boolean;
  open: boolean;
  size: 'small' | 'medium' | 'large';
}

/** A SOC unit group with no occupations on the maps (the snapshot has none to show). */
const noOccupations = answers({
  edition: 2020, code: '9249', title: 'Elementary sales occupations n.e.c.', description: null, occupations: [],
  hierarchy: { major: { code: '9', title: 'Elementary occupations' }, subMajor: { code: '92', title: 'Elementary administration and service occupations' }, minor: { code: '924', title: 'Elementary sales occupations' } },
});

const meta: Meta<SocBadgeArgs> = {
  title: 'Elements/soc-badge',
  component: 'soc-badge',
  args: { code: '5231', edition: '2020', title: '', detail: false, open: false, size: 'medium' },
  argTypes: {
    edition: { control: 'inline-radio', options: ['2020', '2010'] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
  },
  render: ({ code, edition, title, detail, open, size }) => html`<soc-badge
    api-base=${API} code=${code} edition=${edition} title=${title || ''} size=${size} ?detail=${detail} ?open=${open}
    @om-occupation-select=${stayOnPage}
  ></soc-badge>`,
};
export default meta;

type Story = StoryObj<SocBadgeArgs>;

/** The code and its SOC 2020 title, from the data bundled with the library: no request at all. */
export const Default: Story = {};

export const Sizes: Story = {
  render: ({ code }) => html`<p><soc-badge code=${code} size="small"></soc-badge></p>
    <p><soc-badge code=${code}></soc-badge></p>
    <p><soc-badge code=${code} size="large"></soc-badge></p>`,
};

/** A disclosure button; nothing is requested until it opens. Enter or Space toggles, Escape closes. */
export const WithDetail: Story = { args: { detail: true } };

/** Open: the groups (bundled), the ONS description and the occupations on the maps (from `soc/5231.json`). */
export const DetailOpen: Story = { args: { detail: true, open: true } };

export const DetailLoading: Story = {
  render: () => html`<soc-badge code="5231" detail open .client=${neverAnswers}></soc-badge>`,
};

/** The bundled groups still show; the failure is explained and Retry offered. */
export const DetailError: Story = {
  render: () => html`<soc-badge code="5231" detail open .client=${serviceFails('soc/5231.json')}></soc-badge>`,
};

export const DetailWithoutOccupations: Story = {
  render: () => html`<soc-badge code="9249" detail open .client=${noOccupations}></soc-badge>`,
};

/** A well-formed code SOC 2020 does not have, a malformed one and none: always visible, never blank. */
export const UnknownCodes: Story = {
  render: () => html`<p><soc-badge code="9999"></soc-badge></p>
    <p><soc-badge code="21x6"></soc-badge></p>
    <p><soc-badge></soc-badge></p>`,
};

/** SOC 2010 codes were renumbered in 2020; the title comes from the `title` attribute (or an occupation's data). */
export const Soc2010: Story = {
  args: { edition: '2010', code: '5231', title: 'Motor mechanics, auto engineers' },
};

export const Soc2010WithoutTitle: Story = {
  args: { edition: '2010', code: '5231', detail: true },
};

/** Every string can be replaced per element, e.g. for Welsh. */
export const OverriddenStrings: Story = {
  render: () => html`<soc-badge code="0000" .strings=${{ socUnknownCode: 'Cod SOC anhysbys' }}></soc-badge>`,
};
