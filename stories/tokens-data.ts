// The token reference, derived from the real sources so it cannot drift: names and defaults from the shared
// stylesheet, descriptions from docs/theming.md, and each preset's values from its CSS file.
import { tokens } from '@occupational-maps/elements';
import themingDocs from '../docs/theming.md?raw';
import govuk from '../packages/elements/themes/govuk.css?raw';
import dark from '../packages/elements/themes/dark.css?raw';
import highContrast from '../packages/elements/themes/high-contrast.css?raw';

export interface TokenRow {
  name: string;
  /** The built-in value, or how it is derived (e.g. "your page's font"). */
  fallback: string;
  description: string;
  group: 'Typography' | 'Colour' | 'Status' | 'Band' | 'Spacing and shape';
  presets: Record<PresetName, string | undefined>;
}

export const PRESET_NAMES = ['govuk', 'dark', 'high-contrast'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const presetValues = (css: string) =>
  new Map([...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--om-[\w-]+)\s*:\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]));

const presets: Record<PresetName, Map<string, string>> = {
  govuk: presetValues(govuk),
  dark: presetValues(dark),
  'high-contrast': presetValues(highContrast),
};

/** `| \`--om-x\` | default | description |` rows of the tokens table in docs/theming.md. */
const descriptions = new Map(
  [...themingDocs.matchAll(/^\| `(--om-[\w-]+)` \| [^|]* \| (.*) \|$/gm)].map((match) => [match[1]!, match[2]!.replace(/`/g, '')]),
);

function groupOf(name: string): TokenRow['group'] {
  if (name.includes('status')) return 'Status';
  if (name.includes('band')) return 'Band';
  if (name.includes('color') || name.includes('accent')) return 'Colour';
  if (name.includes('font') || name.includes('line-height')) return 'Typography';
  return 'Spacing and shape';
}

export const TOKEN_ROWS: TokenRow[] = [...tokens.cssText.matchAll(/--_om-[\w-]+\s*:\s*var\((--om-[\w-]+),\s*([^;]*)\)\s*;/g)].map(
  ([, name, fallback]) => ({
    name: name!,
    fallback: fallback === 'inherit' ? "your page's font" : fallback!.startsWith('var(--_om-color-brand') ? 'the brand colour' : fallback!,
    description: descriptions.get(name!) ?? '',
    group: groupOf(name!),
    presets: Object.fromEntries(PRESET_NAMES.map((preset) => [preset, presets[preset].get(name!)])) as Record<PresetName, string | undefined>,
  }),
);

/** Whether a value can be shown as a colour swatch. */
export const isColour = (value: string | undefined): value is string => !!value && /^(#|rgb|hsl)/.test(value);
