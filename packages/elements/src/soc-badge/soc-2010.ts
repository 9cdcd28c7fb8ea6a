import type { OccupationDocument } from '@occupational-maps/core';
import { resolveApiBase } from '../shared/api-base.js';
import { clientFor } from '../shared/client-loader.js';
import type { OmElement } from '../shared/om-element.js';

/** The SOC 2010 reference an occupation's document carries. */
export type Soc2010Reference = OccupationDocument['soc']['soc2010'];

/**
 * `<soc-badge edition="2010" occupation="…">`: the SOC 2010 code and title from the occupation's Embed API document.
 * Its own module, loaded only by such badges. `null` when there is none to be had; never rejects.
 */
export async function lookUpSoc2010(host: OmElement, occupation: string, signal: AbortSignal): Promise<Soc2010Reference> {
  try {
    const client = await clientFor(resolveApiBase(host), host.client);
    const document = await client?.get('occupation', occupation, { signal });
    return document?.soc.soc2010 ?? null;
  } catch {
    return null;
  }
}
