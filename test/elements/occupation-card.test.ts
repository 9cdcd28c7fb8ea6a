import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { createClient, type EmbedError } from '@occupational-maps/core';
import '../../packages/elements/src/define/occupation-card.js';
import type { OccupationCard } from '../../packages/elements/src/occupation-card/occupation-card.js';
import { parseSections } from '../../packages/elements/src/occupation-card/format.js';
import { occupationHref } from '../../packages/elements/src/shared/occupation-href.js';

// Small Embed API v1 trees written for this element (validated against the contract by the client on every load).
const API = '/test/fixtures/embed/occupation-card-v1/';
const PAYLOADS = '/test/fixtures/embed/occupation-card-payloads-v1/';
const UNREACHABLE = 'http://127.0.0.1:9/v1/';
// The gateway's embedded offline dataset, written by the `fixtures` step of scripts/test.mjs.
const SNAPSHOT = '/test/.snapshot/v1/';

const shadow = (el: OccupationCard) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: OccupationCard, selector: string) => shadow(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: OccupationCard, selector: string) => [...shadow(el).querySelectorAll<E>(selector)];
/** What a person sees (and a screen reader reads) in the card, whitespace collapsed. */
const visibleText = (el: OccupationCard) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');

/** The card's term–value facts (salary, funding, duration …), by term. */
const factsOf = (el: OccupationCard) =>
  Object.fromEntries($$(el, '.fact').map((fact) => [fact.querySelector('dt')!.textContent!.trim(), fact.querySelector('dd')!.textContent!.trim()]));

/** Waits for the card and, when it shows, its progression section to settle (loaded, empty or failed). */
async function settled(el: OccupationCard): Promise<OccupationCard> {
  await waitUntil(() => $(el, 'article.card, .om-error, .om-message'), 'the card rendered a final state', { timeout: 8000 });
  await waitUntil(() => !$(el, '.section--progression[aria-hidden]'), 'progression settled', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

/** Cards attached by `attach`, removed after each test (fixture() cleans up its own). */
const attached: OccupationCard[] = [];

/**
 * Attaches a card configured by `configure` and waits for its first `name` event. The listener is in place before the
 * card connects, because a document the shared client has cached can answer at once.
 */
async function attach<K extends 'om-load' | 'om-error'>(name: K, configure: (el: OccupationCard) => void) {
  const el = document.createElement('occupation-card');
  configure(el);
  const event = oneEvent(el, name) as Promise<HTMLElementEventMap[K]>;
  attached.push(el);
  document.body.append(el);
  return { el, event: await event };
}

async function card(template: ReturnType<typeof html>): Promise<OccupationCard> {
  return settled(await fixture<OccupationCard>(template));
}

describe('<occupation-card>', () => {
  afterEach(async () => {
    for (const el of attached.splice(0)) el.remove();
    await emulateMedia({ media: 'screen' });
  });

  describe('the embedded dataset (snapshot)', () => {
    it('shows OCC0499 as the gateway serves it, accessible with every disclosure open', async function () {
      this.timeout(30_000); // axe over a full card on a busy machine
      const el = await card(html`<occupation-card code="OCC0499" api-base=${SNAPSHOT}></occupation-card>`);
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Autocare technician');
      expect(factsOf(el)).to.include({ 'Typical duration': '30 months', 'Maximum funding': '£13,000', 'LARS code': '283' });
      expect(factsOf(el)).not.to.have.property('Entry requirements'); // null upstream: the row is left out
      expect(factsOf(el)).not.to.have.property('Median annual salary');
      expect($$(el, '[part~="product"]')).to.have.length(9);
      expect($$(el, '[aria-labelledby="leads-to"] li')).to.have.length(3);
      for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
      expect(visibleText(el)).not.to.match(/\bundefined\b|\bnull\b|\bNaN\b/);
      await expect(el).to.be.accessible();
    });

    it('resolves standard="ST0499" to OCC0499', async () => {
      const el = await card(html`<occupation-card standard="ST0499" api-base=${SNAPSHOT}></occupation-card>`);
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Autocare technician');
    });

    it('renders every occupation in the dataset with no placeholder words, empty headings or dead KSB links', async function () {
      this.timeout(180_000); // 219 occupations since the sample covers all 15 routes
      const index = (await (await fetch(`${SNAPSHOT}search-index.json`)).json()) as { occupations: Array<{ code: string }> };
      expect(index.occupations.length).to.be.greaterThan(100);
      const el = await fixture<OccupationCard>(html`<occupation-card api-base=${SNAPSHOT}></occupation-card>`);
      for (const { code } of index.occupations) {
        el.code = code;
        await waitUntil(() => $(el, '.tag--code')?.textContent?.endsWith(code), `${code} rendered`, { timeout: 8000 });
        await settled(el);
        expect($(el, '.om-error'), code).to.equal(null);
        expect(visibleText(el), code).not.to.match(/\bundefined\b|\bnull\b|\bNaN\b|\[object /);
        for (const heading of $$(el, 'h1, h2, h3, h4, h5, h6')) expect(heading.textContent!.trim(), code).not.to.equal('');
        for (const button of $$(el, 'button.ksb-ref')) {
          const id = button.textContent!.trim().split(' ').pop()!;
          expect($(el, `[data-ksb="${id}"]`), `${code} ${id}`).to.exist;
        }
      }
    });
  });

  describe('full variant', () => {
    it('shows everything the official pop-up and standard page carry, and is accessible', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      const text = visibleText(el);
      expect($(el, '[part~="title"]')!.tagName).to.equal('H2');
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Autocare technician');
      expect($(el, '[part~="level"]')!.textContent).to.match(/Level 2 · Technical/);
      expect($(el, '[part~="status"]')!.textContent!.trim()).to.equal('Approved occupational standard');
      expect($(el, '[part~="status"] svg[part~="status-icon"]')).to.exist;
      expect($(el, '[part~="breadcrumb"]')!.textContent!.replace(/\s+/g, ' ')).to.contain(
        'Route: Engineering and manufacturing › Pathway: Maintenance, installation and repair › Cluster: Service, repair and/or overhaul operative or technician',
      );
      expect(text).to.contain('Carrying out a range of services and repairs');
      expect($(el, '.rich-text strong')!.textContent).to.equal('autocare or fast fit centres');
      expect($(el, '.rich-text h4')!.textContent).to.equal('Typical work');
      expect($$(el, '.rich-text li').map((li) => li.textContent)).to.deep.equal(['Tyre replacement and repair', 'Brake and exhaust replacement']);
      expect(text).to.contain('Typical job titles').and.to.contain('Motor vehicle technician');
      const facts = factsOf(el);
      expect(facts['Median annual salary']).to.equal('£24,500');
      expect(text).to.contain('Green occupation: Mid Green');
      // Products: type, title, code, level and status.
      const products = $$(el, '[part~="product"]').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(products[0]).to.equal('A Apprenticeship Autocare technician Code ST0499 · Level 2 · Approved for delivery');
      expect(products[1]).to.contain('Technical qualification').and.to.contain('Code TQL2C11048RN5361 · Level 2');
      // Apprenticeship facts from the standards API.
      expect(facts).to.include({
        Standard: 'ST0499, version 1.3',
        'Typical duration': '30 months',
        'Maximum funding': '£13,000',
        'LARS code': '283',
        'Entry requirements': 'Employers set their own entry requirements.',
      });
      const badge = $(el, 'soc-badge')!;
      expect(badge.getAttribute('code')).to.equal('5231');
      expect(badge.getAttribute('api-base')).to.equal(new URL(API, location.href).href);
      // Official pages, opened safely in a new tab.
      const official = $$<HTMLAnchorElement>(el, '.links a');
      expect(official.map((a) => a.href)).to.deep.equal([
        'https://occupational-maps.skillsengland.education.gov.uk/maps/occupation/OCC0499',
        'https://skillsengland.education.gov.uk/apprenticeships/st0499-v1-3',
        'https://occupational-maps.skillsengland.education.gov.uk/maps/progression-map/OCC0499',
        'https://occupational-maps.skillsengland.education.gov.uk/maps/route/engineering-manufacturing',
      ]);
      for (const a of official) expect(a.rel).to.equal('noopener noreferrer');
      expect(text).to.contain('Version 1.3 · Last updated 24 May 2018');
      expect($(el, '[part~="attribution"]')!.textContent).to.contain('Open Government Licence v3.0');
      expect(text).not.to.match(/\bundefined\b|\bnull\b|\bNaN\b/);
      await expect(el).to.be.accessible();
    });

    it('fires om-load once with the path it loaded', async () => {
      const { el, event: loaded } = await attach('om-load', (el) => {
        el.setAttribute('api-base', API);
        el.code = 'OCC0499';
      });
      expect(loaded.detail).to.deep.equal({ path: 'occupations/OCC0499.json' });
    });

    it('lists progression both ways, ordered by level then title, and is accessible with every disclosure open', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      const leadsTo = $$(el, '[aria-labelledby="leads-to"] .progression-item__title').map((item) => item.textContent);
      const comesFrom = $$(el, '[aria-labelledby="comes-from"] .progression-item__title').map((item) => item.textContent);
      expect(leadsTo).to.deep.equal(['Automotive glazing technician', 'Vehicle damage assessor']);
      expect(comesFrom).to.deep.equal(['Vehicle service assistant']);
      expect($(el, '#leads-to')!.tagName).to.equal('H4');
      for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
      await expect(el).to.be.accessible();
    });

    it('shows level, band and status words for every progression item', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      const meta = $$(el, '.progression-item__meta').map((item) => item.textContent);
      expect(meta).to.deep.equal(['Level 3 · Occupational standard in development', 'Level 3 · Approved occupational standard', 'Level 2 · Potential occupational standard']);
    });
  });

  describe('compact variant', () => {
    it('shows only title, level, status, products and SOC code, and is accessible', async () => {
      const el = await card(html`<occupation-card code="OCC0499" variant="compact" api-base=${API}></occupation-card>`);
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Autocare technician');
      expect($(el, '[part~="level"]')).to.exist;
      expect($(el, '[part~="status"]')).to.exist;
      expect($(el, 'soc-badge')).to.exist;
      expect($$(el, '[part~="product"]')).to.have.length(2);
      for (const gone of ['[part~="breadcrumb"]', '.section--overview', '.section--apprenticeship', '.section--ksbs', '.section--duties', '.section--progression', '.section--links']) {
        expect($(el, gone), gone).to.equal(null);
      }
      // The full title of each product is left to the full card; the type and code stay.
      expect($(el, '.product__title')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('makes no progression request', async () => {
      const client = createClient({ apiBase: new URL(API, location.href).href });
      const asked: string[] = [];
      const recording = { ...client, apiBase: client.apiBase, get: ((kind, key, options) => { asked.push(`${kind}/${key}`); return client.get(kind, key, options); }) as typeof client.get, peek: client.peek, invalidate: client.invalidate };
      const el = await card(html`<occupation-card code="OCC0499" variant="compact" .client=${recording}></occupation-card>`);
      expect($(el, 'article')).to.exist;
      // meta.json is the attribution line's (sample or Skills England data), not a progression.
      expect(asked.filter((request) => !request.startsWith('soc/') && !request.startsWith('meta/'))).to.deep.equal(['occupation/OCC0499']);
    });
  });

  describe('sections', () => {
    it('shows only the sections named, in the card order', async () => {
      const el = await card(html`<occupation-card code="OCC0499" sections="progression, ksbs, unknown" api-base=${API}></occupation-card>`);
      const shown = $$(el, 'section').map((section) => section.className.replace('section section--', ''));
      expect(shown).to.deep.equal(['ksbs', 'progression']);
    });

    it('an empty list leaves the header alone', async () => {
      const el = await card(html`<occupation-card code="OCC0499" sections="" api-base=${API}></occupation-card>`);
      expect($$(el, 'section')).to.have.length(0);
      expect($(el, '[part~="title"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('parses names case-insensitively and falls back to the variant defaults', () => {
      expect([...parseSections('Duties,OVERVIEW', 'full')]).to.deep.equal(['overview', 'duties']);
      expect([...parseSections(null, 'compact')]).to.deep.equal(['courses', 'products']);
      expect([...parseSections(undefined, 'full')]).to.deep.equal(['overview', 'courses', 'products', 'ksbs', 'duties', 'progression', 'links']);
    });
  });

  describe('standard=', () => {
    it('resolves a standard to its occupation', async () => {
      const { el, event: loaded } = await attach('om-load', (el) => {
        el.setAttribute('api-base', API);
        el.setAttribute('standard', ' st0120 ');
      });
      expect(loaded.detail.path).to.equal('standards/ST0120.json');
      await settled(el);
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Vehicle damage assessor');
      expect(visibleText(el)).to.contain('Apprenticeship · Career starter apprenticeship');
    });

    it('prefers code when both are given', async () => {
      const el = await card(html`<occupation-card code="occ0031" standard="ST0120" api-base=${API}></occupation-card>`);
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Automotive glazing technician');
    });

    it('an unknown standard names the reference', async () => {
      const el = await card(html`<occupation-card standard="ST9999" api-base=${API}></occupation-card>`);
      expect(visibleText(el)).to.contain('No occupation found for the apprenticeship standard ST9999.');
    });
  });

  describe('missing upstream fields', () => {
    it('hides each section whose data is missing, and never shows a placeholder word or empty heading', async () => {
      const el = await card(html`<occupation-card code="OCC0031" api-base=${API}></occupation-card>`);
      expect($$(el, 'section')).to.have.length(0); // no overview, products, KSBs, duties, progression or links
      expect($(el, '[part~="breadcrumb"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Route: Engineering and manufacturing');
      expect($(el, 'soc-badge')).to.equal(null);
      expect($(el, '[part~="green"]')).to.equal(null);
      expect(visibleText(el)).not.to.match(/\bundefined\b|\bnull\b|\bNaN\b/);
      for (const heading of $$(el, 'h1, h2, h3, h4, h5, h6')) expect(heading.textContent!.trim()).not.to.equal('');
      await expect(el).to.be.accessible();
    });

    it('hides progression when the occupation has no progression document, and leaves unmapped KSB codes as text', async () => {
      const el = await card(html`<occupation-card code="OCC0120A" api-base=${API}></occupation-card>`);
      expect($(el, '.section--progression')).to.equal(null);
      expect($(el, '[part~="green"]')).to.equal(null); // isGreen: false
      const refs = $$(el, '.duty__ksbs .ksb-ref');
      expect(refs.map((ref) => [ref.tagName, ref.textContent!.trim()])).to.deep.equal([
        ['BUTTON', 'Show knowledge K1'],
        ['SPAN', 'S9'],
      ]);
    });
  });

  describe('states', () => {
    it('shows a size-reserving skeleton while loading, then the card', async () => {
      const body = await (await fetch(`${API}occupations/OCC0499.json`)).text();
      const slow = createClient({
        apiBase: new URL(API, location.href).href,
        fetch: (_input, init) => fetch(`/mock-api/slow.json?delay=1500&body=${encodeURIComponent(body)}`, init),
      });
      const el = await fixture<OccupationCard>(html`<occupation-card code="OCC0499" variant="compact" .client=${slow}></occupation-card>`);
      expect($(el, '[part~="state"]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[part~="skeleton"]')!.getBoundingClientRect().height).to.be.greaterThan(40);
      expect($(el, '[role="status"]')!.textContent).to.equal('Loading…');
      await expect(el).to.be.accessible();
      await settled(el);
      expect($(el, '[part~="state"]')!.getAttribute('aria-busy')).to.equal('false');
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Autocare technician');
    });

    it('an unknown code says so, with guidance, the fallback content and om-error; no Retry', async () => {
      const { el, event: failed } = await attach('om-error', (el) => {
        el.setAttribute('api-base', API);
        el.code = 'OCC9999';
        el.innerHTML = '<a href="https://occupational-maps.skillsengland.education.gov.uk/">Occupational maps</a>';
      });
      const { detail } = failed;
      expect((detail.error as EmbedError).kind).to.equal('not-found');
      expect(detail.retryable).to.equal(false);
      await settled(el);
      const text = visibleText(el);
      expect(text).to.contain('No occupation found for OCC9999.');
      expect(text).to.contain('Check the code is typed correctly');
      const guidance = $<HTMLAnchorElement>(el, '.om-error__guidance a')!;
      expect(guidance.href).to.equal('https://occupational-maps.skillsengland.education.gov.uk/');
      expect(guidance.rel).to.equal('noopener noreferrer');
      expect($(el, '[part~="retry-button"]')).to.equal(null);
      const slot = $<HTMLSlotElement>(el, '.om-error slot:not([name])')!;
      expect(slot.assignedElements()[0].textContent).to.equal('Occupational maps');
      expect(el.querySelector('a')!.getBoundingClientRect().height).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('a network error offers Retry, which loads the card once the service answers', async () => {
      let attempts = 0;
      const flaky = createClient({
        apiBase: new URL(API, location.href).href,
        retries: 0,
        fetch: (input, init) => (attempts++ === 0 ? fetch('/mock-api/occupations/OCC0499.json?status=503', init) : fetch(input, init)),
      });
      const el = await card(html`<occupation-card code="OCC0499" .client=${flaky}><p>Autocare technician (OCC0499)</p></occupation-card>`);
      expect(visibleText(el)).to.contain('This information could not be loaded');
      const retry = $<HTMLButtonElement>(el, '[part~="retry-button"]')!;
      expect(retry.textContent).to.equal('Retry');
      await expect(el).to.be.accessible();
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, 'article.card'), 'the card loaded after Retry');
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Autocare technician');
      expect(attempts).to.be.greaterThan(1);
    });

    it('an unreachable service gives a network error with Retry', async () => {
      const { el, event: failed } = await attach('om-error', (el) => {
        el.client = createClient({ apiBase: UNREACHABLE, retries: 0 });
        el.code = 'OCC0499';
      });
      const { detail } = failed;
      expect((detail.error as EmbedError).kind).to.equal('network');
      expect(detail.retryable).to.equal(true);
      await settled(el);
      expect($(el, '[part~="retry-button"]')).to.exist;
      expect(visibleText(el)).to.contain('could not be reached');
    });

    it('an invalid code shows a clear message as text, fires om-error and makes no request', async () => {
      await fetch('/mock-api/__log', { method: 'DELETE' });
      const { el, event: failed } = await attach('om-error', (el) => {
        el.setAttribute('api-base', '/mock-api/v1/');
        el.setAttribute('code', '<script>alert(1)</script>');
      });
      const { detail } = failed;
      expect((detail.error as EmbedError).kind).to.equal('bad-request');
      await el.updateComplete;
      expect($(el, '[part~="message"]')!.textContent).to.equal('“<script>alert(1)</script>” is not an occupation code. Occupation codes look like OCC0499.');
      expect($(el, 'script')).to.equal(null);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await (await fetch('/mock-api/__log')).json()).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('an invalid standard and a missing code each explain what to set', async () => {
      const bad = await fixture<OccupationCard>(html`<occupation-card standard="ST-1" api-base=${API}></occupation-card>`);
      expect($(bad, '[part~="message"]')!.textContent).to.contain('“ST-1” is not an apprenticeship standard reference');
      const none = await fixture<OccupationCard>(html`<occupation-card api-base=${API}></occupation-card>`);
      expect($(none, '[part~="message"]')!.textContent).to.contain('No occupation is set');
      await expect(none).to.be.accessible();
    });
  });

  describe('untrusted text', () => {
    it('renders script and markup in every text field as inert text', async () => {
      delete (window as { __occupationCardPwned?: string }).__occupationCardPwned;
      const el = await card(html`<occupation-card code="OCC0499" api-base=${PAYLOADS}></occupation-card>`);
      for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
      await new Promise((resolve) => setTimeout(resolve, 200)); // time for an injected onerror to fire, if any were parsed
      expect((window as { __occupationCardPwned?: string }).__occupationCardPwned).to.equal(undefined);
      expect($$(el, 'script, img, iframe, [onerror]')).to.have.length(0);
      const text = visibleText(el);
      const fields = ['title', 'overview', 'route', 'pathway', 'cluster', 'summary paragraph', 'summary link', 'summary heading', 'summary item',
        'job title', 'employer', 'green', 'product title', 'product status', 'version', 'entry requirements', 'occupation version',
        'knowledge', 'skill', 'behaviour', 'duty', 'progression title'];
      for (const field of fields) {
        expect(text, field).to.contain(`<script>window.__occupationCardPwned = "${field}"</script><img src=x onerror="window.__occupationCardPwned='${field}'">${field}`);
      }
      expect($<HTMLAnchorElement>(el, '.rich-text a')!.href).to.equal('https://example.com/?q=%3Cscript%3E');
    });
  });

  describe('keyboard', () => {
    it('opens and closes the KSB and duty disclosures with Enter and Space', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      const knowledge = $<HTMLDetailsElement>(el, 'details[data-group="knowledge"]')!;
      knowledge.querySelector('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(knowledge.open).to.equal(true);
      await sendKeys({ press: 'Space' });
      expect(knowledge.open).to.equal(false);
      const duties = $<HTMLDetailsElement>(el, 'details[data-group="duties"]')!;
      duties.querySelector('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(duties.open).to.equal(true);
    });

    it('a duty’s KSB code opens its disclosure and moves focus to it', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      const duties = $<HTMLDetailsElement>(el, 'details[data-group="duties"]')!;
      duties.open = true;
      duties.querySelector('summary')!.focus();
      await sendKeys({ press: 'Tab' }); // D1's first code: K1
      expect(shadow(el).activeElement!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Show knowledge K1');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' }); // B1
      await sendKeys({ press: 'Enter' });
      const behaviours = $<HTMLDetailsElement>(el, 'details[data-group="behaviours"]')!;
      expect(behaviours.open).to.equal(true);
      expect(shadow(el).activeElement).to.equal(behaviours.querySelector('[data-ksb="B1"]'));
      expect(shadow(el).activeElement!.textContent).to.contain('Put health and safety first.');
    });

    it('a progression item fires om-occupation-select and, left uncancelled, shows that occupation with focus on its title', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      const item = $<HTMLButtonElement>(el, '[aria-labelledby="leads-to"] button')!;
      item.focus();
      const selected = oneEvent(el, 'om-occupation-select');
      await sendKeys({ press: 'Enter' });
      const event = await selected;
      expect(event.detail).to.deep.equal({ code: 'OCC0031', title: 'Automotive glazing technician' });
      expect(event.cancelable).to.equal(true);
      expect(event.composed).to.equal(true);
      await waitUntil(() => $(el, '[part~="title"]')?.textContent?.trim() === 'Automotive glazing technician', 'moved to OCC0031');
      await settled(el);
      expect(el.code).to.equal('OCC0031');
      await waitUntil(() => shadow(el).activeElement === $(el, '[part~="title"]'), 'focus on the new title');
    });

    it('after following a progression item, "Back to …" returns to the occupation the host set, with focus on its title', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      expect($(el, '[part~="back-button"]'), 'no way back before moving').to.equal(null);
      $<HTMLButtonElement>(el, '[aria-labelledby="leads-to"] button')!.click();
      await waitUntil(() => $(el, '[part~="title"]')?.textContent?.trim() === 'Automotive glazing technician', 'moved to OCC0031');
      await settled(el);
      const back = $<HTMLButtonElement>(el, '[part~="back-button"]')!;
      expect(back.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^←\s*Back to Autocare technician$/);
      await expect(el).to.be.accessible();
      back.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => $(el, '[part~="title"]')?.textContent?.trim() === 'Autocare technician', 'back at OCC0499');
      await settled(el);
      expect(el.code).to.equal('OCC0499');
      expect(el.getAttribute('code')).to.equal('OCC0499');
      expect($(el, '[part~="back-button"]'), 'home again: no way back shown').to.equal(null);
      await waitUntil(() => shadow(el).activeElement === $(el, '[part~="title"]'), 'focus on the title');
    });

    it('the way back goes to a standard the host set, and is dropped when the host sets another occupation', async () => {
      const el = await card(html`<occupation-card standard="ST0499" api-base=${API}></occupation-card>`);
      $<HTMLButtonElement>(el, '[aria-labelledby="leads-to"] button')!.click();
      await waitUntil(() => $(el, '[part~="back-button"]'), 'a way back');
      $<HTMLButtonElement>(el, '[part~="back-button"]')!.click();
      await waitUntil(() => $(el, '[part~="title"]')?.textContent?.trim() === 'Autocare technician' && !$(el, '[part~="back-button"]'), 'back at ST0499');
      expect([el.standard, el.code]).to.deep.equal(['ST0499', undefined]);

      $<HTMLButtonElement>(el, '[aria-labelledby="leads-to"] button')!.click();
      await waitUntil(() => $(el, '[part~="back-button"]'), 'a way back again');
      el.setAttribute('code', 'OCC0120A');
      await waitUntil(() => !$(el, '[part~="back-button"]') && $(el, '[part~="title"]')?.textContent?.trim() !== 'Automotive glazing technician', 'the host moved it');
    });

    it('a cancelled selection leaves the card where it was', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      el.addEventListener('om-occupation-select', (event) => event.preventDefault());
      const item = $<HTMLButtonElement>(el, '[aria-labelledby="comes-from"] button')!;
      item.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.code).to.equal('OCC0499');
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Autocare technician');
    });
  });

  describe('occupation-href', () => {
    it('links the title and progression items to the host’s pages, and selecting still fires the event', async () => {
      const el = await card(html`<occupation-card code="OCC0499" occupation-href="https://college.example/courses?occupation={code}" api-base=${API}></occupation-card>`);
      const title = $<HTMLAnchorElement>(el, '[part~="title-link"]')!;
      expect(title.href).to.equal('https://college.example/courses?occupation=OCC0499');
      const items = $$<HTMLAnchorElement>(el, 'a.progression-item');
      expect(items.map((a) => a.href)).to.deep.equal([
        'https://college.example/courses?occupation=OCC0031',
        'https://college.example/courses?occupation=OCC0120A',
        'https://college.example/courses?occupation=OCC0276',
      ]);
      let navigationPrevented = false;
      el.addEventListener('om-occupation-select', (event) => event.preventDefault());
      shadow(el).addEventListener('click', (event) => (navigationPrevented = event.defaultPrevented));
      const selected = oneEvent(el, 'om-occupation-select');
      title.focus();
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail).to.deep.equal({ code: 'OCC0499', title: 'Autocare technician' });
      expect(navigationPrevented).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('accepts relative templates, URL-encodes the code and refuses other schemes', async () => {
      expect(occupationHref('/courses/{code}/', 'OCC0499')).to.equal('/courses/OCC0499/');
      expect(occupationHref('?q={code}&again={code}', 'A B&C')).to.equal('?q=A%20B%26C&again=A%20B%26C');
      expect(occupationHref('javascript:alert({code})', 'OCC0499')).to.equal(null);
      expect(occupationHref('java\tscript:alert(1)', 'OCC0499')).to.equal(null);
      expect(occupationHref('data:text/html,{code}', 'OCC0499')).to.equal(null);
      expect(occupationHref('  ', 'OCC0499')).to.equal(null);
      const el = await card(html`<occupation-card code="OCC0499" occupation-href="javascript:alert('{code}')" api-base=${API}></occupation-card>`);
      expect($(el, '[part~="title-link"]')).to.equal(null);
      expect($(el, '[part~="title"]')!.textContent!.trim()).to.equal('Autocare technician');
      expect($$(el, 'a.progression-item')).to.have.length(0);
    });
  });

  describe('host integration', () => {
    it('shows the host’s call to action in the actions slot, and no empty row without one', async () => {
      const withAction = await card(html`<occupation-card code="OCC0499" api-base=${API}><a slot="actions" href="/apply">Apply for our apprenticeship</a></occupation-card>`);
      expect($(withAction, '[part~="actions"]')!.hidden).to.equal(false);
      expect(withAction.querySelector('a')!.getBoundingClientRect().height).to.be.greaterThan(0);
      const without = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      expect($(without, '[part~="actions"]')!.hidden).to.equal(true);
    });

    it('no-attribution hides the attribution; heading-level sets the heading outline', async () => {
      const el = await card(html`<occupation-card code="OCC0499" no-attribution heading-level="3" api-base=${API}></occupation-card>`);
      expect($(el, '[part~="attribution"]')).to.equal(null);
      expect($(el, '[part~="title"]')!.tagName).to.equal('H3');
      expect(new Set($$(el, '[part~="section-heading"]').map((heading) => heading.tagName))).to.deep.equal(new Set(['H4']));
    });

    it('uses the host’s string overrides', async () => {
      const el = await fixture<OccupationCard>(html`<occupation-card code="OCC0499" api-base=${API} .strings=${{ cardLeadsTo: 'Progresses to' }}></occupation-card>`);
      await settled(el);
      expect($(el, '#leads-to')!.textContent).to.equal('Progresses to');
    });
  });

  describe('layout', () => {
    for (const width of [280, 1200]) {
      it(`fits a ${width} px container without horizontal overflow, disclosures open`, async () => {
        const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px`}>
          <occupation-card code="OCC0499" occupation-href="/courses/{code}" api-base=${API}><button slot="actions">Find a course</button></occupation-card>
        </div>`);
        const el = await settled(wrapper.querySelector('occupation-card')!);
        for (const details of $$<HTMLDetailsElement>(el, 'details')) details.open = true;
        const base = $(el, '[part~="base"]')!;
        expect(el.getBoundingClientRect().width).to.equal(width);
        expect(base.scrollWidth).to.be.at.most(base.clientWidth);
        const right = base.getBoundingClientRect().right;
        for (const node of $$(el, '*')) expect(node.getBoundingClientRect().right, node.className).to.be.at.most(right + 0.5);
        const columns = getComputedStyle($(el, '.body')!).gridTemplateColumns.split(' ').length;
        expect(columns).to.equal(width === 280 ? 1 : 2);
      });
    }
  });

  describe('print', () => {
    it('prints every disclosure open, hides buttons and spells out outside links', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}><a slot="actions" href="/apply">Apply</a></occupation-card>`);
      const knowledgeItem = $(el, '[data-ksb="K1"]')!;
      expect(knowledgeItem.checkVisibility()).to.equal(false);
      await emulateMedia({ media: 'print' });
      expect(knowledgeItem.checkVisibility()).to.equal(true);
      expect($<HTMLDetailsElement>(el, 'details[data-group="knowledge"]')!.open).to.equal(false);
      expect(getComputedStyle($(el, '[part~="actions"]')!).display).to.equal('none');
      const link = $(el, '.links a')!;
      expect(getComputedStyle(link, '::after').content).to.contain('https://occupational-maps.skillsengland.education.gov.uk/maps/occupation/OCC0499');
    });

    it('opens closed disclosures for printing and closes them again afterwards', async () => {
      const el = await card(html`<occupation-card code="OCC0499" api-base=${API}></occupation-card>`);
      const [first, ...rest] = $$<HTMLDetailsElement>(el, 'details');
      first.open = true;
      window.dispatchEvent(new Event('beforeprint'));
      expect([first, ...rest].every((details) => details.open)).to.equal(true);
      window.dispatchEvent(new Event('afterprint'));
      expect(first.open).to.equal(true);
      expect(rest.some((details) => details.open)).to.equal(false);
    });
  });
});
