// A full <occupation-card> asks for its occupation and its progression at once (issue #18): one round trip, not two,
// and everything but the progression shows as soon as the occupation arrives.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { EmbedClient } from '@occupational-maps/core';
import '../../packages/elements/src/define/occupation-card.js';
import type { OccupationCard } from '../../packages/elements/src/occupation-card/occupation-card.js';

const API_BASE = '/test/.snapshot/v1/';
const CODE = 'OCC0118';
const $ = (el: OccupationCard, selector: string) => el.shadowRoot!.querySelector(selector);

/** A client over the snapshot whose answers wait until the test releases them, and which records what was asked. */
function heldClient() {
  const asked: string[] = [];
  const release = new Map<string, () => void>();
  const client = {
    apiBase: API_BASE,
    peek: () => undefined,
    invalidate: () => {},
    get: (kind: string, key: string) => {
      asked.push(kind);
      const path = kind === 'occupation' ? `occupations/${key}.json` : `progression/${key}.json`;
      return new Promise((resolve) => release.set(kind, () => resolve(fetch(API_BASE + path).then((response) => response.json()))));
    },
  } as unknown as EmbedClient;
  return { client, asked, release: (kind: string) => release.get(kind)!() };
}

describe('<occupation-card> requests', () => {
  it('asks for the occupation and its progression at once, and shows the rest before the progression arrives', async () => {
    const { client, asked, release } = heldClient();
    const el = await fixture<OccupationCard>(html`<occupation-card code=${CODE} .client=${client}></occupation-card>`);
    await waitUntil(() => asked.length === 2, 'both requests made', { timeout: 5000 });
    expect([...asked].sort()).to.deep.equal(['occupation', 'progression']);

    release('occupation');
    await waitUntil(() => $(el, 'h2')?.textContent?.includes('Data analyst'), 'the occupation shows', { timeout: 5000 });
    expect($(el, '.section--progression[aria-hidden]'), 'the progression is still on its way').to.exist;

    release('progression');
    await waitUntil(() => $(el, '.progression-list'), 'the progression shows', { timeout: 5000 });
  });

  it('a compact card, which shows no progression, makes one request', async () => {
    const { client, asked, release } = heldClient();
    const el = await fixture<OccupationCard>(html`<occupation-card code=${CODE} variant="compact" .client=${client}></occupation-card>`);
    await waitUntil(() => asked.includes('occupation'), 'the occupation asked for', { timeout: 5000 });
    release('occupation');
    await waitUntil(() => $(el, 'h2, [role="heading"]')?.textContent?.includes('Data analyst'), 'the occupation shows', { timeout: 5000 });
    expect(asked.filter((kind) => kind !== 'meta'), 'meta.json (the attribution line) aside').to.deep.equal(['occupation']);
  });
});
