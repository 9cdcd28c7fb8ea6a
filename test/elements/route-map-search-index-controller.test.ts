import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import type { EmbedClient, RouteMapDocument, SearchIndexDocument } from '@occupational-maps/core';
import { SearchIndexController } from '../../packages/elements/src/route-map/search-index-controller.js';
import { routeModel } from '../../packages/elements/src/route-map/route-model.js';

const API_BASE = '/test/.snapshot/v1/';

class SearchHost extends ReactiveElement {
  static override properties = { search: {} };
  search = '';
  client?: EmbedClient;
  readonly index = new SearchIndexController(this);
}
customElements.define('test-search-host', SearchHost);

/** A client that answers the search index from the snapshot (or fails), counting the requests. */
function countingClient(fail = false) {
  const calls: string[] = [];
  const client: EmbedClient = {
    apiBase: 'https://test.invalid/v1/',
    get: (async (kind: string) => {
      calls.push(kind);
      if (fail) throw new Error('offline');
      return (await fetch(`${API_BASE}search-index.json`)).json();
    }) as EmbedClient['get'],
    peek: () => undefined,
    invalidate: () => {},
  };
  return { client, calls };
}

describe('SearchIndexController', () => {
  it('asks for the index only once someone searches, and only once', async () => {
    const { client, calls } = countingClient();
    const host = await fixture<SearchHost>(html`<test-search-host .client=${client}></test-search-host>`);
    await host.updateComplete;
    expect(calls).to.deep.equal([]);
    host.search = 'data';
    await waitUntil(() => host.index.index !== undefined, 'index arrived');
    host.search = 'nurse';
    await host.updateComplete;
    expect(calls).to.deep.equal(['searchIndex']);
    expect(host.index.failed).to.be.false;
  });

  it('gives this route’s job titles and keywords by code, the same map while model and index stay the same', async () => {
    const { client } = countingClient();
    const host = await fixture<SearchHost>(html`<test-search-host .client=${client} search="data"></test-search-host>`);
    await waitUntil(() => host.index.index !== undefined, 'index arrived');
    const model = routeModel((await (await fetch(`${API_BASE}routes/digital.json`)).json()) as RouteMapDocument);
    const text = host.index.textFor(model)!;
    expect(text.size).to.be.greaterThan(0);
    expect([...text.keys()].every((code) => model.tilesByCode.has(code))).to.be.true;
    expect(host.index.textFor(model)).to.equal(text);
    const other = routeModel((await (await fetch(`${API_BASE}routes/digital.json`)).json()) as RouteMapDocument);
    expect(host.index.textFor(other)).to.not.equal(text);
    expect((host.index.index as SearchIndexDocument).occupations.length).to.be.greaterThan(model.tiles.length);
  });

  it('says so when the index cannot be loaded, and re-renders the host', async () => {
    const { client, calls } = countingClient(true);
    const host = await fixture<SearchHost>(html`<test-search-host .client=${client} search="data"></test-search-host>`);
    await waitUntil(() => host.index.failed, 'failure noted');
    expect(host.index.index).to.be.undefined;
    expect(host.index.textFor(routeModel((await (await fetch(`${API_BASE}routes/digital.json`)).json()) as RouteMapDocument))).to.be.undefined;
    expect(calls).to.deep.equal(['searchIndex']);
  });

  it('without an injected client, loads through the page’s client for the host’s api-base', async () => {
    const host = await fixture<SearchHost>(html`<test-search-host api-base=${API_BASE} search="data"></test-search-host>`);
    await waitUntil(() => host.index.index !== undefined || host.index.failed, 'index settled', { timeout: 5000 });
    expect(host.index.failed).to.be.false;
    expect(host.index.index!.occupations.length).to.be.greaterThan(0);
  });
});
