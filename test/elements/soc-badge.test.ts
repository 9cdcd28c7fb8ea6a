import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import { stub } from 'sinon';
import { getSharedClient, resetSharedClients } from '@occupational-maps/core';
import '../../packages/elements/src/define/soc-badge.js';
import { SocBadge } from '../../packages/elements/src/soc-badge/soc-badge.js';
import { OmElement } from '../../packages/elements/src/shared/om-element.js';

// <soc-badge> in real Chromium. Happy paths read the real snapshot of the embedded dataset when the gateway's test
// step has written it (test/.snapshot/v1/), else the mock API's copy of the documented examples; faults come from
// the mock API (test/mock-api.js), asked for in a `~options` segment of the api-base.

const SNAPSHOT = '/test/.snapshot/v1/';
let happyBase = '/mock-api/v1/';
before(async () => {
  const probe = await fetch(`${SNAPSHOT}soc/5231.json`);
  if (probe.ok) happyBase = SNAPSHOT;
  performance.setResourceTimingBufferSize(5000);
});

let run = 0;
const mockBase = (options: string) => `/mock-api/~badge=${Date.now()}-${++run}&${options}/v1/`;
const mockRequests = async () => ((await (await fetch('/mock-api/__log')).json()) as unknown[]).length;
/** Requests the page made for a URL (the browser records a resource entry for each fetch, cached or not). */
const pageRequests = (suffix: string) =>
  performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith(suffix)).length;

const shadow = (el: SocBadge) => el.shadowRoot!;
const toggleOf = (el: SocBadge) => shadow(el).querySelector<HTMLButtonElement>('button.badge')!;
const regionOf = (el: SocBadge) => shadow(el).querySelector<HTMLElement>('[role="region"]')!;
const visibleText = (el: SocBadge) => shadow(el).textContent!.replace(/\s+/g, ' ').trim();
const titled = (el: SocBadge, text: string) => waitUntil(() => visibleText(el).includes(text), `badge shows “${text}”`);

beforeEach(async () => {
  resetSharedClients();
  performance.clearResourceTimings();
  await fetch('/mock-api/__log', { method: 'DELETE' });
});

describe('<soc-badge>', () => {
  it('shows the code and its SOC 2020 title from the bundled data, with no request at all', async () => {
    const el = await fixture<SocBadge>(html`<soc-badge code="5231" api-base=${mockBase('status=500')}></soc-badge>`);
    await titled(el, 'Vehicle technicians, mechanics and electricians');
    expect(shadow(el).querySelector('[part="code"]')!.textContent).to.equal('SOC 20205231');
    expect(shadow(el).querySelector('.om-visually-hidden')!.textContent).to.equal('SOC 2020 5231: Vehicle technicians, mechanics and electricians');
    expect(shadow(el).querySelector('button')).to.equal(null);
    expect(await mockRequests()).to.equal(0);
    await expect(el).to.be.accessible();
  });

  for (const [code, label] of [['9999', 'a code SOC 2020 does not have'], ['21x6', 'a malformed code'], ['', 'no code']] as const) {
    it(`shows a visible “Unknown SOC code” state for ${label}, and reports it`, async () => {
      const el = document.createElement('soc-badge');
      el.code = code;
      const reported = oneEvent(el, 'om-error');
      document.body.append(el);
      const { detail } = await reported;
      expect(detail.error.kind).to.equal(code === '9999' ? 'not-found' : 'bad-request');
      expect(detail.retryable).to.equal(false);
      await titled(el, 'Unknown SOC code');
      expect(shadow(el).querySelector('.badge--unknown')).to.exist;
      await expect(el).to.be.accessible();
      el.remove();
    });
  }

  it('SOC 2010: the title comes from the title attribute or property, else says it is not available', async () => {
    const el = await fixture<SocBadge>(html`<soc-badge edition="2010" code="5231" title="Motor mechanics, auto engineers"></soc-badge>`);
    await titled(el, 'SOC 2010 5231: Motor mechanics, auto engineers');
    el.title = 'Auto electricians';
    await titled(el, 'Auto electricians');
    el.removeAttribute('title');
    await titled(el, 'Title not available');
    await expect(el).to.be.accessible();
  });

  it('SOC 2010: the title (and code) can come from an occupation that carries it', async () => {
    const el = await fixture<SocBadge>(html`<soc-badge edition="2010" occupation="OCC9901" api-base="/mock-api/v1/"></soc-badge>`);
    await titled(el, 'SOC 2010 5231: Motor mechanics, auto engineers');
  });

  it('takes small, medium and large sizes', async () => {
    const el = await fixture<SocBadge>(html`<soc-badge code="5231"></soc-badge>`);
    const fontSize = () => parseFloat(getComputedStyle(el).fontSize);
    const medium = fontSize();
    el.size = 'small';
    await el.updateComplete;
    expect(el.getAttribute('size')).to.equal('small');
    expect(fontSize()).to.be.below(medium);
    el.size = 'large';
    await el.updateComplete;
    expect(fontSize()).to.be.above(medium);
  });

  it('makes no request until the detail opens', async () => {
    const el = await fixture<SocBadge>(html`<soc-badge code="5231" detail api-base=${happyBase}></soc-badge>`);
    await titled(el, 'Vehicle technicians');
    expect(toggleOf(el).getAttribute('aria-expanded')).to.equal('false');
    expect(regionOf(el).hidden).to.equal(true);
    expect(pageRequests('soc/5231.json')).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('opens and closes the detail by keyboard; Escape closes it and returns focus', async () => {
    const el = await fixture<SocBadge>(html`<soc-badge code="5231" detail api-base=${happyBase}></soc-badge>`);
    await titled(el, 'Vehicle technicians');
    const toggle = toggleOf(el);
    // What a screen reader announces: the edition, code and title as separate words, and a collapsed state.
    type AxNode = { role: string; name: string; children: AxNode[] };
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode; // typed `void` upstream; it resolves to the tree
    const button = findAccessibilityNode<AxNode>(snapshot, (node) => node.role === 'button' && /^SOC 2020 5231 Vehicle technicians/.test(node.name));
    expect(button, 'button named “SOC 2020 5231 Vehicle technicians, …”').to.exist;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(regionOf(el).hidden).to.equal(false);
    expect(toggle.getAttribute('aria-controls')).to.equal(regionOf(el).id);
    // The groups come from the bundled data; the description and occupations from the API.
    const lineage = [...shadow(el).querySelectorAll('.lineage dd')].map((dd) => dd.textContent!.replace(/\s+/g, ' ').trim());
    expect(lineage).to.deep.equal(['5 Skilled trades occupations', '52 Skilled metal, electrical and electronic trades', '523 Vehicle trades', '5231 Vehicle technicians, mechanics and electricians']);
    await waitUntil(() => shadow(el).querySelector('[part="occupation-link"]'), 'occupations listed');
    for (const link of shadow(el).querySelectorAll<HTMLAnchorElement>('[part="occupation-link"]')) {
      expect(link.href).to.match(/\/maps\/occupation\/OCC\d{3,5}[A-Z]{0,2}$/);
    }
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' }); // into the region: the first occupation link
    expect(shadow(el).activeElement).to.have.attribute('part', 'occupation-link');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(regionOf(el).hidden).to.equal(true);
    expect(shadow(el).activeElement).to.equal(toggle);

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.open).to.equal(true);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
  });

  it('choosing an occupation fires a cancelable om-occupation-select with its code', async () => {
    const el = await fixture<SocBadge>(html`<soc-badge code="5231" detail open api-base=${happyBase}></soc-badge>`);
    const link = await waitUntil(() => shadow(el).querySelector<HTMLAnchorElement>('[part="occupation-link"]'), 'occupations listed').then(
      () => shadow(el).querySelector<HTMLAnchorElement>('[part="occupation-link"]')!,
    );
    el.addEventListener('om-occupation-select', (event) => event.preventDefault(), { once: true });
    const selected = oneEvent(el, 'om-occupation-select');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    const { detail } = await selected;
    expect(detail.code).to.equal(link.href.split('/').pop());
    expect(detail.title).to.equal(link.textContent!.trim());
    expect(click.defaultPrevented, 'the page handles it: no navigation').to.equal(true);
  });

  it('fifty open badges for one code make one request', async () => {
    const badges = Array.from({ length: 50 }, () => html`<soc-badge code="5231" detail open api-base=${happyBase}></soc-badge>`);
    const container = await fixture<HTMLElement>(html`<div>${badges}</div>`);
    const elements = [...container.querySelectorAll<SocBadge>('soc-badge')];
    await waitUntil(() => elements.every((el) => shadow(el).querySelector('[part="occupation-link"]')), 'all fifty loaded', { timeout: 5000 });
    expect(pageRequests('soc/5231.json')).to.equal(1);
  });

  it('shows a loading state while the detail loads', async () => {
    const el = await fixture<SocBadge>(html`<soc-badge code="5231" detail open api-base=${mockBase('delay=3000')}></soc-badge>`);
    await waitUntil(() => shadow(el).querySelector('[part="skeleton"]'), 'skeleton shown');
    expect(shadow(el).querySelector('[aria-busy="true"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('an occupation-less unit group says so', async () => {
    const empty = { edition: 2020, code: '9249', title: 'Elementary sales occupations n.e.c.', hierarchy: { major: { code: '9', title: 'Elementary occupations' }, subMajor: { code: '92', title: 'Elementary administration and service occupations' }, minor: { code: '924', title: 'Elementary sales occupations' } }, description: null, occupations: [] };
    const el = await fixture<SocBadge>(html`<soc-badge code="9249" detail open api-base=${mockBase(`body=${encodeURIComponent(JSON.stringify(empty))}`)}></soc-badge>`);
    await titled(el, 'No occupation on the maps has this code yet.');
    await expect(el).to.be.accessible();
  });

  it('a failed detail shows an error with Retry, and Retry loads it', async () => {
    const apiBase = new URL(mockBase('status=503&fail=1'), location.href).href;
    getSharedClient(apiBase, { retries: 0 });
    const el = document.createElement('soc-badge');
    Object.assign(el, { code: '5231', detail: true, open: true });
    el.setAttribute('api-base', apiBase);
    const failed = oneEvent(el, 'om-error');
    document.body.append(el);
    expect((await failed).detail.error.kind).to.equal('server');
    await el.updateComplete;
    const retry = shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(retry.textContent).to.equal('Retry');
    expect(visibleText(el)).to.include('Skilled trades occupations', 'the bundled groups still show');
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'om-load');
    retry.click();
    await loaded;
    await waitUntil(() => shadow(el).querySelector('[part="occupation-link"]'), 'loaded after Retry');
    el.remove();
  });

  it('strings can be overridden per element', async () => {
    const el = await fixture<SocBadge>(html`<soc-badge code="0000" .strings=${{ socUnknownCode: 'Cod SOC anhysbys' }}></soc-badge>`);
    await titled(el, 'Cod SOC anhysbys');
  });

  it('defining the tag again, or from another copy of the library, never throws', () => {
    const registered = customElements.get('soc-badge');
    const warn = stub(console, 'warn');
    try {
      SocBadge.define('soc-badge');
      class AnotherCopy extends OmElement {}
      AnotherCopy.define('soc-badge');
      AnotherCopy.define('soc-badge');
      expect(warn.callCount).to.be.at.most(1);
    } finally {
      warn.restore();
    }
    expect(customElements.get('soc-badge')).to.equal(registered);
  });
});
