import { normaliseCode, OCCUPATION_CODE, SOC_CODE, type EmbedClient, type OccupationDocument } from '@occupational-maps/core';
import { resolveApiBase } from '../shared/api-base.js';
import { clientFor } from '../shared/client-loader.js';
import type { OmElement } from '../shared/om-element.js';
import type { SocResolution } from './soc-badge.js';

/** The SOC 2010 reference an occupation's document carries. */
type Soc2010Reference = OccupationDocument['soc']['soc2010'];

/** What the SOC 2010 support reads from its badge. */
export interface Soc2010Host extends OmElement {
  readonly code: string;
  readonly titleText: string | null;
  readonly occupation: string;
}

/**
 * `<soc-badge edition="2010">`: the library holds no SOC 2010 titles, so the title comes from the `title` attribute
 * or from the Embed API document of the badge's `occupation` (which supplies the code too when none is given). Its
 * own module, loaded only by SOC 2010 badges.
 */
export class Soc2010Support {
  #request?: { key: string; client: EmbedClient | undefined; controller: AbortController };
  #pending = false;
  #found: Soc2010Reference = null;

  constructor(private readonly host: Soc2010Host) {}

  /** Looks the occupation up when the title must come from it, once per occupation and source; call on every update. */
  update(): void {
    const host = this.host;
    const occupation = host.titleText ? '' : normaliseCode(host.occupation);
    const key = `${occupation} ${host.apiBase ?? host.getAttribute('api-base') ?? ''}`;
    if (this.#request?.key === key && this.#request.client === host.client) return;
    this.#request?.controller.abort();
    const request = (this.#request = { key, client: host.client, controller: new AbortController() });
    this.#found = null;
    this.#pending = OCCUPATION_CODE.test(occupation);
    if (!this.#pending) return;
    const { signal } = request.controller;
    clientFor(resolveApiBase(host), host.client)
      .then((client) => client?.get('occupation', occupation, { signal }))
      .then(
        (document) => document?.soc.soc2010 ?? null,
        () => null, // no title to be had: the badge says so
      )
      .then((found) => {
        if (signal.aborted) return;
        this.#found = found;
        this.#pending = false;
        host.requestUpdate();
      });
  }

  /** What the badge can say about its SOC 2010 code. */
  resolve(): SocResolution {
    const found = this.#found;
    const code = this.host.code.trim() || found?.code || '';
    if (!code && this.#pending) return { state: 'pending', code };
    if (!SOC_CODE.test(code)) return { state: 'unknown', code, reason: 'bad-request' };
    const title = this.host.titleText?.trim() || (found?.code === code ? found.title : '');
    if (title) return { state: 'known', code, title };
    return { state: this.#pending ? 'pending' : 'untitled', code };
  }
}
