// Docs from the manifest, autodocs for every element, and a toolbar switch across the four preset themes.
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import defaultTheme from '../packages/elements/themes/default.css?inline';
import govukTheme from '../packages/elements/themes/govuk.css?inline';
import darkTheme from '../packages/elements/themes/dark.css?inline';
import highContrastTheme from '../packages/elements/themes/high-contrast.css?inline';

setCustomElementsManifest(manifest);

const THEMES: Record<string, string> = {
  default: defaultTheme,
  govuk: govukTheme,
  dark: darkTheme,
  'high-contrast': highContrastTheme,
};

/** Loads the chosen preset on :root, as a page that links it would, and paints the canvas with its surface. */
const withTheme: Decorator = (story, context) => {
  const name = String(context.globals.theme ?? 'default');
  let style = document.getElementById('om-storybook-theme');
  if (!style) {
    style = document.createElement('style');
    style.id = 'om-storybook-theme';
    document.head.append(style);
  }
  style.textContent = `${THEMES[name] ?? THEMES.default}
body { background: var(--om-color-surface, #fff); color: var(--om-color-text, #0b0c0c); }`;
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: 'Preset theme (packages/elements/themes/)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        dynamicTitle: true,
        items: [
          { value: 'default', title: 'Default' },
          { value: 'govuk', title: 'GOV.UK' },
          { value: 'dark', title: 'Dark' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
      },
    },
  },
  initialGlobals: { theme: 'default' },
  parameters: {
    controls: { expanded: true },
    docs: { toc: true },
  },
};
export default preview;
