import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import '../../packages/elements/src/define/route-map.js';
import type { RouteMap } from '../../packages/elements/src/route-map/route-map.js';
import { UrlStateController } from '../../packages/elements/src/route-map/url-state-controller.js';
import type { RouteMapView } from '../../packages/elements/src/route-map/views/view-model.js';

const API_BASE = '/test/.snapshot/v1/';
const shadow = (el: HTMLElement) => el.shadowRoot!;
const nextPopstate = () => new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));

async function loaded(el: RouteMap): Promise<RouteMap> {
  await waitUntil(() => shadow(el).querySelector('.map, .list, .table-wrap, .message') && !shadow(el).querySelector('[aria-busy="true"]'), 'route map rendered', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** The smallest host the controller needs: the map's filter properties, `sync-url` and a selection. */
class UrlHost extends ReactiveElement {
  static override properties = {
    levels: {}, status: {}, products: {}, search: {}, pathway: {}, view: {}, offered: {}, selected: {}, syncUrl: { type: Boolean, attribute: 'sync-url' },
  };
  levels = '';
  status = '';
  products = '';
  search = '';
  pathway = '';
  view: RouteMapView = 'map';
  offered = '';
  selected = '';
  syncUrl = false;
  closed = 0;
  readonly url = new UrlStateController(this, { closeDialog: () => this.closed++ });

  protected override willUpdate(): void {
    this.url.beforeUpdate();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    this.url.afterUpdate(changed.has('search') && changed.size === 1);
  }
}
customElements.define('test-url-host', UrlHost);

describe('UrlStateController', () => {
  const originalUrl = location.href;
  afterEach(() => history.replaceState(null, '', originalUrl));

  it('writes only what differs from the host’s own settings, whether set as attributes or as properties', async () => {
    history.replaceState(null, '', '#top');
    const host = await fixture<UrlHost>(html`<test-url-host sync-url status="approved" .levels=${'4-5'}></test-url-host>`);
    await host.updateComplete;
    expect(location.hash).to.equal('#top');
    host.url.set({ levels: '6', view: 'table' });
    await host.updateComplete;
    expect(location.hash).to.equal('#top&om-route-map=levels:6;view:table');
  });

  it('namespaces the hash part by the host’s id', async () => {
    const host = await fixture<UrlHost>(html`<test-url-host id="second" sync-url></test-url-host>`);
    expect(host.url.key).to.equal('om-route-map-second');
    host.url.set({ search: 'nurse' });
    await host.updateComplete;
    expect(location.hash).to.equal('#om-route-map-second=q:nurse');
  });

  it('applies a linked hash over properties a framework sets after connecting (as React wrappers do), and restores them on Back', async () => {
    history.replaceState(null, '', '#om-route-map=levels:6-7;sel:OCC0585');
    const host = document.createElement('test-url-host') as UrlHost;
    host.syncUrl = true;
    document.body.append(host);
    host.levels = '4-5'; // after connecting, before the first render
    await host.updateComplete;
    expect([host.levels, host.selected]).to.deep.equal(['6-7', 'OCC0585']);
    host.url.set({ levels: '7' });
    await host.updateComplete;
    expect(location.hash).to.equal('#om-route-map=levels:7;sel:OCC0585');
    // A re-render that sets the same setting again does not undo what the person chose.
    host.levels = '4-5';
    await host.updateComplete;
    expect(host.levels).to.equal('7');
    // A new setting from the host wins, and becomes what Back returns to.
    host.levels = '2';
    await host.updateComplete;
    expect(host.levels).to.equal('2');
    host.remove();
  });

  it('clears the selection and closes the dialog when the URL no longer has one', async () => {
    history.replaceState(null, '', '#om-route-map=sel:OCC0118');
    const host = await fixture<UrlHost>(html`<test-url-host sync-url></test-url-host>`);
    expect(host.selected).to.equal('OCC0118');
    location.hash = '#om-route-map=levels:2';
    await waitUntil(() => host.levels === '2', 'hashchange applied');
    expect(host.selected).to.equal('');
    expect(host.closed).to.be.greaterThan(0);
  });
});

describe('<route-map sync-url> with filters set as properties (issue 13)', () => {
  const originalUrl = location.href;
  afterEach(() => history.replaceState(null, '', originalUrl));

  it('treats property-set filters like attributes: not written to the URL, and back again after Back', async () => {
    history.replaceState(null, '', '#intro');
    const el = await loaded(
      await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" sync-url controls .levels=${'4-5'} .status=${'approved'}></route-map>`),
    );
    // The host's own settings are the embed as authored: nothing goes in the URL for them.
    expect(location.hash).to.equal('#intro');
    expect(shadow(el).querySelector<HTMLInputElement>('#level-4')!.checked).to.be.true;

    shadow(el).querySelector<HTMLInputElement>('#level-6')!.click();
    await el.updateComplete;
    expect(location.hash).to.equal('#intro&om-route-map=levels:4-6');

    const popped = nextPopstate();
    history.back();
    await popped;
    await el.updateComplete;
    expect([el.levels, el.status]).to.deep.equal(['4-5', 'approved']);
    expect(shadow(el).querySelector<HTMLInputElement>('#level-6')!.checked).to.be.false;
  });
});
