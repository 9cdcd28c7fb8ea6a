import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ReactiveElement } from 'lit';
import type { RouteMapDocument } from '@occupational-maps/core';
import '../../packages/elements/src/define/route-map.js';
import type { RouteMap } from '../../packages/elements/src/route-map/route-map.js';
import { KeyboardNavigationController } from '../../packages/elements/src/route-map/keyboard-navigation-controller.js';
import { routeModel } from '../../packages/elements/src/route-map/route-model.js';
import type { RouteMapView } from '../../packages/elements/src/route-map/views/view-model.js';

const API_BASE = '/test/.snapshot/v1/';
const shadow = (el: HTMLElement) => el.shadowRoot!;
const activeInShadow = (el: RouteMap) => shadow(el).activeElement as HTMLElement | null;

async function loaded(el: RouteMap): Promise<RouteMap> {
  await waitUntil(() => shadow(el).querySelector('.map, .list, .table-wrap, .message') && !shadow(el).querySelector('[aria-busy="true"]'), 'route map rendered', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** Whether an element takes visible space (not the 1px clipped box of visually hidden text). */
const isShown = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.width > 20 && box.height > 10 && getComputedStyle(element).clipPath === 'none';
};

class NavHost extends ReactiveElement {
  view: RouteMapView = 'map';
  selected = '';
  favourites = false;
  dialog = false;
  calls: string[] = [];
  readonly nav = new KeyboardNavigationController(this, {
    dialogOpen: () => this.dialog,
    clearSelection: () => this.calls.push('clear'),
    toggleFavourite: (code) => this.calls.push(`favourite ${code}`),
  });
}
customElements.define('test-nav-host', NavHost);

describe('KeyboardNavigationController', () => {
  let model: ReturnType<typeof routeModel>;
  before(async () => {
    model = routeModel((await (await fetch(`${API_BASE}routes/digital.json`)).json()) as RouteMapDocument);
  });

  it('keeps the tab stop on a shown item: the first pathway toggle on the map, the first tile in list and table', async () => {
    const host = await fixture<NavHost>(html`<test-nav-host></test-nav-host>`);
    const all = model.tiles.map(() => true);
    const none = new Set<string>();
    expect(host.nav.tabStop(model, all, none)).to.equal(model.pathways[0].key);
    host.view = 'list';
    expect(host.nav.tabStop(model, all, none)).to.equal(model.tiles[0].key);
    // The active tile keeps the stop until a filter hides it.
    const tile = model.tiles[5];
    host.nav.activeKey = tile.key;
    expect(host.nav.tabStop(model, all, none)).to.equal(tile.key);
    const hidden = model.tiles.map((candidate) => candidate !== tile);
    expect(host.nav.tabStop(model, hidden, none)).to.equal(model.tiles[0].key);
    // On the map, a collapsed cluster takes its tiles' stop away, to the first pathway toggle.
    host.view = 'map';
    expect(host.nav.tabStop(model, all, new Set([tile.cluster.key]))).to.equal(model.pathways[0].key);
    expect(host.nav.tabStop(model, [], none)).to.equal('');
  });

  it('Escape clears the selection unless the dialog is open; F toggles a favourite once per press, only with favourites', async () => {
    const host = await fixture<NavHost>(html`<test-nav-host></test-nav-host>`);
    const tile = document.createElement('button');
    tile.dataset.nav = 'tile-1';
    tile.dataset.code = 'OCC0118';
    const container = document.createElement('div');
    container.append(tile);
    container.addEventListener('keydown', host.nav.onKeydown);
    host.append(container);
    const press = (key: string, init: KeyboardEventInit = {}) => tile.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

    expect(press('Escape')).to.be.true; // nothing selected: not handled
    host.selected = 'OCC0118';
    expect(press('Escape')).to.be.false;
    host.dialog = true;
    press('Escape');
    expect(host.calls).to.deep.equal(['clear']);

    press('f');
    expect(host.calls).to.deep.equal(['clear']);
    host.favourites = true;
    press('f');
    press('F', { repeat: true });
    press('f', { ctrlKey: true });
    expect(host.calls).to.deep.equal(['clear', 'favourite OCC0118']);
  });
});

describe('<route-map> keyboard help and headings', () => {
  it('shows the keyboard help while a keyboard user is in the map, and hides it otherwise', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1200px"><button id="before">Before</button><route-map api-base=${API_BASE} route="digital" favourites></route-map></div>`);
    const el = await loaded(wrapper.querySelector('route-map')!);
    const help = shadow(el).querySelector('#map-instructions')!;
    expect(isShown(help), 'hidden before focus').to.be.false;
    expect(help.textContent).to.match(/arrow/i);

    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(isShown(help), 'hidden on Expand all').to.be.false;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' }); // into the map
    expect(activeInShadow(el)!.classList.contains('toggle--pathway')).to.be.true;
    expect(isShown(help), 'shown while in the map').to.be.true;
    await sendKeys({ press: 'ArrowDown' });
    expect(isShown(help), 'still shown after moving').to.be.true;

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' }); // back out to Collapse all
    await sendKeys({ up: 'Shift' });
    expect(isShown(help), 'hidden again outside the map').to.be.false;
  });

  it('renders headings as real heading elements at heading-level', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" heading-level="3"></route-map>`));
    const tag = (selector: string) => shadow(el).querySelector(selector)!.tagName;
    expect(tag('.heading--route')).to.equal('H3');
    expect(tag('.heading--pathway')).to.equal('H4');
    expect(tag('.heading--band')).to.equal('H5');
    expect(tag('.heading--cluster')).to.equal('H6');
    expect(tag('.heading--legend')).to.equal('H4');
    expect(shadow(el).querySelector('div[role="heading"]')).to.be.null;
    el.headingLevel = 6;
    await el.updateComplete;
    expect(tag('.heading--cluster'), 'clamped to h6').to.equal('H6');
  });
});
