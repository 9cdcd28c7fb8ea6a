import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import type { RichText, TextRun } from '@occupational-maps/core';
import { headingTag } from '../shared/heading.js';
import { safeExternalHref } from './format.js';

/** A heading at a computed level, rendered with Lit bindings only. */
export function heading(level: number, content: unknown, attributes: { id?: string; part?: string; className?: string; focusable?: boolean } = {}) {
  const tag = headingTag(level);
  return staticHtml`<${tag} id=${attributes.id ?? nothing} part=${attributes.part ?? nothing} class=${attributes.className ?? nothing}
    tabindex=${attributes.focusable ? '-1' : nothing}>${content}</${tag}>`;
}

function renderRun(run: TextRun, opensInNewTab: string) {
  let content: unknown = run.text;
  if (run.emphasis) content = html`<em>${content}</em>`;
  if (run.strong) content = html`<strong>${content}</strong>`;
  const href = safeExternalHref(run.href);
  if (href) {
    content = html`<a href=${href} target="_blank" rel="noopener noreferrer">${content}<span class="om-visually-hidden"> ${opensInNewTab}</span></a>`;
  }
  return content;
}

const renderRuns = (runs: TextRun[], opensInNewTab: string) => runs.map((run) => renderRun(run, opensInNewTab));

const hasText = (runs: TextRun[]) => runs.some((run) => run.text.trim() !== '');

/**
 * Rich text from the Embed API's safe blocks. Every string goes through a Lit text binding, so markup in the data
 * stays text; empty blocks are dropped so no empty heading or paragraph reaches the page.
 */
export function renderRichText(blocks: RichText, headingLevel: number, opensInNewTab: string) {
  return blocks.map((block) => {
    switch (block.type) {
      case 'paragraph':
        return hasText(block.content) ? html`<p>${renderRuns(block.content, opensInNewTab)}</p>` : nothing;
      case 'heading':
        return hasText(block.content) ? heading(headingLevel, renderRuns(block.content, opensInNewTab), { className: 'rich-heading' }) : nothing;
      case 'list': {
        const items = block.items.filter(hasText).map((item) => html`<li>${renderRuns(item, opensInNewTab)}</li>`);
        if (items.length === 0) return nothing;
        return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
      }
      default:
        return nothing;
    }
  });
}

/** Whether rich text has anything to show. */
export const richTextHasContent = (blocks: RichText): boolean =>
  blocks.some((block) => (block.type === 'list' ? block.items.some(hasText) : hasText(block.content)));
