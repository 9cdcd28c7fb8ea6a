// <route-map> fetches the code of the parts not every map shows — the list and table views, the control bar, the
// course-list matcher, the URL state — only when it needs them (issue #18), and a part whose code cannot be fetched shows a Retry in
// its place (or, for the matcher, the course-list notice) while the rest of the map works on.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/define/route-map.js';
import { RouteMap } from '../../packages/elements/src/route-map/route-map.js';

const API_BASE = '/test/.snapshot/v1/';
const COURSES = '/test/fixtures/courses/digital.csv';
const shadow = (el: RouteMap) => el.shadowRoot!;
const partError = (el: RouteMap) => shadow(el).querySelector('[part="error"][role="alert"]');

/** Counts each part's loads, and lets a test fail or hold the next one. */
const calls = { views: 0, controls: 0, matcher: 0, url: 0 };
let failNext: keyof typeof calls | '' = '';
let holdViews: Promise<void> | undefined;
const counted = <T>(name: keyof typeof calls, load: () => Promise<T>) => async (): Promise<T> => {
  calls[name]++;
  if (failNext === name) {
    failNext = '';
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  if (name === 'views') await holdViews;
  return load();
};

class PartsMap extends RouteMap {
  static override loadTextViews = counted('views', RouteMap.loadTextViews);
  static override loadControls = counted('controls', RouteMap.loadControls);
  static override loadCoursesMatcher = counted('matcher', RouteMap.loadCoursesMatcher);
  static override loadUrlState = counted('url', RouteMap.loadUrlState);
}
customElements.define('parts-map', PartsMap);

async function rendered(el: RouteMap): Promise<RouteMap> {
  await waitUntil(() => shadow(el).querySelector('.header') && !shadow(el).querySelector('[aria-busy="true"]'), 'route map rendered', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

describe('<route-map> parts loaded on demand', () => {
  beforeEach(() => {
    calls.views = calls.controls = calls.matcher = calls.url = 0;
    failNext = '';
    holdViews = undefined;
  });

  it('a map with the default attributes fetches none of them', async () => {
    const el = await rendered(await fixture<RouteMap>(html`<parts-map api-base=${API_BASE} route="digital"></parts-map>`));
    expect(shadow(el).querySelectorAll('.map .tile').length).to.be.greaterThan(0);
    expect(calls).to.deep.equal({ views: 0, controls: 0, matcher: 0, url: 0 });
  });

  it('a map that starts as a list or with controls has them when om-load fires, not after', async () => {
    for (const markup of [
      html`<parts-map api-base=${API_BASE} route="digital" view="list"></parts-map>`,
      html`<parts-map api-base=${API_BASE} route="digital" view="table"></parts-map>`,
      html`<parts-map api-base=${API_BASE} route="digital" controls></parts-map>`,
    ]) {
      const el = await fixture<RouteMap>(markup);
      await oneEvent(el, 'om-load');
      await el.updateComplete;
      const expected = el.view === 'list' ? '.list' : el.view === 'table' ? '.table-wrap' : '.controls';
      expect(shadow(el).querySelector(expected), `${expected} at om-load`).to.not.equal(null);
      expect(shadow(el).querySelector('[part="skeleton"]')).to.equal(null);
    }
    expect(calls.matcher).to.equal(0);
  });

  it('switching views through the controls shows a placeholder while the view loads, never an error', async () => {
    let release!: () => void;
    holdViews = new Promise((resolve) => (release = resolve));
    // The views, fetched ahead of a switch, are held back: the map renders without waiting for them.
    const el = await rendered(await fixture<RouteMap>(html`<parts-map api-base=${API_BASE} route="digital" controls></parts-map>`));
    expect(shadow(el).querySelector('.controls')).to.not.equal(null);
    expect(calls.views).to.equal(1);
    const errors: Element[] = [];
    const observer = new MutationObserver(() => {
      const error = partError(el);
      if (error) errors.push(error);
    });
    observer.observe(shadow(el), { childList: true, subtree: true });
    shadow(el).querySelector<HTMLInputElement>('input[name="view"][value="table"]')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('.map')).to.equal(null);
    expect(shadow(el).querySelector('.skeleton-map')).to.not.equal(null);
    release();
    await waitUntil(() => shadow(el).querySelector('.table-wrap'), 'table shown');
    expect(shadow(el).querySelector('.skeleton-map')).to.equal(null);
    shadow(el).querySelector<HTMLInputElement>('input[name="view"][value="list"]')!.click();
    await waitUntil(() => shadow(el).querySelector('.list'), 'list shown');
    observer.disconnect();
    expect(errors).to.deep.equal([]);
    expect(calls.views).to.equal(1);
  });

  it('a view whose code cannot be fetched shows Retry in its place; the header, key and attribution stay', async () => {
    failNext = 'views';
    const el = await fixture<RouteMap>(html`<parts-map api-base=${API_BASE} route="digital" view="table"></parts-map>`);
    let mapErrors = 0;
    el.addEventListener('om-error', () => mapErrors++);
    await rendered(el);
    await waitUntil(() => partError(el), 'the view’s error shown');
    expect(shadow(el).querySelector('.table-wrap')).to.equal(null);
    expect(shadow(el).querySelector('[part="legend"]')).to.not.equal(null);
    expect(shadow(el).querySelector('[part~="attribution"], [part~="sample-notice"]')).to.not.equal(null);
    expect(partError(el)!.textContent).to.contain('could not be loaded');
    await expect(el).to.be.accessible();
    partError(el)!.querySelector('button')!.focus();
    partError(el)!.querySelector('button')!.click();
    await waitUntil(() => shadow(el).querySelector('.table-wrap'), 'the table after Retry');
    expect(partError(el)).to.equal(null);
    await waitUntil(() => shadow(el).activeElement === shadow(el).querySelector('.table-wrap'), 'focus on the table, not lost');
    expect(calls.views).to.equal(2);
    expect(mapErrors).to.equal(0);
  });

  it('controls whose code cannot be fetched show Retry in their place; the map works on', async () => {
    failNext = 'controls';
    const el = await rendered(await fixture<RouteMap>(html`<parts-map api-base=${API_BASE} route="digital" controls></parts-map>`));
    await waitUntil(() => partError(el), 'the controls’ error shown');
    expect(shadow(el).querySelectorAll('.map .tile').length).to.be.greaterThan(0);
    expect(shadow(el).querySelector('.controls')).to.equal(null);
    partError(el)!.querySelector('button')!.focus();
    partError(el)!.querySelector('button')!.click();
    await waitUntil(() => shadow(el).querySelector('.controls'), 'the controls after Retry');
    await waitUntil(() => shadow(el).activeElement === shadow(el).querySelector('.controls'), 'focus on the controls, not lost');
    expect(calls.controls).to.equal(2);
  });

  it('a course-list matcher that cannot be fetched is the course-list notice; the map works without the overlay', async () => {
    failNext = 'matcher';
    const el = await rendered(await fixture<RouteMap>(html`<parts-map api-base=${API_BASE} route="digital" courses-src=${COURSES}></parts-map>`));
    await waitUntil(() => shadow(el).querySelector('[part="courses-notice"]'), 'the notice shown', { timeout: 8000 });
    expect(shadow(el).querySelector('[part="courses-notice"]')!.textContent).to.contain('could not be read');
    expect(shadow(el).querySelectorAll('.map .tile').length).to.be.greaterThan(0);
    expect(shadow(el).querySelector('[part="offered-marker"]')).to.equal(null);
    expect(calls.matcher).to.equal(1);
  });

  it('sync-url applies a linked view before the first render of the map, and its code is fetched once', async () => {
    const originalUrl = location.href;
    history.replaceState(null, '', '#om-route-map=view:table;levels:4-5');
    try {
      const el = await fixture<RouteMap>(html`<parts-map api-base=${API_BASE} route="digital" sync-url></parts-map>`);
      await oneEvent(el, 'om-load');
      await el.updateComplete;
      expect([el.view, el.levels]).to.deep.equal(['table', '4-5']);
      expect(shadow(el).querySelector('.table-wrap'), 'the table at om-load').to.not.equal(null);
      expect(calls.url).to.equal(1);
    } finally {
      history.replaceState(null, '', originalUrl);
    }
  });

  it('sync-url whose code cannot be fetched leaves the map working, its state just not in the URL', async () => {
    const originalUrl = location.href;
    history.replaceState(null, '', '#intro');
    failNext = 'url';
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = await rendered(await fixture<RouteMap>(html`<parts-map api-base=${API_BASE} route="digital" sync-url controls></parts-map>`));
      expect(String(warnings[0])).to.contain('sync-url');
      shadow(el).querySelector<HTMLInputElement>('#level-4')!.click();
      await el.updateComplete;
      expect(el.levels).to.equal('4');
      expect(shadow(el).querySelectorAll('.map .tile').length).to.be.greaterThan(0);
      expect(location.hash).to.equal('#intro');
      expect(partError(el)).to.equal(null);
    } finally {
      console.warn = warn;
      history.replaceState(null, '', originalUrl);
    }
  });

  it('a course list given by script is matched once its matcher has arrived', async () => {
    const { parseCourseList } = await import('../../packages/elements/src/courses/course-list.js');
    const list = await parseCourseList(JSON.stringify([{ code: 'ST0119', title: 'Network engineer apprenticeship', url: '/network' }]), 'json');
    const el = await rendered(await fixture<RouteMap>(html`<parts-map api-base=${API_BASE} route="digital" .courses=${list}></parts-map>`));
    await waitUntil(() => shadow(el).querySelector('[part="offered-marker"]'), 'the overlay applied');
    const marked = [...shadow(el).querySelectorAll<HTMLElement>('.map .tile')].filter((tile) => tile.querySelector('[part="offered-marker"]'));
    expect(marked.map((tile) => tile.dataset.code)).to.deep.equal(['OCC0119']);
    expect(calls.matcher).to.equal(1);
  });
});
