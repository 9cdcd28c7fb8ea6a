import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EmbedClient, SearchIndexDocument } from '@occupational-maps/core';
import { resolveApiBase } from '../shared/api-base.js';
import { clientFor } from '../shared/client-loader.js';
import { searchTextByCode, type RouteModel } from './route-model.js';

export type SearchIndexHost = ReactiveControllerHost & HTMLElement & { client?: EmbedClient; readonly search: string };

/**
 * The job titles and keywords of every occupation (the Embed API's search index), fetched only once someone searches,
 * so a map that is never searched costs no extra request. Until it arrives (or if it fails) search matches titles.
 */
export class SearchIndexController implements ReactiveController {
  /** The index, once it has arrived. */
  index?: SearchIndexDocument;
  /** True when the index could not be loaded: search then covers titles only, and the map says so. */
  failed = false;
  private requested = false;
  private cache?: { model: RouteModel; index: SearchIndexDocument; text: ReadonlyMap<string, string> };

  constructor(private readonly host: SearchIndexHost) {
    host.addController(this);
  }

  /** The first update with search text starts the request (again after a failed start without a client). */
  hostUpdate(): void {
    if (this.host.search.trim()) this.load();
  }

  /** Starts the one request, when there is a client or an API base to make it with. */
  load(): void {
    if (this.requested) return;
    const apiBase = resolveApiBase(this.host);
    if (!this.host.client && !apiBase) return;
    this.requested = true;
    clientFor(apiBase, this.host.client)
      .then((client) => client!.get('searchIndex'))
      .then(
        (index) => {
          this.index = index;
          this.host.requestUpdate();
        },
        () => {
          this.failed = true;
          this.host.requestUpdate();
        },
      );
  }

  /** This route's job titles and keywords by occupation code, once the index has arrived; cached per model. */
  textFor(model: RouteModel): ReadonlyMap<string, string> | undefined {
    const index = this.index;
    if (!index) return undefined;
    if (this.cache?.model !== model || this.cache.index !== index) {
      this.cache = { model, index, text: searchTextByCode(model, index) };
    }
    return this.cache.text;
  }
}
