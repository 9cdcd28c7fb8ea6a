import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient } from '@occupational-maps/core';
import '../../packages/elements/src/define/occupation-card.js';
import type { OccupationCard } from '../../packages/elements/src/occupation-card/occupation-card.js';
import { sharedTitle } from '../../packages/elements/src/occupation-card/options-choice.js';

// Standards with options (ST1312 → OCC1312A, OCC1312B), against the gateway's embedded dataset (the snapshot).
const SNAPSHOT = '/test/.snapshot/v1/';
const CONVEYANCING = 'Legal technician - conveyancing technician';
const PROBATE = 'Legal technician - probate technician';

const shadow = (el: OccupationCard) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: OccupationCard, selector: string) => shadow(el).querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(el: OccupationCard, selector: string) => [...shadow(el).querySelectorAll<E>(selector)];
const words = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const titleOf = (el: OccupationCard) => words($(el, '[part~="title"]'));
const optionTitles = (el: OccupationCard) => $$(el, '[part~="option"] .progression-item__title').map(words);

async function settled(el: OccupationCard): Promise<OccupationCard> {
  await waitUntil(() => $(el, 'article.card, .om-error, .om-message'), 'the card rendered a final state', { timeout: 8000 });
  await waitUntil(() => !$(el, '.section--progression[aria-hidden]'), 'progression settled', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

/**
 * A client over the snapshot whose bare occupation codes answer as the gateway does: a static snapshot holds no 404
 * documents, so `occupations/OCC1312.json` (and OCC9999) get the gateway's 404 body, with OCC1312's options.
 */
function gatewayLikeClient() {
  const base = new URL(SNAPSHOT, location.href).href;
  const notFound = (code: string, options?: Array<{ code: string; title: string }>) =>
    new Response(JSON.stringify({ error: { code: 'not-found', message: `No occupation found for ${code}.`, ...(options ? { options } : {}) } }), {
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    });
  return createClient({
    apiBase: base,
    fetch: async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/OCC1312.json')) return notFound('OCC1312', [{ code: 'OCC1312A', title: CONVEYANCING }, { code: 'OCC1312B', title: PROBATE }]);
      if (url.endsWith('/OCC9999.json')) return notFound('OCC9999');
      return fetch(input, init);
    },
  });
}

async function cardFor(code: string): Promise<OccupationCard> {
  const el = document.createElement('occupation-card');
  el.client = gatewayLikeClient();
  el.code = code;
  return settled(await fixture<OccupationCard>(el));
}

describe('<occupation-card> and standards with options', () => {
  it('names what options share, and nothing when they do not', () => {
    expect(sharedTitle([CONVEYANCING, PROBATE])).to.equal('Legal technician');
    expect(sharedTitle(['Vehicle damage assessor', 'Vehicle damage mechanic'])).to.equal(null);
    expect(sharedTitle(['Nurse - adult', 'Midwife - adult'])).to.equal(null);
  });

  it('standard="ST1312" offers a choice between its two occupations, accessible', async () => {
    const el = await settled(await fixture<OccupationCard>(html`<occupation-card standard="ST1312" api-base=${SNAPSHOT}></occupation-card>`));
    expect(titleOf(el)).to.equal('Legal technician has 2 options: choose one');
    expect($(el, '[part~="title"]')!.tagName).to.equal('H2');
    expect(optionTitles(el)).to.deep.equal([CONVEYANCING, PROBATE]);
    expect($$(el, '[part~="option"]').map((option) => option.tagName)).to.deep.equal(['BUTTON', 'BUTTON']);
    expect($(el, '[part~="attribution"], [part~="sample-notice"]'), 'the attribution line still shows').not.to.equal(null);
    expect(words(shadow(el) as unknown as Element)).not.to.contain('No occupation found');
    await expect(el).to.be.accessible();
  });

  it('choosing an option by keyboard fires om-occupation-select, shows it, and "Back to …" returns to the choice', async () => {
    const el = await settled(await fixture<OccupationCard>(html`<occupation-card standard="ST1312" api-base=${SNAPSHOT}></occupation-card>`));
    $$<HTMLButtonElement>(el, '[part~="option"]')[1]!.focus();
    const selected = oneEvent(el, 'om-occupation-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail).to.deep.equal({ code: 'OCC1312B', title: PROBATE });
    expect(event.cancelable).to.equal(true);
    await waitUntil(() => titleOf(el) === PROBATE, 'moved to OCC1312B');
    await settled(el);
    expect(el.code).to.equal('OCC1312B');
    await waitUntil(() => shadow(el).activeElement === $(el, '[part~="title"]'), 'focus on the new title');
    const back = $<HTMLButtonElement>(el, '[part~="back-button"]')!;
    expect(words(back)).to.match(/^←\s*Back to Legal technician$/);
    back.click();
    await waitUntil(() => $(el, '[part~="option"]'), 'back at the choice');
    await settled(el);
    expect(el.standard).to.equal('ST1312');
    expect(el.code).to.equal(undefined);
    expect($(el, '[part~="back-button"]'), 'home again: no way back shown').to.equal(null);
    await waitUntil(() => shadow(el).activeElement === $(el, '[part~="title"]'), 'focus on the choice heading');
  });

  it('a cancelled om-occupation-select leaves the choice in place', async () => {
    const el = await settled(await fixture<OccupationCard>(html`<occupation-card standard="ST1312" api-base=${SNAPSHOT}></occupation-card>`));
    el.addEventListener('om-occupation-select', (event) => event.preventDefault());
    $<HTMLButtonElement>(el, '[part~="option"]')!.click();
    await el.updateComplete;
    expect(el.standard).to.equal('ST1312');
    expect(el.code).to.equal(undefined);
    expect(optionTitles(el)).to.have.length(2);
  });

  it('with occupation-href the options are links to the host\'s pages', async () => {
    const el = await settled(
      await fixture<OccupationCard>(
        html`<occupation-card standard="ST1312" occupation-href="/courses?occupation={code}" api-base=${SNAPSHOT}></occupation-card>`,
      ),
    );
    const links = $$<HTMLAnchorElement>(el, 'a[part~="option"]');
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['/courses?occupation=OCC1312A', '/courses?occupation=OCC1312B']);
  });

  it('a standard with one occupation shows it as before', async () => {
    const el = await settled(await fixture<OccupationCard>(html`<occupation-card standard="ST0499" api-base=${SNAPSHOT}></occupation-card>`));
    expect(titleOf(el)).to.equal('Autocare technician');
    expect($(el, '[part~="option"]')).to.equal(null);
  });

  it('the bare code="OCC1312" (a 404 naming its options) offers both options instead of "No occupation found", accessible', async () => {
    const el = await cardFor('OCC1312');
    expect($(el, '.om-error')).to.equal(null);
    expect(titleOf(el)).to.equal('Legal technician has 2 options: choose one');
    expect(words(shadow(el).querySelector('.options__intro'))).to.contain('OCC1312');
    expect(optionTitles(el)).to.deep.equal([CONVEYANCING, PROBATE]);
    await expect(el).to.be.accessible();
    $$<HTMLButtonElement>(el, '[part~="option"]')[0]!.click();
    await waitUntil(() => titleOf(el) === CONVEYANCING, 'moved to OCC1312A');
    expect(words($(el, '[part~="back-button"]'))).to.match(/^←\s*Back to Legal technician$/);
  });

  it('any other 404 is the not-found error as before', async () => {
    const el = await cardFor('OCC9999');
    expect(words($(el, '.om-error'))).to.contain('No occupation found for OCC9999.');
    expect($(el, '[part~="option"]')).to.equal(null);
  });
});
