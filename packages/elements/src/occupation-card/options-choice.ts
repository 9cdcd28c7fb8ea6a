import { html } from 'lit';
import { EmbedError, type EmbedClient, type OccupationDocument } from '@occupational-maps/core';
import { occupationHref } from '../shared/occupation-href.js';
import { heading } from './rich-text.js';
import type { OccupationCardStrings } from './occupation-card.strings.js';

/** One occupation a standard with options offers (ST1312 → OCC1312A "… conveyancing technician", OCC1312B …). */
export interface OccupationOption {
  code: string;
  title: string;
}

/**
 * What the card shows instead of an occupation when it was given a standard with more than one occupation, or the bare
 * code of one (`OCC1312`, which the data answers with a 404 naming its options): a choice between them.
 */
export interface OptionsChoice {
  kind: 'options';
  /** What the person asked for: the standard reference or the bare occupation code. */
  asked: string;
  /** The name the options share ("Legal technician"), or `asked` when they share none. */
  title: string;
  options: readonly OccupationOption[];
}

export const isOptionsChoice = (value: unknown): value is OptionsChoice =>
  typeof value === 'object' && value !== null && (value as OptionsChoice).kind === 'options';

/** The name option titles share before " - " (upstream titles options "Legal technician - probate technician"). */
export function sharedTitle(titles: readonly string[]): string | null {
  const heads = titles.map((title) => title.split(/\s+[-–]\s+/)[0]!.trim());
  return heads.length > 0 && heads[0] !== '' && heads.every((head) => head === heads[0]) && heads[0] !== titles[0] ? heads[0]! : null;
}

export function optionsChoice(asked: string, options: readonly OccupationOption[]): OptionsChoice {
  return { kind: 'options', asked, title: sharedTitle(options.map((option) => option.title)) ?? asked, options };
}

/**
 * A standard with more than one occupation: the choice, with each option's title from its own document. An option the
 * data does not hold (404) is not offered; when only one is left the card simply shows it, as for any standard.
 */
export async function loadStandardOptions(
  client: EmbedClient,
  reference: string,
  codes: readonly string[],
  signal: AbortSignal,
): Promise<OccupationDocument | OptionsChoice> {
  const results = await Promise.all(
    codes.map((code) =>
      client.get('occupation', code, { signal }).catch((error: unknown) => {
        if (error instanceof EmbedError && error.kind === 'not-found') return error;
        throw error;
      }),
    ),
  );
  const found = results.filter((result): result is OccupationDocument => !(result instanceof EmbedError));
  if (found.length === 0) throw results[0];
  if (found.length === 1) return found[0]!;
  return optionsChoice(reference, found.map(({ code, title }) => ({ code, title })));
}

/** A 404 for a bare code that names its options becomes the choice; any other failure stays a failure. */
export function optionsFromNotFound(code: string, error: unknown): OptionsChoice {
  if (error instanceof EmbedError && error.kind === 'not-found' && error.options.length > 0) return optionsChoice(code, error.options);
  throw error;
}

export interface OptionsChoiceView {
  text: OccupationCardStrings;
  headingLevel: number;
  /** The host's `occupation-href` template: with it, options are links. */
  hrefTemplate?: string;
  /** A person chose an option (a click on its link or button). */
  choose: (event: MouseEvent, code: string, title: string) => void;
  /** What shows above the choice ("Back to …") and under it (the attribution line). */
  before: unknown;
  after: unknown;
}

/**
 * The choice: a heading that is the card's title ("Legal technician has 2 options: choose one") and a list of
 * buttons, or links with `occupation-href`, one per option.
 */
export function renderOptionsChoice(choice: OptionsChoice, view: OptionsChoiceView) {
  const { text } = view;
  return html`<article class="card card--options" part="base options" aria-labelledby="title">
    <div class="layout">
      ${view.before}
      <header class="header" part="header">
        ${heading(view.headingLevel, text.cardOptionsTitle(choice.title, choice.options.length), { id: 'title', part: 'title', className: 'title', focusable: true })}
        <p class="options__intro">${text.cardOptionsIntro(choice.asked)}</p>
      </header>
      <ul class="progression-list options-list" role="list" aria-labelledby="title">
        ${choice.options.map((option) => {
          const href = occupationHref(view.hrefTemplate, option.code);
          const content = html`<span class="progression-item__title">${option.title}</span>
            <span class="progression-item__meta"><span class="om-visually-hidden">${text.cardOccupationCode}: </span>${option.code}</span>`;
          const onClick = (event: MouseEvent) => view.choose(event, option.code, option.title);
          return html`<li>
            ${href
              ? html`<a class="progression-item" part="option" href=${href} @click=${onClick}>${content}</a>`
              : html`<button type="button" class="progression-item" part="option" @click=${onClick}>${content}</button>`}
          </li>`;
        })}
      </ul>
      ${view.after}
    </div>
  </article>`;
}
