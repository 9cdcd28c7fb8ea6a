// Token tests (Material Web's pattern): the public `--om-*` tokens are the theming API, the private `--_om-*` tokens
// are implementation. Fails on a private token used but never defined, one defined but never used, a public token
// read but not documented, a theme that sets a token nothing reads, and a preset whose colours miss WCAG 2.2 AA.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement, css, type CSSResultOrNative } from 'lit';
import * as library from '@occupational-maps/elements';
import { OmElement, paletteTokens, sharedStyles, tokens } from '@occupational-maps/elements';

const PRESETS = ['default', 'govuk', 'dark', 'high-contrast'] as const;

const textOf = (style: CSSResultOrNative): string =>
  style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText;
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '');

/** Custom properties declared (`--x: …`) in a stylesheet's text. */
const declared = (text: string, prefix: string) =>
  new Set([...withoutComments(text).matchAll(new RegExp(`(${prefix}[\\w-]+)\\s*:`, 'g'))].map((match) => match[1]!));

/** Custom properties read through `var()`, split by whether the reader gave a fallback. */
function readTokens(text: string, prefix: string) {
  const withFallback = new Set<string>();
  const withoutFallback = new Set<string>();
  for (const match of withoutComments(text).matchAll(new RegExp(`var\\(\\s*(${prefix}[\\w-]+)\\s*(,)?`, 'g'))) {
    (match[2] ? withFallback : withoutFallback).add(match[1]!);
  }
  return { withFallback, withoutFallback, all: new Set([...withFallback, ...withoutFallback]) };
}

/** Every element class the package exports, with its own styles (without the shared foundation). */
function elementClasses(): { name: string; own: string; all: string }[] {
  const shared = new Set<CSSResultOrNative>([tokens, paletteTokens, sharedStyles].flat());
  const found: { name: string; own: string; all: string }[] = [];
  for (const [name, value] of Object.entries(library)) {
    if (typeof value !== 'function' || !(value.prototype instanceof OmElement)) continue;
    const elementClass = value as unknown as typeof OmElement & { finalize(): void; elementStyles: CSSResultOrNative[] };
    elementClass.finalize();
    const styles = elementClass.elementStyles;
    found.push({
      name,
      own: styles.filter((style) => !shared.has(style)).map(textOf).join('\n'),
      all: styles.map(textOf).join('\n'),
    });
  }
  return found;
}

const sharedText = `${tokens.cssText}\n${paletteTokens.cssText}\n${sharedStyles.cssText}`;
/** The token foundation: the tokens every element has, and the palette of those that draw occupations. */
const foundationText = `${tokens.cssText}\n${paletteTokens.cssText}`;
const fetchText = async (path: string) => {
  const response = await fetch(path);
  expect(response.ok, `${path} is served`).to.be.true;
  return response.text();
};

describe('theme tokens', () => {
  const elements = elementClasses();

  it('finds the element classes the package exports', () => {
    // Not an exact count, so the test keeps working as elements land: it pins that discovery works at all.
    expect(elements.length, 'element classes exported by @occupational-maps/elements').to.be.greaterThan(0);
    for (const element of elements) expect(element.all, `${element.name} builds on the shared tokens`).to.contain('--_om-color-text:');
  });

  it('defines every private token an element uses without a fallback', () => {
    for (const element of elements) {
      const defined = declared(element.all, '--_om-');
      const missing = [...readTokens(element.all, '--_om-').withoutFallback].filter((token) => !defined.has(token));
      expect(missing, `${element.name} uses undefined private tokens`).to.deep.equal([]);
    }
    const defined = declared(sharedText, '--_om-');
    const missing = [...readTokens(sharedText, '--_om-').withoutFallback].filter((token) => !defined.has(token));
    expect(missing, 'the shared styles use undefined private tokens').to.deep.equal([]);
  });

  it('uses every private token an element defines for itself', () => {
    for (const element of elements) {
      const used = readTokens(element.all, '--_om-').all;
      const unused = [...declared(element.own, '--_om-')].filter((token) => !used.has(token));
      expect(unused, `${element.name} defines private tokens it never uses`).to.deep.equal([]);
    }
  });

  it('uses every shared private token somewhere (no dead theming API)', () => {
    const used = new Set([sharedStyles.cssText, ...elements.map((element) => element.own)].flatMap((text) => [...readTokens(text, '--_om-').all]));
    // A shared token may be defined from another shared token (e.g. the route accent defaults to the brand colour).
    for (const token of readTokens(foundationText, '--_om-').all) used.add(token);
    const unused = [...declared(foundationText, '--_om-')].filter((token) => !used.has(token));
    expect(unused, 'shared private tokens no element reads').to.deep.equal([]);
  });

  it('documents every public token in docs/theming.md', async () => {
    const docs = await fetchText('/docs/theming.md');
    const publicTokens = new Set([sharedText, ...elements.map((element) => element.own)].flatMap((text) => [...readTokens(text, '--om-').all]));
    expect(publicTokens.size).to.be.greaterThan(30);
    const undocumented = [...publicTokens].filter((token) => !docs.includes(`\`${token}\``));
    expect(undocumented, 'public tokens missing from docs/theming.md').to.deep.equal([]);
  });

  describe('preset themes', () => {
    const publicTokens = () => new Set([sharedText, ...elements.map((element) => element.own)].flatMap((text) => [...readTokens(text, '--om-').all]));

    for (const preset of PRESETS) {
      it(`${preset}.css sets only public tokens that the elements read, on :root and .om-theme-${preset}`, async () => {
        const text = await fetchText(`/packages/elements/themes/${preset}.css`);
        const known = publicTokens();
        const set = declared(text, '--');
        const unknown = [...set].filter((token) => !known.has(token));
        expect(unknown, `${preset}.css sets tokens nothing reads (a typo?)`).to.deep.equal([]);
        expect(withoutComments(text)).to.match(new RegExp(`:root,\\s*\\.om-theme-${preset}\\s*\\{`));
      });
    }

    it('default.css spells out exactly the built-in fallbacks', async () => {
      const text = withoutComments(await fetchText('/packages/elements/themes/default.css'));
      const fallbacks = [...foundationText.matchAll(/(--om-[\w-]+)\s*,\s*([^;]*)\)\s*;/g)]
        .filter(([, , value]) => value !== 'inherit' && !value!.startsWith('var('));
      expect(fallbacks.length).to.be.greaterThan(30);
      for (const [, token, value] of fallbacks) {
        const inTheme = text.match(new RegExp(`${token}\\s*:\\s*([^;]*);`))?.[1];
        expect(inTheme, `${token} in default.css`).to.equal(value);
      }
    });
  });
});

/** Reads the private tokens in force on a probe element that uses only the shared foundation. */
class TokenProbe extends LitElement {
  static override styles = [tokens, paletteTokens, css`:host { display: block; }`];
}
customElements.define('om-token-probe', TokenProbe);

function toRgb(colour: string): [number, number, number] {
  const swatch = document.createElement('span');
  swatch.style.color = colour;
  document.body.append(swatch);
  const channels = getComputedStyle(swatch).color.match(/[\d.]+/g)!.map(Number);
  swatch.remove();
  return [channels[0]!, channels[1]!, channels[2]!];
}

function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = toRgb(colour).map((channel) => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Renders a probe inside a shadow root that adopts the preset, scoped by its class, and reads the tokens. */
async function presetTokens(preset: string) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(await fetchText(`/packages/elements/themes/${preset}.css`));
  const host = await fixture(html`<div></div>`);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheet];
  root.innerHTML = `<div class="om-theme-${preset}"><om-token-probe></om-token-probe></div>`;
  const probe = root.querySelector('om-token-probe')!;
  const style = getComputedStyle(probe);
  return (name: string) => style.getPropertyValue(`--_om-${name}`).trim();
}

describe('preset themes meet WCAG 2.2 AA', () => {
  for (const preset of PRESETS) {
    it(`${preset}: text, links, statuses, bands, buttons and focus have enough contrast`, async () => {
      const token = await presetTokens(preset);
      const check = (foreground: string, background: string, minimum: number) => {
        const ratio = contrast(token(foreground), token(background));
        expect(ratio, `${preset}: ${foreground} on ${background} is ${ratio.toFixed(2)}:1`).to.be.at.least(minimum);
      };
      for (const background of ['color-surface', 'color-surface-alt', 'color-band-technical', 'color-band-higher-technical', 'color-band-professional']) {
        check('color-text', background, 4.5);
      }
      for (const background of ['color-surface', 'color-surface-alt']) {
        check('color-text-muted', background, 4.5);
        for (const status of ['approved', 'in-development', 'proposal', 'without-apprenticeship', 'retired']) {
          check(`color-status-${status}`, background, 4.5);
        }
      }
      check('color-link', 'color-surface', 4.5);
      check('color-link-visited', 'color-surface', 4.5);
      check('color-error', 'color-surface', 4.5);
      check('color-brand-text', 'color-brand', 4.5);
      check('color-focus-text', 'color-focus', 4.5);
      check('color-brand', 'color-surface', 3);
      check('color-route-accent', 'color-surface', 3);
      check('color-border', 'color-surface', 3);
      // The focus ring is two colours (the focus colour and a focus-text shadow): one of them must stand out.
      const ring = Math.max(contrast(token('color-focus'), token('color-surface')), contrast(token('color-focus-text'), token('color-surface')));
      expect(ring, `${preset}: focus ring against the surface`).to.be.at.least(3);
    });
  }
});

describe('theming from the host page', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('inherits the page font unless --om-font-family is set, and hostile page CSS does not reach inside', async () => {
    const wrapper = await fixture(html`<div style="font-family: Georgia, serif">
      <style>.hostile * { color: red !important; letter-spacing: 9px !important; }</style>
      <div class="hostile"><om-token-probe></om-token-probe></div>
      <om-token-probe style="--om-font-family: monospace; --om-color-text: rgb(0, 0, 128)"></om-token-probe>
    </div>`);
    const [inherited, themed] = [...wrapper.querySelectorAll('om-token-probe')].map((probe) => getComputedStyle(probe));
    expect(inherited!.fontFamily).to.equal('Georgia, serif');
    expect(inherited!.color).to.equal('rgb(11, 12, 12)');
    expect(inherited!.letterSpacing).to.equal('normal');
    expect(themed!.fontFamily).to.equal('monospace');
    expect(themed!.color).to.equal('rgb(0, 0, 128)');
  });

  it('turns motion off for people who ask for reduced motion, whatever a theme sets', async () => {
    const probe = await fixture(html`<om-token-probe style="--om-transition-duration: 400ms"></om-token-probe>`);
    expect(getComputedStyle(probe).getPropertyValue('--_om-transition-duration').trim()).to.equal('400ms');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(probe).getPropertyValue('--_om-transition-duration').trim()).to.equal('0s');
  });
});
