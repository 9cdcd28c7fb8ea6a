import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { PRESET_NAMES, TOKEN_ROWS, isColour, type TokenRow } from './tokens-data.js';

const PRESET_TITLES = { govuk: 'GOV.UK', dark: 'Dark', 'high-contrast': 'High contrast' } as const;

const value = (text: string | undefined) =>
  text === undefined
    ? html`<span class="inherited">—</span>`
    : html`${isColour(text) ? html`<span class="swatch" style="background:${text}"></span>` : nothing}<code>${text}</code>`;

// A wide data table scrolls in its own focusable region, so the page itself reflows at 320 px (WCAG 1.4.10).
const table = (rows: TokenRow[], group: string) => html`
  <div class="table-scroll" role="region" aria-label=${`${group} tokens`} tabindex="0"><table>
    <thead>
      <tr>
        <th scope="col">Token</th>
        <th scope="col">Default</th>
        ${PRESET_NAMES.map((preset) => html`<th scope="col">${PRESET_TITLES[preset]}</th>`)}
        <th scope="col">What it sets</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row) => html`<tr>
          <th scope="row"><code>${row.name}</code></th>
          <td>${value(row.fallback)}</td>
          ${PRESET_NAMES.map((preset) => html`<td>${value(row.presets[preset])}</td>`)}
          <td>${row.description}</td>
        </tr>`,
      )}
    </tbody>
  </table></div>
`;

const styles = html`<style>
  .om-token-reference { font: 14px/1.4 system-ui, sans-serif; color: #0b0c0c; background: #fff; padding: 8px; }
  .om-token-reference .table-scroll { overflow-x: auto; margin-bottom: 24px; }
  .om-token-reference .table-scroll:focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; }
  .om-token-reference table { border-collapse: collapse; width: 100%; }
  .om-token-reference th, .om-token-reference td { border-bottom: 1px solid #b1b4b6; padding: 6px 8px; text-align: start; vertical-align: top; }
  .om-token-reference thead th { border-bottom: 2px solid #0b0c0c; }
  .om-token-reference tbody th { font-weight: 400; white-space: nowrap; }
  .om-token-reference .swatch { display: inline-block; width: 1em; height: 1em; margin-inline-end: 6px; vertical-align: -2px; border: 1px solid #0b0c0c; }
  .om-token-reference .inherited { color: #484949; }
</style>`;

const meta: Meta = {
  title: 'Theming/Token reference',
  tags: ['!autodocs'],
  parameters: { layout: 'fullscreen', docs: { description: { component: 'Every public `--om-*` token, its default and its value in each preset. Read from the shared stylesheet, docs/theming.md and the preset files, so it is always current.' } } },
};
export default meta;

export const AllTokens: StoryObj = {
  name: 'All tokens',
  render: () => {
    const groups = [...new Set(TOKEN_ROWS.map((row) => row.group))];
    return html`${styles}<div class="om-token-reference">
      <h1>Theme tokens</h1>
      <p>Set any of these on <code>:root</code>, a wrapper or one element. “—” means the preset keeps the default.</p>
      ${groups.map((group) => html`<h2>${group}</h2>${table(TOKEN_ROWS.filter((row) => row.group === group), group)}`)}
    </div>`;
  },
};
