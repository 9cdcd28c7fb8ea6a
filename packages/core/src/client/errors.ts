import type { EmbedErrorKind } from './types.js';

/** An occupation a not-found request could have meant (the options of a standard: OCC1312 → OCC1312A, OCC1312B). */
export interface EmbedErrorOption {
  code: string;
  title: string;
}

/** Kinds worth trying again later: the same request may well succeed. */
const RETRYABLE: ReadonlySet<EmbedErrorKind> = new Set(['network', 'server', 'rate-limited']);
/** Kinds that say something true about the document itself, so they are cached like a document. */
const CACHEABLE: ReadonlySet<EmbedErrorKind> = new Set(['not-found', 'invalid-document']);

export interface EmbedErrorDetails {
  url: string;
  status?: number;
  cause?: unknown;
  options?: readonly EmbedErrorOption[];
}

/**
 * Why a request for an Embed API v1 document failed, with a readable message (British English) and whether
 * trying again may help. An `aborted` error is named `AbortError`, so code that checks `error.name` still works.
 */
export class EmbedError extends Error {
  readonly kind: EmbedErrorKind;
  readonly status?: number;
  readonly url: string;
  readonly retryable: boolean;
  /**
   * On a `not-found` for the bare code of a standard with options: the option occupations that do exist, from the
   * gateway's error document. Empty otherwise.
   */
  readonly options: readonly EmbedErrorOption[];

  constructor(kind: EmbedErrorKind, message: string, details: EmbedErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = kind === 'aborted' ? 'AbortError' : 'EmbedError';
    this.kind = kind;
    this.url = details.url;
    if (details.status !== undefined) this.status = details.status;
    this.options = Object.freeze((details.options ?? []).map((option) => Object.freeze({ code: option.code, title: option.title })));
    this.retryable = RETRYABLE.has(kind);
  }

  /** True for errors that describe the document (404, invalid JSON or shape) and so are cached, not retried. */
  get cacheable(): boolean {
    return CACHEABLE.has(this.kind);
  }
}

export const isEmbedError = (value: unknown): value is EmbedError => value instanceof EmbedError;
