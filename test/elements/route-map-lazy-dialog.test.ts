// <route-map> loads the code of its dialog's <occupation-card> (with <soc-badge> and <favourite-toggle>) when a
// person first opens an occupation, not before the map renders (issue #18). This file imports only the route map's
// define entry, so nothing else defines the card first.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/define/route-map.js';
import { RouteMap } from '../../packages/elements/src/route-map/route-map.js';

const API_BASE = '/test/.snapshot/v1/';
const shadow = (el: RouteMap) => el.shadowRoot!;

async function loaded<T extends RouteMap>(el: T): Promise<T> {
  await waitUntil(() => shadow(el).querySelector('.map .tile'), 'route map rendered', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** A map whose dialog code fails to load once, then "loads" without defining anything (the real code loads later). */
let attempts = 0;
class FlakyDialogMap extends RouteMap {
  static override loadDialogElements = () => (++attempts === 1 ? Promise.reject(new Error('chunk not reachable')) : Promise.resolve());
}
customElements.define('flaky-dialog-map', FlakyDialogMap);

describe('<route-map> dialog code', () => {
  it('tells the person when the card cannot be loaded and tries again with Retry', async () => {
    const el = await loaded(await fixture<FlakyDialogMap>(html`<flaky-dialog-map api-base=${API_BASE} route="digital"></flaky-dialog-map>`));
    shadow(el).querySelector<HTMLElement>('.map .tile')!.click();
    await waitUntil(() => shadow(el).querySelector('dialog [role="alert"]'), 'load failure shown');
    expect(shadow(el).querySelector('dialog')!.open).to.be.true;
    expect(shadow(el).querySelector('dialog [role="alert"]')!.textContent).to.contain('could not be loaded');
    expect(shadow(el).querySelector('dialog occupation-card')).to.equal(null);
    shadow(el).querySelector<HTMLButtonElement>('dialog [role="alert"] button')!.click();
    await waitUntil(() => shadow(el).querySelector('dialog occupation-card') && !shadow(el).querySelector('dialog [role="alert"], dialog [role="status"]'), 'card in place after Retry');
    expect(attempts).to.equal(2);
  });

  it('loads the card only when an occupation is first opened, showing a loading line until it has', async () => {
    expect(customElements.get('occupation-card'), 'the card is not loaded with the map').to.equal(undefined);
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital"></route-map>`));
    expect(customElements.get('occupation-card'), 'nor when the map renders').to.equal(undefined);
    const tile = shadow(el).querySelector<HTMLElement>('.map .tile')!;
    tile.click();
    await el.updateComplete;
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.querySelector('[role="status"]')!.textContent).to.equal('Loading…');
    const card = dialog.querySelector('occupation-card')!;
    expect(card.getAttribute('code')).to.equal(tile.dataset.code);
    await customElements.whenDefined('occupation-card');
    expect(customElements.get('soc-badge'), 'the badge comes with the card').to.not.equal(undefined);
    await waitUntil(() => card.shadowRoot?.querySelector('h2')?.textContent?.trim(), 'the card shows its occupation');
    await waitUntil(() => !dialog.querySelector('[role="status"]'), 'the loading line goes once the card is ready');
  });
  // Reopening straight after Close: the first close event arrives after the second occupation is open (courses e2e).
  it('opens, closes and reopens on another occupation: Close closes the dialog every time', async function () {
    this.timeout(60000);
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital"></route-map>`));
    const dialog = () => shadow(el).querySelector('dialog')!;
    const closeButton = () => shadow(el).querySelector<HTMLButtonElement>('dialog .dialog__bar button')!;
    for (const index of [0, 1, 0]) {
      shadow(el).querySelectorAll<HTMLElement>('.map .tile')[index]!.click();
      await el.updateComplete;
      await waitUntil(() => dialog().open, `dialog open for tile ${index}`);
      await waitUntil(() => dialog().querySelector('occupation-card')?.shadowRoot?.querySelector('h2'), `the card shows occupation of tile ${index}`, { timeout: 10000 });
      closeButton().click();
      await el.updateComplete;
      await waitUntil(() => !dialog().open, `Close closes the dialog of tile ${index}`);
    }
  });
});
