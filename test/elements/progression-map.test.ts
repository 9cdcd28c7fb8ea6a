import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EmbedError, type EmbedClient, type ProgressionDocument } from '@occupational-maps/core';
import '../../packages/elements/src/define/progression-map.js';
import type { ProgressionMap } from '../../packages/elements/src/progression-map/progression-map.js';

/** Small Embed v1 documents of this suite (validated when written), including a repeated edge and a cross-route one. */
const API = '/test/fixtures/embed/features-b-v1/';

const shadow = (el: Element) => el.shadowRoot!;
const nodes = (el: ProgressionMap) => [...shadow(el).querySelectorAll<HTMLElement>('.node')];
const arrows = (el: ProgressionMap) => [...shadow(el).querySelectorAll<SVGPathElement>('path[data-from]')];
const focused = (el: ProgressionMap) => (shadow(el).activeElement as HTMLElement | null)?.dataset.code;

async function loaded(template: ReturnType<typeof html>): Promise<ProgressionMap> {
  const el = await fixture<ProgressionMap>(template);
  // The shared client caches documents, so the data may arrive before a listener could be added: wait for the drawing.
  await waitUntil(() => shadow(el).querySelector('.diagram, [part="message"]'), 'map rendered');
  return el;
}

/** Waits until every arrow has been drawn from measured boxes. */
const drawn = (el: ProgressionMap) => waitUntil(() => arrows(el).length > 0 && arrows(el).every((path) => (path.getAttribute('d') ?? '').startsWith('M')), 'arrows drawn');

async function fetchDocument(code: string): Promise<ProgressionDocument> {
  return (await fetch(`${API}progression/${code}.json`)).json();
}

describe('<progression-map>', () => {
  it('fires om-load with the progression path', async () => {
    const el = document.createElement('progression-map');
    el.setAttribute('api-base', API);
    el.setAttribute('code', 'occ0031 ');
    const load = oneEvent(el, 'om-load');
    document.body.append(el);
    try {
      expect((await load).detail).to.deep.equal({ path: 'progression/OCC0031.json' });
    } finally {
      el.remove();
    }
  });

  it('draws exactly one arrow per de-duplicated edge, each marked with its ends', async () => {
    const el = await loaded(html`<progression-map code="OCC0499" api-base=${API}></progression-map>`);
    await drawn(el);
    const document = await fetchDocument('OCC0499');
    const distinct = new Set(document.edges.map((edge) => `${edge.from}>${edge.to}`));
    expect(document.edges.length).to.be.greaterThan(distinct.size, 'the fixture repeats an edge');
    const drawnEdges = arrows(el).map((path) => `${path.dataset.from}>${path.dataset.to}`);
    expect(drawnEdges).to.have.members([...distinct]);
    expect(new Set(drawnEdges).size).to.equal(drawnEdges.length);
  });

  it('draws one arrow per edge of the embedded dataset\'s progression documents (snapshot)', async function () {
    const SNAPSHOT = '/test/.snapshot/v1/';
    if (!(await fetch(`${SNAPSHOT}meta.json`)).ok) this.skip(); // written by the `fixtures` test step
    for (const code of ['OCC0116', 'OCC0499', 'OCC0258']) {
      const document: ProgressionDocument = await (await fetch(`${SNAPSHOT}progression/${code}.json`)).json();
      const distinct = new Set(document.edges.map((edge) => `${edge.from}>${edge.to}`));
      const el = await loaded(html`<progression-map code=${code} api-base=${SNAPSHOT}></progression-map>`);
      if (distinct.size === 0) {
        expect(shadow(el).querySelector('[part="message"]')!.textContent).to.contain('has no progression routes mapped yet');
        continue;
      }
      await drawn(el);
      expect(arrows(el).map((path) => `${path.dataset.from}>${path.dataset.to}`)).to.have.members([...distinct]);
      await expect(el).to.be.accessible();
    }
  });

  it('lays occupations out in band columns, the key marked, cross-route ones named', async () => {
    const el = await loaded(html`<progression-map code="OCC0499" api-base=${API}></progression-map>`);
    const headings = [...shadow(el).querySelectorAll('.column__heading')].map((heading) => heading.textContent!.replace(/\s+/g, ' ').trim());
    expect(headings).to.deep.equal(['Technical Levels 2 to 3', 'Higher technical Levels 4 to 5', 'Professional Levels 6 to 7']);
    const key = shadow(el).querySelector('.node--key')!;
    expect(key.getAttribute('data-code')).to.equal('OCC0499');
    expect(key.textContent).to.contain('This occupation');
    const assessor = shadow(el).querySelector('.node[data-code="OCC9101"]')!;
    expect(assessor.textContent).to.contain('Other route: Transport and logistics');
    expect(assessor.closest('.column')!.classList.contains('column--higher-technical')).to.be.true;
    expect(shadow(el).querySelector('.summary')!.textContent).to.equal(
      'Autocare technician (level 2) leads to 3 occupations, and it is reached from 1 occupation.',
    );
    const key2 = shadow(el).querySelector('.route-key')!.textContent!.replace(/\s+/g, ' ');
    expect(key2).to.contain('Engineering and manufacturing').and.to.contain('Transport and logistics');
  });

  it('says so in words when nothing leads to the occupation (snapshot)', async () => {
    const el = await loaded(html`<progression-map code="OCC0499" api-base="/test/.snapshot/v1/"></progression-map>`);
    expect(shadow(el).querySelector('.summary')!.textContent).to.equal(
      'Autocare technician (level 2) leads to 3 occupations, and no mapped occupation leads to it.',
    );
  });

  it('tells routes apart by line pattern as well as colour', async () => {
    const el = await loaded(html`<progression-map code="OCC0499" api-base=${API}></progression-map>`);
    const sameRoute = shadow(el).querySelector('path[data-from="OCC0499"][data-to="OCC0031"]')!;
    const crossRoute = shadow(el).querySelector('path[data-from="OCC0068"][data-to="OCC9101"]')!;
    expect(sameRoute.getAttribute('stroke-dasharray')).to.equal(null);
    expect(crossRoute.getAttribute('stroke-dasharray')).to.match(/\d/);
    expect(getComputedStyle(sameRoute).stroke).not.to.equal(getComputedStyle(crossRoute).stroke);
  });

  it('positions arrows from measured boxes and redraws them when the container resizes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px"><progression-map code="OCC0499" api-base=${API}></progression-map></div>`);
    const map = wrapper.querySelector('progression-map')!;
    await drawn(map);
    const path = shadow(map).querySelector<SVGPathElement>('path[data-from="OCC0068"][data-to="OCC9101"]')!;
    const start = (d: string) => d.match(/^M ([\d.-]+) ([\d.-]+)/)!.slice(1).map(Number);
    const from = shadow(map).querySelector('.node[data-code="OCC0068"]')!.getBoundingClientRect();
    const diagram = shadow(map).querySelector('.diagram')!.getBoundingClientRect();
    const [x, y] = start(path.getAttribute('d')!);
    expect(x).to.be.closeTo(from.right - diagram.left, 1);
    expect(y).to.be.closeTo((from.top + from.bottom) / 2 - diagram.top, 1);
    const before = path.getAttribute('d');
    wrapper.style.width = '800px';
    await waitUntil(() => path.getAttribute('d') !== before, 'redrawn after resize');
    const moved = shadow(map).querySelector('.node[data-code="OCC0068"]')!.getBoundingClientRect();
    const origin = shadow(map).querySelector('.diagram')!.getBoundingClientRect();
    expect(start(path.getAttribute('d')!)[0]).to.be.closeTo(moved.right - origin.left, 1);
  });

  it('keeps redrawing arrows on resize after being moved to another place in the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><div style="width: 1100px" class="first"><progression-map code="OCC0499" api-base=${API}></progression-map></div>
      <div style="width: 1000px" class="second"></div></div>`);
    const map = wrapper.querySelector('progression-map')!;
    await drawn(map);
    const second = wrapper.querySelector<HTMLDivElement>('.second')!;
    second.append(map); // disconnects and reconnects, as frameworks do when they move a node
    const path = () => shadow(map).querySelector<SVGPathElement>('path[data-from="OCC0068"][data-to="OCC9101"]')!;
    const start = () => Number(path().getAttribute('d')!.match(/^M ([\d.-]+)/)![1]);
    const right = () =>
      shadow(map).querySelector('.node[data-code="OCC0068"]')!.getBoundingClientRect().right - shadow(map).querySelector('.diagram')!.getBoundingClientRect().left;
    await waitUntil(() => Math.abs(start() - right()) < 1, 'redrawn in the new place');
    second.style.width = '800px';
    await waitUntil(() => Math.abs(start() - right()) < 1 && right() < 700, 'redrawn after a resize in the new place', { timeout: 2000 });
  });

  it('stacks the bands and tells relations in words in a narrow container, with no horizontal scrolling', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><progression-map code="OCC0499" api-base=${API}></progression-map></div>`);
    const map = wrapper.querySelector('progression-map')!;
    await waitUntil(() => shadow(map).querySelector('.diagram'), 'map rendered');
    expect(getComputedStyle(shadow(map).querySelector('svg.arrows')!).display).to.equal('none');
    const relations = shadow(map).querySelector<HTMLElement>('.relations')!;
    expect(relations.getBoundingClientRect().height).to.be.greaterThan(20);
    const scroller = shadow(map).querySelector<HTMLElement>('.scroller')!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    await expect(map).to.be.accessible();
  });

  it('is accessible as a diagram and as a list, the drawing hidden from assistive technology', async () => {
    const el = await loaded(html`<progression-map code="OCC0499" api-base=${API}></progression-map>`);
    await drawn(el);
    expect(shadow(el).querySelector('svg.arrows')!.getAttribute('aria-hidden')).to.equal('true');
    expect(shadow(el).querySelectorAll('ul.nodes > li > button.node')).to.have.length(7);
    await expect(el).to.be.accessible();
    el.view = 'list';
    await el.updateComplete;
    const relations = shadow(el).querySelector('.node[data-code="OCC0499"]')!.nextElementSibling as HTMLElement;
    expect(relations.getBoundingClientRect().height).to.be.greaterThan(20, 'relations are visible in list view');
    expect(relations.textContent!.replace(/\s+/g, ' ')).to.contain('Leads to').and.to.contain('Automotive glazing technician (Level 3)');
    expect(relations.textContent).to.contain('Comes from');
    await expect(el).to.be.accessible();
  });

  it('says so when an occupation has no progression', async () => {
    const el = await loaded(html`<progression-map code="OCC9103" api-base=${API}></progression-map>`);
    expect(shadow(el).querySelector('[part="message"]')!.textContent).to.equal('Tyre fitter has no progression routes mapped yet.');
    expect(arrows(el)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('moves by keyboard: tab order by column, arrow keys within and across bands', async () => {
    const el = await loaded(html`<progression-map code="OCC0499" api-base=${API}></progression-map>`);
    nodes(el)[0]!.focus();
    const order = [focused(el)];
    for (let i = 1; i < nodes(el).length; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(focused(el));
    }
    expect(order).to.deep.equal(nodes(el).map((node) => node.dataset.code));
    const columnOf = (code: string) => shadow(el).querySelector(`.node[data-code="${code}"]`)!.closest('.column')!.getAttribute('data-column');
    expect(order.map((code) => Number(columnOf(code!)))).to.deep.equal([...order.map((code) => Number(columnOf(code!)))].sort());

    nodes(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(nodes(el)[1]!.dataset.code);
    await sendKeys({ press: 'ArrowRight' });
    expect(columnOf(focused(el)!)).to.equal('1');
    await sendKeys({ press: 'ArrowLeft' });
    expect(columnOf(focused(el)!)).to.equal('0');
    await sendKeys({ press: 'End' });
    const technical = [...shadow(el).querySelectorAll<HTMLElement>('.column--technical .node')];
    expect(focused(el)).to.equal(technical.at(-1)!.dataset.code);
  });

  it('fires a cancelable om-occupation-select, and re-centres on the chosen occupation unless cancelled', async () => {
    const el = await loaded(html`<progression-map code="OCC0499" recentre api-base=${API}></progression-map>`);
    const glazing = shadow(el).querySelector<HTMLButtonElement>('.node[data-code="OCC0031"]')!;
    const cancel = (event: Event) => event.preventDefault();
    el.addEventListener('om-occupation-select', cancel, { once: true });
    setTimeout(() => glazing.click());
    const cancelled = await oneEvent(el, 'om-occupation-select');
    expect(cancelled.detail).to.deep.equal({ code: 'OCC0031', title: 'Automotive glazing technician' });
    await el.updateComplete;
    expect(el.code).to.equal('OCC0499');

    glazing.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelector('.node--key')?.getAttribute('data-code') === 'OCC0031', 're-centred');
    await waitUntil(() => focused(el) === 'OCC0031', 'focus on the new centre');
    expect(el.code).to.equal('OCC0031');
    expect(arrows(el)).to.have.length(2);
  });

  it('renders occupations as links with occupation-href, and a cancelled select stops navigation', async () => {
    const el = await loaded(html`<progression-map code="OCC0499" occupation-href="/jobs/{code}?from=map" api-base=${API}></progression-map>`);
    const link = shadow(el).querySelector<HTMLAnchorElement>('a.node[data-code="OCC0031"]')!;
    expect(new URL(link.href).pathname + new URL(link.href).search).to.equal('/jobs/OCC0031?from=map');
    el.addEventListener('om-occupation-select', (event) => event.preventDefault());
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('ignores a javascript: occupation-href and keeps buttons', async () => {
    const el = await loaded(html`<progression-map code="OCC0499" occupation-href="javascript:alert('{code}')" api-base=${API}></progression-map>`);
    expect(shadow(el).querySelector('a.node')).to.equal(null);
    expect(shadow(el).querySelectorAll('button.node').length).to.be.greaterThan(0);
  });

  it('renders script and markup in the data as inert text', async () => {
    const el = await loaded(html`<progression-map code="OCC9666" api-base=${API}></progression-map>`);
    const key = shadow(el).querySelector('.node--key .node__title')!;
    expect(key.textContent).to.equal('<img src=x onerror="window.__pwned=1">Script title');
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows an error with Retry and the fallback content when the service fails', async () => {
    let calls = 0;
    const client: EmbedClient = {
      apiBase: 'https://maps.example/v1/',
      get: ((kind: string) => {
        if (kind === 'meta') return Promise.reject(new EmbedError('not-found', 'No meta.json here', { url: 'https://maps.example/v1/meta.json', status: 404 }));
        calls++;
        return Promise.reject(new EmbedError('server', 'HTTP 503', { url: 'https://maps.example/v1/progression/OCC0499.json', status: 503 }));
      }) as EmbedClient['get'],
      peek: () => undefined,
      invalidate: () => {},
    };
    const el = await fixture<ProgressionMap>(html`<progression-map code="OCC0499" .client=${client}><a href="https://example.org/progression">See the official progression map</a></progression-map>`);
    await waitUntil(() => shadow(el).querySelector('[part="error"]'), 'error shown');
    expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain('could not be loaded');
    expect(shadow(el).querySelector('[part="retry-button"]')).to.exist;
    expect(shadow(el).querySelector('slot')!.assignedElements()[0]!.textContent).to.equal('See the official progression map');
    await expect(el).to.be.accessible();
    (shadow(el).querySelector('[part="retry-button"]') as HTMLButtonElement).click();
    await waitUntil(() => calls === 2, 'retried');
  });

  it('keeps focus in the element when Retry, which goes away with the error, succeeds or fails again', async () => {
    let calls = 0;
    const document = await fetchDocument('OCC0499');
    const client: EmbedClient = {
      apiBase: 'https://maps.example/v1/',
      get: ((kind: string) => {
        if (kind === 'meta') return Promise.reject(new EmbedError('not-found', 'No meta.json here', { url: 'https://maps.example/v1/meta.json', status: 404 }));
        calls++;
        return calls < 3
          ? Promise.reject(new EmbedError('server', 'HTTP 503', { url: 'https://maps.example/v1/progression/OCC0499.json', status: 503 }))
          : Promise.resolve(document);
      }) as EmbedClient['get'],
      peek: () => undefined,
      invalidate: () => {},
    };
    const el = await fixture<ProgressionMap>(html`<progression-map code="OCC0499" .client=${client}></progression-map>`);
    const retryButton = () => shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]');
    await waitUntil(retryButton, 'error shown');
    retryButton()!.focus();
    await sendKeys({ press: 'Enter' }); // fails again: focus on the new Retry
    await waitUntil(() => calls === 2 && retryButton() && shadow(el).activeElement === retryButton(), 'focus on Retry after a second failure');
    await sendKeys({ press: 'Enter' }); // succeeds: focus on the content that replaced the error
    await waitUntil(() => shadow(el).querySelector('.diagram'), 'loaded');
    await waitUntil(() => shadow(el).activeElement?.matches('[part="state"]'), 'focus on the loaded content');
  });
});
