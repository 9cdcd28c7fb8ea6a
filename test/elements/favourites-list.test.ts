import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { FavouritesStore } from '../../packages/elements/src/shared/favourites.js';
import { csvField, favouritesToCsv } from '../../packages/elements/src/occupation-favourites/csv.js';
import type { OccupationFavourites } from '../../packages/elements/src/occupation-favourites/occupation-favourites.js';
import '../../packages/elements/src/define/occupation-favourites.js';

let keyCounter = 0;
const stores: FavouritesStore[] = [];
function storeWith(...items: Array<{ code: string; title: string; level?: number | null; routeSlug?: string | null }>) {
  const store = new FavouritesStore({ key: `occupational-maps:favourites:list-test-${Date.now()}-${keyCounter++}`, window: null });
  for (const item of items) store.add(item);
  stores.push(store);
  return store;
}

afterEach(() => {
  for (const store of stores.splice(0)) localStorage.removeItem(store.key);
  sinon.restore();
});

const dataAnalyst = { code: 'OCC0118', title: 'Data analyst', level: 4, routeSlug: 'digital' };
const autocare = { code: 'OCC0499', title: 'Autocare technician', level: 2, routeSlug: 'engineering-manufacturing' };
const glazing = { code: 'OCC0031', title: 'Automotive glazing technician', level: 3, routeSlug: 'engineering-manufacturing' };

const shadow = (el: OccupationFavourites) => el.shadowRoot!;
const titles = (el: OccupationFavourites) => [...shadow(el).querySelectorAll('.title')].map((node) => node.textContent!.trim());
const status = (el: OccupationFavourites) => shadow(el).querySelector('[role="status"]')!.textContent!.trim();
const focused = (el: OccupationFavourites) => shadow(el).activeElement as HTMLElement | null;

async function listOf(store: FavouritesStore, href?: string) {
  const el = await fixture<OccupationFavourites>(
    href === undefined
      ? html`<occupation-favourites .store=${store}></occupation-favourites>`
      : html`<occupation-favourites occupation-href=${href} .store=${store}></occupation-favourites>`,
  );
  return el;
}

describe('<occupation-favourites>', () => {
  it('shows an empty state with guidance, and it is accessible', async () => {
    const el = await listOf(storeWith());
    expect(shadow(el).querySelector('.empty')!.textContent).to.contain('You have not saved any favourite occupations yet.');
    expect(shadow(el).querySelector('.empty')!.textContent).to.contain('Select the star');
    expect(shadow(el).querySelector('.toolbar')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lists favourites in the chosen order with level and route name, linking through occupation-href', async () => {
    const el = await listOf(storeWith(dataAnalyst, autocare), '/occupations/{code}');
    expect(titles(el)).to.deep.equal(['Data analyst', 'Autocare technician']);
    const link = shadow(el).querySelector<HTMLAnchorElement>('a.title')!;
    expect(link.getAttribute('href')).to.equal('/occupations/OCC0118');
    expect([...shadow(el).querySelectorAll('.meta')].map((node) => node.textContent!.trim())).to.deep.equal([
      'Level 4 · Digital',
      'Level 2 · Engineering and manufacturing',
    ]);
    expect(shadow(el).querySelector('.count')!.textContent).to.equal('2 occupations saved');
    expect(shadow(el).querySelector('[part="attribution"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('refuses a javascript: link template and falls back to buttons that fire a cancelable om-occupation-select', async () => {
    const el = await listOf(storeWith(dataAnalyst), 'javascript:alert("{code}")');
    expect(shadow(el).querySelector('a')?.getAttribute('href') ?? '').to.not.contain('javascript');
    const button = shadow(el).querySelector<HTMLButtonElement>('button.title')!;
    const heard: unknown[] = [];
    el.addEventListener('om-occupation-select', (event) => {
      heard.push(event.detail);
      expect(event.cancelable).to.equal(true);
    });
    button.click();
    expect(heard).to.deep.equal([{ code: 'OCC0118', title: 'Data analyst' }]);
  });

  it('lets a host cancel the link to handle the choice itself', async () => {
    const el = await listOf(storeWith(dataAnalyst), '#favourite-{code}');
    el.addEventListener('om-occupation-select', (event) => event.preventDefault());
    shadow(el).querySelector<HTMLAnchorElement>('a.title')!.click();
    expect(location.hash).to.not.equal('#favourite-OCC0118');
  });

  it('reorders by keyboard, keeps focus on the button pressed and announces the new position', async () => {
    const store = storeWith(dataAnalyst, autocare, glazing);
    const el = await listOf(store);
    shadow(el).querySelector<HTMLElement>('[data-code="OCC0031"] .move-up')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Data analyst', 'Automotive glazing technician', 'Autocare technician']);
    expect(focused(el)?.closest('[data-code]')?.getAttribute('data-code')).to.equal('OCC0031');
    expect(focused(el)?.classList.contains('move-up')).to.equal(true);
    await waitUntil(() => status(el) === 'Automotive glazing technician moved to position 2 of 3.');

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(store.list().map((item) => item.code)).to.deep.equal(['OCC0031', 'OCC0118', 'OCC0499']);
    // At the top, "Move up" stays focusable but does nothing, so focus is not lost.
    expect(focused(el)?.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect(store.list()[0].code).to.equal('OCC0031');

    await sendKeys({ press: 'Tab' }); // to Move down
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(store.list().map((item) => item.code)).to.deep.equal(['OCC0118', 'OCC0031', 'OCC0499']);
    expect(focused(el)?.classList.contains('move-down')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('removes one favourite, moving focus to the next and announcing it', async () => {
    const store = storeWith(dataAnalyst, autocare);
    const el = await listOf(store);
    const remove = shadow(el).querySelector<HTMLButtonElement>('[data-code="OCC0118"] .remove')!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove Data analyst from favourites');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Autocare technician']);
    expect(focused(el)?.textContent!.trim()).to.equal('Autocare technician');
    await waitUntil(() => status(el) === 'Data analyst removed from favourites.');
  });

  it('clears all only after confirmation; Escape cancels and returns focus', async () => {
    const store = storeWith(dataAnalyst, autocare);
    const el = await listOf(store);
    shadow(el).querySelector<HTMLElement>('.clear-all')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const confirm = shadow(el).querySelector('.confirm')!;
    expect(confirm.textContent).to.contain('Remove all 2 favourite occupations?');
    expect(focused(el)).to.equal(confirm);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(shadow(el).querySelector('.confirm')).to.equal(null);
    expect(store.size).to.equal(2);
    expect(focused(el)?.classList.contains('clear-all')).to.equal(true);

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' }); // the "Yes, remove all" button
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(store.size).to.equal(0);
    expect(shadow(el).querySelector('.empty')).to.not.equal(null);
    expect(focused(el)?.classList.contains('heading')).to.equal(true);
    await waitUntil(() => status(el) === 'All favourites removed.');
  });

  it('follows changes made elsewhere on the page', async () => {
    const store = storeWith(dataAnalyst);
    const el = await listOf(store);
    store.add(autocare);
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Data analyst', 'Autocare technician']);
  });

  it('downloads the list as a CSV file', async () => {
    const store = storeWith(dataAnalyst, { code: 'OCC0499', title: '=HYPERLINK("http://evil.example","Click")', level: null, routeSlug: null });
    const el = await listOf(store);
    const clicks: HTMLAnchorElement[] = [];
    sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    shadow(el).querySelector<HTMLButtonElement>('.export')!.click();
    expect(clicks).to.have.length(1);
    expect(clicks[0].download).to.equal('favourite-occupations.csv');
    const bytes = new Uint8Array(await (await fetch(clicks[0].href)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark for spreadsheet programs');
    expect(new TextDecoder().decode(bytes)).to.equal(
      'code,title,level,route\r\n"OCC0118","Data analyst",4,"Digital"\r\n"OCC0499","\'=HYPERLINK(""http://evil.example"",""Click"")",,\r\n',
    );
  });

  it('prints with window.print()', async () => {
    const el = await listOf(storeWith(dataAnalyst));
    const print = sinon.stub(window, 'print');
    shadow(el).querySelector<HTMLButtonElement>('.print')!.click();
    expect(print.calledOnce).to.equal(true);
  });

  it('warns when favourites cannot be kept beyond this page', async () => {
    const store = new FavouritesStore({ storage: null, window: null });
    store.add(dataAnalyst);
    const el = await listOf(store);
    expect(shadow(el).querySelector('.notice')!.textContent).to.contain('will be lost when you leave the page');
    await expect(el).to.be.accessible();
  });

  it('shows script-like titles as inert text', async () => {
    const el = await listOf(storeWith({ code: 'OCC0118', title: '<script>window.pwned = 1</script><b>bold</b>' }));
    await nextFrame();
    expect(shadow(el).querySelector('script, b')).to.equal(null);
    expect(titles(el)).to.deep.equal(['<script>window.pwned = 1</script><b>bold</b>']);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });
});

describe('favourites CSV', () => {
  it('quotes fields and doubles inner quotes', () => {
    expect(csvField('Plain')).to.equal('"Plain"');
    expect(csvField('Say "hello", then\nleave')).to.equal('"Say ""hello"", then\nleave"');
    expect(csvField(4)).to.equal('4');
    expect(csvField(null)).to.equal('');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvField(`${start}1+1`)).to.equal(`"'${start}1+1"`);
    }
    expect(csvField('Data = analysis')).to.equal('"Data = analysis"');
  });

  it('writes code,title,level,route rows in order with route names', () => {
    const items = [
      { ...autocare, addedAt: '2026-01-01T00:00:00.000Z' },
      { ...dataAnalyst, addedAt: '2026-01-01T00:00:00.000Z' },
    ];
    expect(favouritesToCsv(items, (slug) => slug.toUpperCase())).to.equal(
      'code,title,level,route\r\n"OCC0499","Autocare technician",2,"ENGINEERING-MANUFACTURING"\r\n"OCC0118","Data analyst",4,"DIGITAL"\r\n',
    );
  });
});
