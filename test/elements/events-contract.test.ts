/**
 * The events contract for hosts that listen: an element nested in another's shadow root (the badge in a card, the card
 * in a route map's dialog) never has its om-load / om-error reach the page as the outer element's; a person's choice
 * inside (om-occupation-select, om-favourite-change) is fired again by the outer element as its own, and cancelling
 * that cancels the nested element's action.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/define/occupation-card.js';
import '../../packages/elements/src/define/route-map.js';
import '../../packages/elements/src/define/map-builder.js';
import type { OccupationCard } from '../../packages/elements/src/occupation-card/occupation-card.js';
import type { RouteMap } from '../../packages/elements/src/route-map/route-map.js';
import type { MapBuilder } from '../../packages/elements/src/map-builder/map-builder.js';

// The gateway's embedded offline dataset (every document, SOC ones included).
const SNAPSHOT = '/test/.snapshot/v1/';
// Autocare technician (OCC0499) with a SOC 2020 code that does not exist (9999): the card loads, its badge fails.
const UNKNOWN_SOC = '/test/fixtures/embed/events-v1/';
const FAVOURITES_KEY = 'occupational-maps:favourites:v1';
const EVENTS = ['om-load', 'om-error', 'om-occupation-select', 'om-favourite-change', 'om-filter-change'] as const;

interface Heard {
  type: string;
  target: string;
  path?: string;
  code?: string;
}

/** Every om-* event that reaches the document, with its (retargeted) target as the page sees it. */
function listen(): { heard: Heard[]; stop(): void } {
  const heard: Heard[] = [];
  const record = (event: Event) => {
    const detail = (event as CustomEvent).detail ?? {};
    heard.push({ type: event.type, target: (event.target as Element).localName, path: detail.path, code: detail.code });
  };
  for (const name of EVENTS) document.addEventListener(name, record);
  return { heard, stop: () => EVENTS.forEach((name) => document.removeEventListener(name, record)) };
}

const inShadow = <E extends Element>(host: Element, selector: string) => host.shadowRoot!.querySelector<E>(selector);

describe('events contract', () => {
  let page: ReturnType<typeof listen>;
  beforeEach(() => (page = listen()));
  afterEach(() => page.stop());

  it("a badge's om-error inside a card that loaded fine never reaches the page as the card's", async () => {
    const badgeErrors: Event[] = [];
    // Listening on the document in the capture phase sees the badge's event on its way down, whatever happens after.
    const capture = (event: Event) => {
      if (event.composedPath()[0] instanceof HTMLElement && (event.composedPath()[0] as HTMLElement).localName === 'soc-badge') badgeErrors.push(event);
    };
    document.addEventListener('om-error', capture, { capture: true });
    try {
      const card = await fixture<OccupationCard>(html`<occupation-card code="OCC0499" api-base=${UNKNOWN_SOC}></occupation-card>`);
      await waitUntil(() => inShadow(card, 'article.card'), 'card loaded');
      await waitUntil(() => badgeErrors.length > 0, 'the badge reported its own error (unknown SOC code 9999)', { timeout: 8000 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(inShadow(inShadow(card, 'soc-badge')!, '[part~="badge"]')!.textContent).to.contain('Unknown SOC code');
      expect(page.heard.filter((event) => event.type === 'om-error')).to.deep.equal([], 'no om-error reaches the page');
      expect(page.heard.filter((event) => event.type === 'om-load')).to.deep.equal([{ type: 'om-load', target: 'occupation-card', path: 'occupations/OCC0499.json', code: undefined }]);
    } finally {
      document.removeEventListener('om-error', capture, { capture: true });
    }
  });

  it("the favourite star in a card: om-favourite-change reaches the page as the card's, and cancelling it keeps the favourites as they were", async () => {
    localStorage.removeItem(FAVOURITES_KEY);
    const card = await fixture<OccupationCard>(html`<occupation-card code="OCC0499" favourites api-base=${UNKNOWN_SOC}></occupation-card>`);
    await waitUntil(() => inShadow(card, 'favourite-toggle'), 'card loaded with its star');
    const toggle = inShadow<HTMLElement>(card, 'favourite-toggle')!;
    await waitUntil(() => inShadow(toggle, '[part~="button"]'), 'star rendered');
    const onCard: CustomEvent[] = [];
    card.addEventListener('om-favourite-change', (event) => {
      onCard.push(event);
      event.preventDefault();
    });
    inShadow<HTMLButtonElement>(toggle, '[part~="button"]')!.click();
    expect(onCard).to.have.length(1);
    expect(onCard[0]!.target).to.equal(card);
    expect(onCard[0]!.detail).to.deep.equal({ code: 'OCC0499', favourite: true });
    expect(page.heard.filter((event) => event.type === 'om-favourite-change').map((event) => event.target)).to.deep.equal(['occupation-card']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(JSON.parse(localStorage.getItem(FAVOURITES_KEY) ?? '[]')).to.deep.equal([], 'the cancelled change was not made');
  });

  it("the card in a route map's dialog: its om-load stays inside, its progression choice reaches the page as the map's", async () => {
    const map = await fixture<RouteMap>(html`<route-map route="digital" api-base=${SNAPSHOT}></route-map>`);
    await waitUntil(() => inShadow(map, '[part~="tile"][data-code]'), 'map loaded', { timeout: 8000 });
    inShadow<HTMLElement>(map, '[part~="tile"][data-code]')!.click();
    await waitUntil(() => inShadow(map, 'dialog occupation-card'), 'dialog opened');
    const card = inShadow<OccupationCard>(map, 'dialog occupation-card')!;
    await waitUntil(() => inShadow(card, 'article.card'), 'dialog card loaded', { timeout: 8000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const loads = page.heard.filter((event) => event.type === 'om-load');
    expect(loads.map((event) => event.path)).to.deep.equal(['routes/digital.json'], "only the map's own load reaches the page");
    expect(loads.every((event) => event.target === 'route-map')).to.equal(true);

    await waitUntil(() => inShadow(card, 'button.progression-item'), 'the dialog card lists progression', { timeout: 8000 });
    const onMap: CustomEvent[] = [];
    map.addEventListener('om-occupation-select', (event) => onMap.push(event));
    const item = inShadow<HTMLButtonElement>(card, 'button.progression-item')!;
    item.click();
    expect(onMap).to.have.length(1);
    expect(onMap[0]!.target).to.equal(map);
    expect(onMap[0]!.cancelable).to.equal(true);
  });

  it("map-builder passes on its preview's om-load as its own (its state is the preview's), but not the preview's om-filter-change", async () => {
    const builder = await fixture<MapBuilder>(html`<map-builder api-base=${SNAPSHOT}></map-builder>`);
    await waitUntil(() => page.heard.some((event) => event.type === 'om-load' && event.target === 'map-builder'), "the builder's om-load", { timeout: 8000 });
    expect(page.heard.some((event) => event.target !== 'map-builder')).to.equal(false);
    expect(builder.shadowRoot!.querySelector('route-map')).to.exist;
  });
});
