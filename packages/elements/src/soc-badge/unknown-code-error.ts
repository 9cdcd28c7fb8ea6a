import { EmbedError } from '@occupational-maps/core';

/** The error a badge reports (`om-error`) for a code that is not a SOC unit group; loaded only when one turns up. */
export const unknownCodeError = (code: string, edition: string, kind: 'not-found' | 'bad-request'): EmbedError =>
  new EmbedError(kind, `“${code}” is not a SOC ${edition} unit-group code.`, { url: '' });
