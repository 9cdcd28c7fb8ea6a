import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type EmbedClient } from '@occupational-maps/core';
import '../../packages/elements/src/define/occupation-card.js';
import type { OccupationCard } from '../../packages/elements/src/occupation-card/occupation-card.js';

// loading="lazy" on an element that loads data: nothing is fetched until the element comes within a screen of the
// viewport (or the page is printed); until then it keeps its place with a still placeholder.

const SNAPSHOT = '/test/.snapshot/v1/';

/** A client on the sample snapshot that records what it is asked for. */
function recordingClient(): { client: EmbedClient; asked: string[] } {
  const client = createClient({ apiBase: new URL(SNAPSHOT, location.href).href });
  const asked: string[] = [];
  const get = ((kind, key, options) => {
    asked.push(`${kind}/${key}`);
    return client.get(kind, key, options);
  }) as EmbedClient['get'];
  return { client: { ...client, apiBase: client.apiBase, get, peek: client.peek, invalidate: client.invalidate }, asked };
}

/** A card three screens down the page, below a spacer. */
async function cardFarDown(client: EmbedClient, loading?: string) {
  const page = await fixture<HTMLDivElement>(html`<div>
    <div style="height: 300vh" class="spacer"></div>
    <occupation-card code="OCC0499" loading=${loading ?? 'eager'} .client=${client}><p>Autocare technician</p></occupation-card>
  </div>`);
  return page.querySelector<OccupationCard>('occupation-card')!;
}

const frames = (count: number) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  });
const title = (el: OccupationCard) => el.shadowRoot!.querySelector('article.card h3, article.card h2')?.textContent ?? '';

describe('loading="lazy"', () => {
  afterEach(() => window.scrollTo(0, 0));

  it('an eager card far down the page loads at once (the set-up shows nothing by itself)', async () => {
    const { client, asked } = recordingClient();
    const el = await cardFarDown(client);
    await waitUntil(() => title(el).includes('Autocare'), 'the eager card loaded', { timeout: 5000 });
    expect(asked).to.include('occupation/OCC0499');
  });

  it('fetches nothing while the card is far from the viewport, and loads it when scrolled near', async () => {
    const { client, asked } = recordingClient();
    const el = await cardFarDown(client, 'lazy');
    await frames(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked, 'nothing fetched three screens away').to.deep.equal([]);
    const state = el.shadowRoot!.querySelector('[part~="state"]')!;
    expect(state.getAttribute('aria-busy'), 'not announced as busy: nothing is loading').to.equal('false');
    expect(state.querySelector('[part~="skeleton"]'), 'a placeholder keeps its place').to.exist;
    expect(getComputedStyle(state.querySelector('.om-skeleton')!).animationName, 'a still placeholder').to.equal('none');

    el.scrollIntoView();
    await waitUntil(() => title(el).includes('Autocare'), 'the lazy card loaded once near the viewport', { timeout: 5000 });
    expect(asked).to.include('occupation/OCC0499');
  });

  it('takes loading="LAZY" (any case) as lazy, as the autoloader does', async () => {
    const { client, asked } = recordingClient();
    await cardFarDown(client, 'LAZY');
    await frames(5);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked, 'nothing fetched three screens away').to.deep.equal([]);
  });

  it('starts loading a screen ahead of the viewport, before the card is visible', async () => {
    const { client, asked } = recordingClient();
    const el = await cardFarDown(client, 'lazy');
    // Scroll so that the card's top is half a screen below the bottom of the viewport.
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 1.5);
    await waitUntil(() => asked.includes('occupation/OCC0499'), 'loading started before the card is in view', { timeout: 5000 });
    expect(el.getBoundingClientRect().top).to.be.greaterThan(window.innerHeight);
  });

  it('loads everything still waiting when the page is about to be printed', async () => {
    const { client, asked } = recordingClient();
    const el = await cardFarDown(client, 'lazy');
    await frames(3);
    expect(asked).to.deep.equal([]);
    window.dispatchEvent(new Event('beforeprint'));
    await waitUntil(() => title(el).includes('Autocare'), 'the card loaded for printing', { timeout: 5000 });
  });

  it('loads at once when loading becomes eager', async () => {
    const { client, asked } = recordingClient();
    const el = await cardFarDown(client, 'lazy');
    await frames(3);
    expect(asked).to.deep.equal([]);
    el.loading = 'eager';
    await waitUntil(() => title(el).includes('Autocare'), 'the card loaded once eager', { timeout: 5000 });
  });

  it('judges its distance once the eager elements above have loaded and grown', async () => {
    // An eager card whose data takes a while and, when it comes, pushes what follows three screens down (as a route
    // map's occupations do); a lazy card right below it is near the viewport only until then.
    const lazy = recordingClient();
    const { client: plain } = recordingClient();
    let grow = () => {};
    const slowGrowing: EmbedClient = {
      ...plain,
      get: (async (kind, key, options) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        const document = await plain.get(kind, key, options);
        grow();
        return document;
      }) as EmbedClient['get'],
    };
    const page = await fixture<HTMLDivElement>(html`<div>
      <occupation-card code="OCC0499" variant="compact" .client=${slowGrowing}></occupation-card>
      <div class="grows"></div>
      <occupation-card code="OCC0499" loading="lazy" .client=${lazy.client}></occupation-card>
    </div>`);
    grow = () => void (page.querySelector<HTMLElement>('.grows')!.style.height = '300vh');
    const [eager] = page.querySelectorAll<OccupationCard>('occupation-card');
    await waitUntil(() => title(eager!).includes('Autocare'), 'the eager card loaded', { timeout: 5000 });
    await frames(6);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lazy.asked, 'the lazy card, three screens down once the eager one grew, waits').to.deep.equal([]);
  });

  it('a lazy card removed before it came near never loads', async () => {
    const { client, asked } = recordingClient();
    const el = await cardFarDown(client, 'lazy');
    el.remove();
    window.dispatchEvent(new Event('beforeprint'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked).to.deep.equal([]);
  });
});
