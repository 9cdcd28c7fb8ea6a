/**
 * The progression section of `<occupation-card>` (the occupations either side of this one on its progression map) as
 * render functions over the element's progression task.
 */
import { html, nothing } from 'lit';
import type { Task } from '@lit/task';
import { EmbedError, type EmbedClient, type OccupationSummary, type ProgressionDocument } from '@occupational-maps/core';
import { statusLabel } from '../shared/labels.js';
import { occupationHref } from '../shared/occupation-href.js';
import { progressionSides, section } from './card-sections.js';
import type { CardHost } from './card-header.js';
import type { OccupationCardStrings } from './occupation-card.strings.js';
import { heading } from './rich-text.js';

/** The card's task loading the progression document (null when the occupation has no progression map). */
export type ProgressionTask = Task<[string | null, string | null, EmbedClient | undefined], ProgressionDocument | null>;

export function renderProgression(progression: ProgressionTask, text: OccupationCardStrings, level: number, host: CardHost) {
  return progression.render({
    pending: () => html`<div class="section section--progression" part="section" aria-hidden="true">
      <div class="skeleton-line skeleton-line--short om-skeleton"></div>
      <div class="skeleton-line om-skeleton"></div>
    </div>`,
    complete: (document) => {
      if (!document) return nothing;
      const { leadsTo, comesFrom } = progressionSides(document);
      if (leadsTo.length === 0 && comesFrom.length === 0) return nothing;
      const list = (label: string, id: string, items: OccupationSummary[]) =>
        items.length === 0
          ? nothing
          : html`${heading(level + 1, label, { id, className: 'progression__label' })}
              <ul class="progression-list" role="list" aria-labelledby=${id}>
                ${items.map((item) => html`<li>${renderProgressionItem(item, text, host)}</li>`)}
              </ul>`;
      return section(
        'progression',
        text.cardProgression,
        level,
        html`${list(text.cardLeadsTo, 'leads-to', leadsTo)} ${list(text.cardComesFrom, 'comes-from', comesFrom)}`,
      );
    },
    error: (error) => {
      const embedError = error instanceof EmbedError ? error : null;
      if (embedError?.kind === 'aborted') return nothing;
      return section(
        'progression',
        text.cardProgression,
        level,
        html`<p>${text.cardProgressionError}</p>
          ${embedError?.retryable !== false
            ? html`<button type="button" class="om-button" part="retry-button" @click=${() => void progression.run()}>${text.retry}</button>`
            : nothing}`,
      );
    },
  });
}

function renderProgressionItem(item: OccupationSummary, text: OccupationCardStrings, host: CardHost) {
  const href = occupationHref(host.occupationHref, item.code);
  const content = html`<span class="progression-item__title">${item.title}</span>
    <span class="progression-item__meta">${text.level(item.level)} · ${statusLabel(item.status, text)}</span>`;
  return href
    ? html`<a class="progression-item" part="progression-item" href=${href} @click=${(event: MouseEvent) => host.select(event, item.code, item.title)}
        >${content}</a
      >`
    : html`<button type="button" class="progression-item" part="progression-item" @click=${(event: MouseEvent) => host.select(event, item.code, item.title)}>
        ${content}
      </button>`;
}
