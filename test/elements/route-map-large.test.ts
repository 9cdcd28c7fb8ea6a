// A very large route (the real Engineering and manufacturing has 368 occupations) renders its map a few clusters at
// a time (issue #18): what is on screen first, the rest in later tasks. Every occupation must stay reachable by
// keyboard, by find-in-page and by screen readers.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import type { EmbedClient, RouteMapDocument } from '@occupational-maps/core';
import '../../packages/elements/src/define/route-map.js';
import type { RouteMap } from '../../packages/elements/src/route-map/route-map.js';
import { COLLAPSE_THRESHOLD } from '../../packages/elements/src/route-map/progressive-render-controller.js';

const API_BASE = '/test/.snapshot/v1/';
const COPIES = 8;
const shadow = (el: RouteMap) => el.shadowRoot!;
const tiles = (el: RouteMap) => [...shadow(el).querySelectorAll<HTMLElement>('.map .tile')];

/** The sample's Digital route eight times over, with distinct ids and codes: 368 occupations in 16+ pathways. */
async function largeRoute(): Promise<RouteMapDocument> {
  const digital = (await (await fetch(`${API_BASE}routes/digital.json`)).json()) as RouteMapDocument;
  let next = 0;
  const pathways = Array.from({ length: COPIES }, (_, copy) =>
    digital.pathways.map((pathway) => ({
      ...pathway,
      id: pathway.id + 1000 * (copy + 1),
      name: `${pathway.name} ${copy + 1}`,
      clusters: pathway.clusters.map((cluster) => ({
        ...cluster,
        id: cluster.id + 1000 * (copy + 1),
        occupations: cluster.occupations.map((occupation) => ({ ...occupation, code: `OCC${String(5000 + next++)}`, title: `${occupation.title} (copy ${copy + 1})` })),
      })),
    })),
  ).flat();
  return { ...digital, pathways, progressions: [], linkedOccupations: [] };
}

const clientFor = (document: RouteMapDocument): EmbedClient =>
  ({ apiBase: 'https://test.invalid/v1/', get: () => Promise.resolve(document), peek: () => undefined, invalidate: () => {} }) as unknown as EmbedClient;

const total = (document: RouteMapDocument) => document.pathways.reduce((sum, pathway) => sum + pathway.clusters.reduce((count, cluster) => count + cluster.occupations.length, 0), 0);

/** The map once its first part is in the page: the frame first (headings, empty cluster boxes), tiles a frame later. */
async function firstPart(document: RouteMapDocument): Promise<RouteMap> {
  const el = await fixture<RouteMap>(html`<route-map route="digital" no-attribution .client=${clientFor(document)}></route-map>`);
  await waitUntil(() => shadow(el).querySelector('.map .tile'), 'the first part rendered', { timeout: 5000 });
  return el;
}

describe('<route-map> on a very large route', () => {
  it('renders what comes first at once and every other occupation within a few tasks, with no interaction', async () => {
    const document = await largeRoute();
    expect(total(document)).to.be.greaterThan(COLLAPSE_THRESHOLD);
    const el = await firstPart(document);
    const first = tiles(el).length;
    expect(first, 'the first render holds only the first clusters').to.be.greaterThan(0).and.lessThan(total(document));
    // Every pathway's heading and toggle is there from the start; the clusters still to come keep their place.
    expect(shadow(el).querySelectorAll('.toggle--pathway')).to.have.length(document.pathways.length);
    expect(shadow(el).querySelectorAll('.cluster--pending[aria-busy="true"]').length).to.be.greaterThan(0);
    await waitUntil(() => tiles(el).length === total(document), 'every occupation rendered', { timeout: 5000 });
    expect(shadow(el).querySelectorAll('[aria-busy="true"]')).to.have.length(0);
    expect(shadow(el).querySelector('.summary')!.textContent).to.equal(`${total(document)} occupations`);
  });

  it('draws the frame in the render that follows the data, with no tile yet, and the first tiles a frame later', async () => {
    const document = await largeRoute();
    const el = await fixture<RouteMap>(html`<route-map route="digital" no-attribution .client=${clientFor(document)}></route-map>`);
    // The next part waits for a frame, so a mutation observer (its callback runs in the microtasks right after the
    // render, before any task or frame) sees the render that followed the data.
    const frame = await new Promise<{ tiles: number; toggles: number; pending: number }>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!shadow(el).querySelector('.map')) return;
        observer.disconnect();
        const count = (selector: string) => shadow(el).querySelectorAll(selector).length;
        resolve({ tiles: count('.map .tile'), toggles: count('.toggle--pathway'), pending: count('.cluster--pending') });
      });
      observer.observe(shadow(el), { childList: true, subtree: true });
    });
    expect(frame.tiles, 'no tile in the render that follows the data').to.equal(0);
    expect(frame.toggles).to.equal(document.pathways.length);
    expect(frame.pending).to.equal(document.pathways.reduce((sum, pathway) => sum + pathway.clusters.length, 0));
    await waitUntil(() => shadow(el).querySelector('.map .tile'), 'the first tiles a frame later', { timeout: 5000 });
  });

  it('renders the top of every band column of the first pathway in the first part', async () => {
    const document = await largeRoute();
    const el = await firstPart(document);
    const firstPathway = shadow(el).querySelector('.pathway')!;
    for (const column of firstPathway.querySelectorAll('.column')) {
      const firstCluster = column.querySelector('.cluster');
      if (firstCluster) expect(firstCluster.classList.contains('cluster--pending'), `first cluster of ${column.className}`).to.be.false;
    }
  });

  it('opens with only the first pathway expanded; the others are collapsed, counted and one key away', async () => {
    const document = await largeRoute();
    const el = await firstPart(document);
    const toggles = [...shadow(el).querySelectorAll<HTMLElement>('.toggle--pathway')];
    expect(toggles.map((toggle) => toggle.getAttribute('aria-expanded'))).to.deep.equal(['true', ...toggles.slice(1).map(() => 'false')]);
    // Collapsed bodies are hidden="until-found": not laid out, yet in the page for find-in-page.
    expect(shadow(el).querySelector(`#${toggles.at(-1)!.getAttribute('aria-controls')}`)!.getAttribute('hidden')).to.equal('until-found');
    expect(toggles.at(-1)!.querySelector('.count')!.textContent).to.match(/^\d+ occupations?$/);

    // A keyboard user: End goes to the last pathway's toggle, Enter opens it, End again reaches its last occupation,
    // even before the later parts would have arrived.
    toggles[0]!.focus();
    await sendKeys({ press: 'End' });
    expect(shadow(el).activeElement).to.equal(toggles.at(-1));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggles.at(-1)!.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'End' });
    const lastInOrder = tiles(el).at(-1)!;
    expect(tiles(el)).to.have.length(total(document));
    expect((shadow(el).activeElement as HTMLElement).dataset.code).to.equal(lastInOrder.dataset.code);
    expect(document.pathways.at(-1)!.clusters.flatMap((cluster) => cluster.occupations.map((occupation) => occupation.code))).to.include(lastInOrder.dataset.code);
  });

  it('keeps the pathway of the selected occupation open', async () => {
    const document = await largeRoute();
    const code = document.pathways.at(-1)!.clusters[0]!.occupations[0]!.code;
    const el = await fixture<RouteMap>(html`<route-map route="digital" no-attribution selected=${code} .client=${clientFor(document)}></route-map>`);
    await waitUntil(() => shadow(el).querySelector(`.tile[data-code="${code}"]`), 'selected tile rendered', { timeout: 5000 });
    const toggles = [...shadow(el).querySelectorAll<HTMLElement>('.toggle--pathway')];
    expect(toggles[0]!.getAttribute('aria-expanded')).to.equal('true');
    expect(toggles.at(-1)!.getAttribute('aria-expanded')).to.equal('true');
    expect(toggles[1]!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('keeps the pathway the pathway filter names open', async () => {
    const document = await largeRoute();
    const last = document.pathways.at(-1)!;
    const el = await fixture<RouteMap>(html`<route-map route="digital" no-attribution pathway=${last.name} .client=${clientFor(document)}></route-map>`);
    await waitUntil(() => shadow(el).querySelector('.map .tile'), 'the first part rendered', { timeout: 5000 });
    const toggle = [...shadow(el).querySelectorAll<HTMLElement>('.toggle--pathway')].find((candidate) => candidate.textContent!.includes(last.name))!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(shadow(el).querySelector(`#${toggle.getAttribute('aria-controls')}`)!.hasAttribute('hidden')).to.be.false;
  });

  it('puts every occupation in the page; find-in-page opens a collapsed pathway; screen readers reach it once open', async () => {
    const document = await largeRoute();
    const el = await firstPart(document);
    await waitUntil(() => tiles(el).length === total(document), 'every occupation rendered', { timeout: 5000 });
    const last = tiles(el).at(-1)!;
    const body = last.closest<HTMLElement>('.pathway__body')!;
    expect(body.getAttribute('hidden')).to.equal('until-found');
    // Chromium's find-in-page engine (window.find drives it) finds the words in the collapsed pathway…
    const title = last.querySelector('.tile__title')!.textContent!.trim();
    window.getSelection()!.removeAllRanges();
    expect((window as unknown as { find(text: string): boolean }).find(title), `find-in-page finds “${title}”`).to.be.true;
    // …and a real find (Ctrl+F, or a link to a text fragment) fires beforematch on the hidden="until-found" part before
    // it shows the match; window.find does not, so the event is sent here as the browser sends it.
    body.dispatchEvent(new Event('beforematch', { bubbles: true }));
    await waitUntil(() => !body.hasAttribute('hidden'), 'the pathway opened for the match', { timeout: 2000 });
    await el.updateComplete;
    expect(shadow(el).querySelector(`[aria-controls="${body.id}"]`)!.getAttribute('aria-expanded')).to.equal('true');
    expect(last.getBoundingClientRect().top, 'the last occupation is far below the viewport').to.be.greaterThan(window.innerHeight);
    // No content-visibility: Chromium leaves skipped content out of the accessibility tree — an open pathway's tiles
    // must be there without being scrolled to.
    type AxNode = { role: string; name: string; children: AxNode[] };
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode;
    expect(findAccessibilityNode<AxNode>(snapshot, (node) => node.role === 'button' && node.name.startsWith(title)), `“${title}” in the accessibility tree`).to.exist;
  });
});
