import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import {
  FAVOURITES_CHANGE_EVENT,
  FAVOURITES_STORAGE_KEY,
  FavouritesStore,
  getFavouritesStore,
  parseStoredFavourites,
  type FavouritesChangeDetail,
} from '../../packages/elements/src/shared/favourites.js';
import type { FavouriteToggle } from '../../packages/elements/src/favourite-toggle/favourite-toggle.js';
import '../../packages/elements/src/define/favourite-toggle.js';
import '../../packages/elements/src/define/occupation-card.js';

let keyCounter = 0;
/** A storage key of its own per test, so tests never see each other's favourites. */
const freshKey = () => `occupational-maps:favourites:test-${Date.now()}-${keyCounter++}`;
const keysUsed: string[] = [];
function newStore(options: ConstructorParameters<typeof FavouritesStore>[0] = {}) {
  const key = options.key ?? freshKey();
  keysUsed.push(key);
  return new FavouritesStore({ ...options, key });
}

afterEach(() => {
  for (const key of keysUsed.splice(0)) localStorage.removeItem(key);
  sinon.restore();
});

const dataAnalyst = { code: 'OCC0118', title: 'Data analyst', level: 4, routeSlug: 'digital' };
const autocare = { code: 'OCC0499', title: 'Autocare technician', level: 2, routeSlug: 'engineering-manufacturing' };

describe('favourites store', () => {
  it('uses the versioned key by default and one store per page, shared through globalThis', () => {
    expect(FAVOURITES_STORAGE_KEY).to.equal('occupational-maps:favourites:v1');
    expect(getFavouritesStore()).to.equal(getFavouritesStore());
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('occupational-maps.favourites.v1')]).to.equal(getFavouritesStore());
  });

  it('adds, keeps the chosen order, moves, removes and clears, with a change event for each', () => {
    const store = newStore();
    const reasons: string[] = [];
    store.addEventListener(FAVOURITES_CHANGE_EVENT, (event) => reasons.push((event as CustomEvent<FavouritesChangeDetail>).detail.reason));
    expect(store.add(dataAnalyst)).to.equal(true);
    expect(store.add({ ...autocare, code: ' occ0499 ' })).to.equal(true);
    expect(store.list().map((item) => item.code)).to.deep.equal(['OCC0118', 'OCC0499']);
    expect(store.move('OCC0499', 0)).to.equal(true);
    expect(store.list().map((item) => item.code)).to.deep.equal(['OCC0499', 'OCC0118']);
    expect(store.moveBy('OCC0499', -1)).to.equal(false, 'already first');
    expect(store.remove('OCC0499')).to.equal(true);
    expect(store.has('OCC0118')).to.equal(true);
    store.clear();
    expect(store.size).to.equal(0);
    expect(reasons).to.deep.equal(['add', 'add', 'move', 'remove', 'clear']);
  });

  it('stamps addedAt, keeps it when an occupation is saved again, and refuses invalid codes', () => {
    const store = newStore({ now: () => new Date('2026-01-02T03:04:05.000Z') });
    store.add(dataAnalyst);
    const first = store.get('OCC0118')!;
    expect(first).to.deep.equal({ ...dataAnalyst, addedAt: '2026-01-02T03:04:05.000Z' });
    expect(store.add({ code: 'not a code', title: 'x' })).to.equal(false);
    expect(store.add({ code: 'OCC0118', title: 'Data analyst (renamed)' })).to.equal(true);
    expect(store.size).to.equal(1);
    expect(store.get('OCC0118')!.title).to.equal('Data analyst (renamed)');
  });

  it('survives a reload: a new store reading the same storage sees the same favourites in the same order', () => {
    const key = freshKey();
    keysUsed.push(key);
    const before = new FavouritesStore({ key });
    before.add(autocare);
    before.add(dataAnalyst);
    before.dispose();
    const after = new FavouritesStore({ key });
    expect(after.list()).to.deep.equal(before.list());
    expect(after.persisted).to.equal(true);
    after.dispose();
  });

  it('ignores corrupt or foreign stored data without throwing, keeping the valid entries', () => {
    const key = freshKey();
    keysUsed.push(key);
    for (const raw of ['{not json', '[1,2,3]', '"text"', 'null', '{"version":2,"items":[]}', '{"items":"OCC0118"}']) {
      localStorage.setItem(key, raw);
      expect(new FavouritesStore({ key, window: null }).list(), raw).to.deep.equal([]);
    }
    const valid = { ...dataAnalyst, addedAt: '2026-01-01T00:00:00.000Z' };
    localStorage.setItem(
      key,
      JSON.stringify({
        version: 1,
        items: [
          { code: '<script>alert(1)</script>', title: 'x', level: 4, routeSlug: null, addedAt: valid.addedAt },
          valid,
          { ...valid }, // a duplicate
          { ...valid, code: 'OCC0499', level: 'four' },
          { ...valid, code: 'OCC0031', routeSlug: '../../etc' },
          null,
        ],
      }),
    );
    expect(new FavouritesStore({ key, window: null }).list()).to.deep.equal([valid]);
    expect(parseStoredFavourites(null)).to.deep.equal([]);
  });

  it('works in memory when reading localStorage throws (blocked storage, private mode)', async () => {
    sinon.stub(window, 'localStorage').get(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const store = new FavouritesStore({ key: freshKey(), window: null });
    expect(store.persisted).to.equal(false);
    expect(store.add(dataAnalyst)).to.equal(true);
    expect(store.list().map((item) => item.code)).to.deep.equal(['OCC0118']);
    store.remove('OCC0118');
    expect(store.size).to.equal(0);
  });

  it('keeps working in memory when writing fails (quota exceeded)', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    } as unknown as Storage;
    const store = newStore({ storage: full, window: null });
    expect(store.add(dataAnalyst)).to.equal(true);
    expect(store.has('OCC0118')).to.equal(true);
    expect(store.persisted).to.equal(false);
  });

  it('syncs with another page of the same site through storage events (a same-origin iframe)', async () => {
    const key = freshKey();
    keysUsed.push(key);
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><script type="module">
      import { FavouritesStore } from '/packages/elements/src/shared/favourites.ts';
      window.favouritesStore = new FavouritesStore({ key: ${JSON.stringify(key)} });
    </script>`;
    document.body.append(frame);
    try {
      type FrameWindow = Window & { favouritesStore?: FavouritesStore };
      const other = () => (frame.contentWindow as FrameWindow).favouritesStore;
      await waitUntil(() => other() !== undefined, 'the other page loaded its store', { timeout: 8000 });
      const here = new FavouritesStore({ key });

      here.add(dataAnalyst);
      await waitUntil(() => other()!.has('OCC0118'), 'the other page saw the addition');

      const heard = oneEvent(here as unknown as HTMLElement, FAVOURITES_CHANGE_EVENT);
      other()!.add(autocare);
      other()!.move('OCC0499', 0);
      const event = (await heard) as CustomEvent<FavouritesChangeDetail>;
      expect(event.detail.reason).to.equal('external');
      await waitUntil(() => here.list().map((item) => item.code).join() === 'OCC0499,OCC0118', 'this page saw the new order');

      other()!.clear();
      await waitUntil(() => here.size === 0, 'this page saw the list cleared');
      here.dispose();
    } finally {
      frame.remove();
    }
  });
});

describe('<favourite-toggle>', () => {
  async function toggleFor(store: FavouritesStore) {
    const el = await fixture<FavouriteToggle>(html`<favourite-toggle code="OCC0118" title="Data analyst" level="4" route="digital" .store=${store}></favourite-toggle>`);
    return { el, button: el.shadowRoot!.querySelector('button')! };
  }

  it('is an accessible toggle button with a name that says what pressing it does', async () => {
    const store = newStore();
    const { el, button } = await toggleFor(store);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.textContent!.trim()).to.equal('Add Data analyst to favourites');
    await expect(el).to.be.accessible();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Remove Data analyst from favourites');
    await expect(el).to.be.accessible();
    expect(store.get('OCC0118')).to.include({ title: 'Data analyst', level: 4, routeSlug: 'digital' });
  });

  it('has a target of at least 44 by 44 pixels', async () => {
    const { button } = await toggleFor(newStore());
    const box = button.getBoundingClientRect();
    expect(box.width).to.be.at.least(44);
    expect(box.height).to.be.at.least(44);
  });

  it('is operable by keyboard: Tab to it, Space and Enter toggle', async () => {
    const store = newStore();
    const { el } = await toggleFor(store);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('BUTTON');
    await sendKeys({ press: 'Space' });
    expect(store.has('OCC0118')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    expect(store.has('OCC0118')).to.equal(false);
    before.remove();
  });

  it('fires a cancelable om-favourite-change before changing anything', async () => {
    const store = newStore();
    const { el, button } = await toggleFor(store);
    const details: unknown[] = [];
    el.addEventListener('om-favourite-change', (event) => details.push(event.detail));
    button.click();
    expect(details).to.deep.equal([{ code: 'OCC0118', favourite: true }]);
    el.addEventListener('om-favourite-change', (event) => event.preventDefault(), { once: true });
    button.click();
    expect(store.has('OCC0118')).to.equal(true, 'a cancelled removal keeps the favourite');
    expect(details).to.deep.equal([
      { code: 'OCC0118', favourite: true },
      { code: 'OCC0118', favourite: false },
    ]);
  });

  it('stays in step with every other toggle for the same occupation on the page', async () => {
    const store = newStore();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <favourite-toggle code="OCC0118" title="Data analyst" .store=${store}></favourite-toggle>
      <favourite-toggle code="occ0118" title="Data analyst" .store=${store}></favourite-toggle>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('favourite-toggle')];
    first.shadowRoot!.querySelector('button')!.click();
    await second.updateComplete;
    expect(second.shadowRoot!.querySelector('button')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('renders nothing for a missing or malformed code, and never throws', async () => {
    for (const markup of [html`<favourite-toggle></favourite-toggle>`, html`<favourite-toggle code="javascript:alert(1)"></favourite-toggle>`]) {
      const el = await fixture<FavouriteToggle>(markup);
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    }
  });

  it('shows a script-like title as inert text', async () => {
    const store = newStore();
    const el = await fixture<FavouriteToggle>(html`<favourite-toggle code="OCC0118" title="<img src=x onerror=alert(1)>" .store=${store}></favourite-toggle>`);
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.querySelector('img')).to.equal(null);
    expect(button.textContent).to.contain('<img src=x onerror=alert(1)>');
  });
});

describe('<occupation-card favourites>', () => {
  afterEach(() => getFavouritesStore().remove('OCC0118'));

  it('shows a working star beside the title only when asked', async () => {
    const plain = await fixture<HTMLElement>(html`<occupation-card api-base="/test/.snapshot/v1/" code="OCC0118"></occupation-card>`);
    await waitUntil(() => plain.shadowRoot!.querySelector('.title'), 'the card loaded', { timeout: 8000 });
    expect(plain.shadowRoot!.querySelector('favourite-toggle')).to.equal(null);

    const card = await fixture<HTMLElement>(html`<occupation-card api-base="/test/.snapshot/v1/" code="OCC0118" favourites></occupation-card>`);
    await waitUntil(() => card.shadowRoot!.querySelector('favourite-toggle'), 'the card loaded with its star', { timeout: 8000 });
    const toggle = card.shadowRoot!.querySelector<FavouriteToggle>('favourite-toggle')!;
    await toggle.updateComplete;
    const button = toggle.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.trim()).to.equal('Add Data analyst to favourites');
    button.click();
    expect(getFavouritesStore().get('OCC0118')).to.include({ title: 'Data analyst', level: 4, routeSlug: 'digital' });
    await expect(card).to.be.accessible();
  });
});
