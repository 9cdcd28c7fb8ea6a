import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type EmbedClient, type MetaDocument } from '@occupational-maps/core';
import '../../packages/elements/src/define/progression-map.js';
import '../../packages/elements/src/define/occupation-compare.js';
import '../../packages/elements/src/define/occupation-search.js';
import { dataDate } from '../../packages/elements/src/shared/attribution.js';

/** The snapshot of the embedded dataset: its meta.json says the data is the sample. */
const SNAPSHOT = '/mock-api/v1/';

const line = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="attribution"]');
const lineText = (el: Element) => line(el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A client that answers meta.json with `data` and everything else from the snapshot. */
function clientWith(data: MetaDocument['data'] | 'fail'): EmbedClient {
  const real = createClient({ apiBase: new URL(SNAPSHOT, location.href).href });
  return {
    apiBase: real.apiBase,
    peek: real.peek,
    invalidate: real.invalidate,
    get: (async (kind: string, key?: string | null, options?: { signal?: AbortSignal }) => {
      if (kind !== 'meta') return real.get(kind as 'occupation', key, options);
      if (data === 'fail') throw new Error('no meta here');
      const meta = await real.get('meta');
      return { ...meta, source: 'live', data };
    }) as EmbedClient['get'],
  };
}

describe('attribution line: sample or Skills England data', () => {
  it('with the embedded sample, every element says plainly the occupations are illustrative sample data', async () => {
    const elements = await Promise.all([
      fixture(html`<progression-map code="OCC0499" api-base=${SNAPSHOT}></progression-map>`),
      fixture(html`<occupation-compare codes="OCC0499,OCC0033" api-base=${SNAPSHOT}></occupation-compare>`),
      fixture(html`<occupation-search api-base=${SNAPSHOT}></occupation-search>`),
    ]);
    // The search box loads nothing until it is used.
    elements[2].shadowRoot!.querySelector('input')!.focus();
    for (const el of elements) {
      await waitUntil(() => /Sample data/.test(lineText(el)), `${el.localName} shows the sample notice`);
      expect(lineText(el)).to.contain('illustrative sample data, not Skills England data');
      expect(lineText(el)).to.contain('Open Government Licence v3.0');
      expect(line(el)!.part.contains('sample-notice')).to.equal(true);
    }
  });

  it('no-attribution cannot hide the sample notice (only the licence words go)', async () => {
    const el = await fixture(html`<progression-map code="OCC0499" no-attribution api-base=${SNAPSHOT}></progression-map>`);
    await waitUntil(() => /Sample data/.test(lineText(el)), 'sample notice shown');
    expect(lineText(el)).not.to.contain('Open Government Licence');
  });

  it('with Skills England data, the line gives the date the data was fetched, and no-attribution hides it', async () => {
    const client = clientWith({ kind: 'skills-england', fetchedAt: '2026-09-11T06:30:00.000Z' });
    const el = await fixture(html`<progression-map code="OCC0499" .client=${client}></progression-map>`);
    await waitUntil(() => /Skills England data, 11 September 2026\./.test(lineText(el)), lineText(el));
    expect(lineText(el)).not.to.contain('Sample data');
    expect(lineText(el)).to.contain('Not endorsed by Skills England.');
    const hidden = await fixture(html`<progression-map code="OCC0499" no-attribution .client=${client}></progression-map>`);
    await waitUntil(() => hidden.shadowRoot!.querySelector('.diagram'), 'drawn');
    expect(line(hidden)).to.equal(null);
  });

  it('a source whose meta.json cannot be read keeps the plain licence line', async () => {
    const el = await fixture(html`<occupation-compare codes="OCC0499" .client=${clientWith('fail')}></occupation-compare>`);
    await waitUntil(() => line(el), 'attribution shown');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lineText(el)).to.match(/^Contains public sector information from Skills England/);
  });

  it('dates are the UK calendar day, and nonsense gives none', () => {
    expect(dataDate('2026-09-10T23:30:00Z')).to.equal('11 September 2026'); // 00:30 British Summer Time
    expect(dataDate('not a date')).to.equal(null);
    expect(dataDate(null)).to.equal(null);
  });
});
