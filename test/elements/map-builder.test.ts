import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { restore, stub } from 'sinon';
import '../../packages/elements/src/define/map-builder.js';
import type { MapBuilder } from '../../packages/elements/src/map-builder/map-builder.js';
import { formatLevels } from '../../packages/elements/src/map-builder/snippet.js';

const API = '/test/fixtures/embed/features-b-v1/';
const API_ABSOLUTE = new URL(API, location.href).href;
/** The elements as the test server serves them: the snippet's script must load them into a blank page. */
const ELEMENTS_MODULE = new URL('/packages/elements/src/define/route-map.ts', location.href).href;

const shadow = (el: Element) => el.shadowRoot!;
const control = <T extends Element>(el: MapBuilder, selector: string) => shadow(el).querySelector<T>(selector)!;
const preview = (el: MapBuilder) => control<HTMLElement>(el, 'route-map');
const attributesOf = (element: Element) =>
  Object.fromEntries(element.getAttributeNames().map((name) => [name, element.getAttribute(name)]));

async function builder(): Promise<MapBuilder> {
  const el = await fixture<MapBuilder>(html`<map-builder api-base=${API} script-src=${ELEMENTS_MODULE}></map-builder>`);
  await waitUntil(() => shadow(el).querySelectorAll('#pathway option').length > 1, 'pathways loaded');
  return el;
}

function tick(el: MapBuilder, name: string, value: string) {
  control<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`).click();
  return el.updateComplete;
}

function choose(el: MapBuilder, id: string, value: string) {
  const select = control<HTMLSelectElement>(el, `#${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  return el.updateComplete;
}

describe('<map-builder>', () => {
  afterEach(() => restore());

  it('formats levels as a range when they run on, else as a list', () => {
    expect(formatLevels([5, 4])).to.equal('4-5');
    expect(formatLevels([2, 3, 6])).to.equal('2,3,6');
    expect(formatLevels([2, 3, 4, 5, 6, 7])).to.equal('');
    expect(formatLevels([])).to.equal('');
  });

  it('starts with a snippet for the whole Digital map and a matching preview', async () => {
    const el = await builder();
    expect(el.snippet).to.equal(
      `<script type="module" src="${ELEMENTS_MODULE}"></script>\n<route-map route="digital" api-base="${API_ABSOLUTE}">\n` +
        `  <a href="https://occupational-maps.skillsengland.education.gov.uk/maps/route/digital">The Digital route on the occupational maps</a>\n</route-map>`,
    );
    expect(control<HTMLTextAreaElement>(el, '#snippet').value).to.equal(el.snippet);
    expect(attributesOf(preview(el))).to.deep.equal({ route: 'digital', 'api-base': API_ABSOLUTE });
    await expect(el).to.be.accessible();
  });

  it('turns every choice into attributes of the preview and of the snippet', async () => {
    const el = await builder();
    await choose(el, 'pathway', '58');
    await tick(el, 'levels', '5');
    await tick(el, 'levels', '4');
    await tick(el, 'statuses', 'approved');
    await tick(el, 'statuses', 'in-development');
    await tick(el, 'products', 'htq');
    await tick(el, 'view', 'table');
    await tick(el, 'theme', 'govuk');
    control<HTMLInputElement>(el, '.choice input[type="checkbox"]:not([name])').click(); // controls
    await el.updateComplete;
    const expected = {
      route: 'digital',
      pathway: '58',
      levels: '4-5',
      status: 'approved,in-development',
      products: 'htq',
      view: 'table',
      controls: '',
      'api-base': API_ABSOLUTE,
      class: 'om-theme-govuk',
    };
    expect(attributesOf(preview(el))).to.deep.equal(expected);
    const snippet = el.snippet;
    expect(snippet).to.contain(
      `<route-map route="digital" pathway="58" levels="4-5" status="approved,in-development" products="htq" view="table" controls api-base="${API_ABSOLUTE}" class="om-theme-govuk">`,
    );
    const themeLink = snippet.match(/<link rel="stylesheet" href="([^"]+)">/)![1]!;
    expect(themeLink).to.match(/\/themes\/govuk\.css$/);
    expect((await fetch(themeLink)).ok, 'the theme stylesheet exists').to.be.true;
    expect(shadow(el).querySelector('link[rel="stylesheet"]')!.getAttribute('href')).to.equal(themeLink);

    await choose(el, 'route', 'engineering-manufacturing');
    expect(preview(el).getAttribute('route')).to.equal('engineering-manufacturing');
    expect(el.snippet).to.contain(
      '<a href="https://occupational-maps.skillsengland.education.gov.uk/maps/route/engineering-manufacturing">The Engineering and manufacturing route on the occupational maps</a>',
    );
    expect(preview(el).hasAttribute('pathway'), 'a new route starts with every pathway').to.be.false;
    await waitUntil(() => [...shadow(el).querySelectorAll('#pathway option')].some((option) => option.textContent === 'Maintenance, installation and repair'));
  });

  it('sets the accent colour as --om-route-accent only when asked', async () => {
    const el = await builder();
    const colour = control<HTMLInputElement>(el, '#accent');
    expect(colour.disabled).to.be.true;
    expect(el.snippet).not.to.contain('--om-route-accent');
    control<HTMLInputElement>(el, '.choice:has(+ .field--colour) input').click();
    await el.updateComplete;
    colour.value = '#aa3377';
    colour.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(getComputedStyle(preview(el)).getPropertyValue('--om-route-accent').trim()).to.equal('#aa3377');
    expect(el.snippet).to.contain('style="--om-route-accent: #aa3377"');
    control<HTMLInputElement>(el, '.choice:has(+ .field--colour) input').click();
    await el.updateComplete;
    expect(getComputedStyle(preview(el)).getPropertyValue('--om-route-accent').trim(), 'accent switched off').to.equal('');
    expect(el.snippet).not.to.contain('--om-route-accent');
  });

  it('escapes attribute values in the snippet', async () => {
    const el = await fixture<MapBuilder>(html`<map-builder api-base=${API} script-src='https://cdn.example/x.js?a=1&b="><script>alert(1)</script>'></map-builder>`);
    expect(el.snippet.split('\n')[0]).to.equal(
      '<script type="module" src="https://cdn.example/x.js?a=1&amp;b=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"></script>',
    );
    const hostile = await fixture<MapBuilder>(html`<map-builder api-base='/v1/"onload="x' script-src=${ELEMENTS_MODULE}></map-builder>`);
    expect(hostile.snippet).not.to.contain('"onload="');
    expect(hostile.snippet).to.contain('api-base="');
  });

  it('is operable from the keyboard, and every control is labelled in a fieldset with a legend', async () => {
    const el = await builder();
    control<HTMLSelectElement>(el, '#route').focus();
    await sendKeys({ press: 'Tab' }); // pathway
    expect(shadow(el).activeElement!.id).to.equal('pathway');
    await sendKeys({ press: 'Tab' }); // level 2
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // level 3
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(preview(el).getAttribute('levels')).to.equal('2-3');
    const listView = control<HTMLInputElement>(el, 'input[name="view"][value="list"]');
    control<HTMLInputElement>(el, 'input[name="view"][value="map"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(listView.checked).to.be.true;
    expect(preview(el).getAttribute('view')).to.equal('list');
    for (const input of shadow(el).querySelectorAll('input, select, textarea')) {
      expect((input as HTMLInputElement).labels?.length, `${input.outerHTML} is labelled`).to.be.greaterThan(0);
    }
    for (const group of shadow(el).querySelectorAll('input[type="checkbox"][name], input[type="radio"]')) {
      expect(group.closest('fieldset')!.querySelector(':scope > legend')!.textContent!.trim()).not.to.equal('');
    }
  });

  it('copies the snippet and says so politely', async () => {
    const el = await builder();
    const writeText = stub(navigator.clipboard, 'writeText').resolves();
    control<HTMLButtonElement>(el, '[part="copy-button"]').click();
    await waitUntil(() => control(el, '.announcement').textContent === 'Copied', 'announced');
    expect(writeText.calledOnceWith(el.snippet)).to.be.true;
    expect(control(el, '.announcement').getAttribute('aria-live')).to.equal('polite');
  });

  it('selects the snippet for copying by hand when the Clipboard API is refused', async () => {
    const el = await builder();
    stub(navigator.clipboard, 'writeText').rejects(new DOMException('Write permission denied.', 'NotAllowedError'));
    control<HTMLButtonElement>(el, '[part="copy-button"]').click();
    await waitUntil(() => control(el, '.announcement').textContent!.includes('press Ctrl+C'), 'fallback announced');
    const area = control<HTMLTextAreaElement>(el, '#snippet');
    expect(shadow(el).activeElement).to.equal(area);
    expect([area.selectionStart, area.selectionEnd]).to.deep.equal([0, area.value.length]);
  });

  it('leaves api-base out only when the script is a gateway\'s (or a static publish\'s) elements/ with the data beside it', async () => {
    const gateway = await fixture<MapBuilder>(html`<map-builder api-base="https://gw.example/v1/" script-src="https://gw.example/elements/occupational-maps.js"></map-builder>`);
    expect(gateway.snippet).to.contain('<route-map route="digital">');
    expect(gateway.snippet).not.to.contain('api-base');
    const elsewhere = await fixture<MapBuilder>(html`<map-builder api-base="https://gw.example/v1/" script-src="https://cdn.jsdelivr.net/npm/@occupational-maps/elements/dist/cdn/occupational-maps.js"></map-builder>`);
    expect(elsewhere.snippet).to.contain('<route-map route="digital" api-base="https://gw.example/v1/">');
    const otherData = await fixture<MapBuilder>(html`<map-builder api-base="https://data.example/v1/" script-src="https://gw.example/elements/occupational-maps.js"></map-builder>`);
    expect(otherData.snippet).to.contain('api-base="https://data.example/v1/"');
  });

  it('its snippet, pasted into a blank page, renders the previewed map with the same attributes', async () => {
    const el = await builder();
    await choose(el, 'pathway', '57');
    await tick(el, 'levels', '3');
    await tick(el, 'view', 'list');
    await tick(el, 'theme', 'dark');
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 600px';
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank page</title></head><body>${el.snippet}</body></html>`;
    document.body.append(frame);
    try {
      await waitUntil(() => frame.contentWindow?.customElements.get('route-map'), 'the snippet defined route-map', { timeout: 9000 });
      const pasted = frame.contentDocument!.querySelector('route-map')!;
      expect(attributesOf(pasted)).to.deep.equal(attributesOf(preview(el)));
      const text = (map: Element) => (map.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const rendered = (map: Element) => text(map).includes('Information communications technician');
      await waitUntil(() => rendered(pasted) && rendered(preview(el)), 'both maps rendered', { timeout: 9000 });
      expect(text(pasted)).to.equal(text(preview(el)));
      await waitUntil(() => frame.contentWindow!.getComputedStyle(pasted).getPropertyValue('--om-color-surface').trim() !== '', 'dark theme applied');
      expect(frame.contentWindow!.getComputedStyle(pasted).getPropertyValue('--om-color-surface').trim()).to.equal(
        getComputedStyle(preview(el)).getPropertyValue('--om-color-surface').trim(),
      );
    } finally {
      frame.remove();
    }
  });
});
