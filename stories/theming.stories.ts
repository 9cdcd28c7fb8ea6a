import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@occupational-maps/elements/define/occupation-card';
import '@occupational-maps/elements/define/route-map';
import '@occupational-maps/elements/define/soc-badge';
import defaultTheme from '../packages/elements/themes/default.css?raw';
import govukTheme from '../packages/elements/themes/govuk.css?raw';
import darkTheme from '../packages/elements/themes/dark.css?raw';
import highContrastTheme from '../packages/elements/themes/high-contrast.css?raw';
import { API } from './support.js';

const CODE = 'OCC0825';

interface TwoTokenArgs {
  brand: string;
  fontFamily: string;
}

const meta: Meta = {
  title: 'Theming/Examples',
  tags: ['!autodocs'],
  parameters: {
    docs: { description: { component: 'Restyling the elements with tokens, presets and parts. See docs/theming.md for the full reference.' } },
  },
};
export default meta;

/** A college's brand in two tokens: the brand colour and a typeface. Try the controls. */
export const TwoTokens: StoryObj<TwoTokenArgs> = {
  name: 'Two tokens',
  args: { brand: '#7a1f5c', fontFamily: 'Georgia, serif' },
  argTypes: { brand: { control: 'color' }, fontFamily: { control: 'text' } },
  render: ({ brand, fontFamily }) => html`
    <div style="--om-color-brand: ${brand}; --om-font-family: ${fontFamily}; max-width: 720px">
      <occupation-card api-base=${API} code=${CODE}></occupation-card>
      <p><soc-badge api-base=${API} code="2134"></soc-badge></p>
    </div>
  `,
};

/** Each preset scoped to a wrapper by its class (the `:root` rule is left out, as on a page that scopes them). */
export const PresetsSideBySide: StoryObj = {
  name: 'Presets side by side',
  parameters: { layout: 'fullscreen' },
  render: () => {
    const scoped = [defaultTheme, govukTheme, darkTheme, highContrastTheme].map((css) => css.replace(/:root,\s*/g, '')).join('\n');
    const presets = [
      ['default', 'Default'],
      ['govuk', 'GOV.UK'],
      ['dark', 'Dark'],
      ['high-contrast', 'High contrast'],
    ];
    return html`
      <style>
        ${scoped}
        .om-preset-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(340px, 100%), 1fr)); gap: 16px; padding: 16px; }
        .om-preset { padding: 16px; background: var(--om-color-surface); color: var(--om-color-text); font-family: system-ui, sans-serif; }
        .om-preset h2 { margin: 0 0 12px; font-size: 16px; }
      </style>
      <div class="om-preset-grid">
        ${presets.map(
          ([preset, title]) => html`<section class="om-theme-default">
            <div class="om-preset om-theme-${preset}">
              <h2>${title}</h2>
              <occupation-card api-base=${API} code=${CODE} variant="compact"></occupation-card>
            </div>
          </section>`,
        )}
      </div>
    `;
  },
};

/** Restyling the documented parts with `::part()`: the card's title and header, and the badge's code box. */
export const StylingParts: StoryObj = {
  name: 'Styling parts',
  render: () => html`
    <style>
      .parts-demo occupation-card::part(header) { border-bottom: 4px double var(--om-color-border, #8a8d8f); }
      .parts-demo occupation-card::part(title) { font-variant: small-caps; letter-spacing: 0.02em; }
      .parts-demo soc-badge::part(code) { letter-spacing: 0.1em; }
    </style>
    <div class="parts-demo" style="max-width: 720px">
      <occupation-card api-base=${API} code=${CODE}></occupation-card>
      <p><soc-badge api-base=${API} code="2134"></soc-badge></p>
    </div>
  `,
};

/** A route accent per route: one token, set on the element (or on any wrapper). */
export const RouteAccent: StoryObj<{ accent: string }> = {
  name: 'Route accent',
  args: { accent: '#00594f' },
  argTypes: { accent: { control: 'color' } },
  render: ({ accent }) => html`<route-map api-base=${API} route="digital" style="--om-route-accent: ${accent}"></route-map>`,
};
