/**
 * The body sections of `<occupation-card>` as render functions: each takes the occupation and the strings and
 * returns a template (or `nothing` when the section has nothing to show). The element decides which ones show.
 */
import { html, nothing } from 'lit';
import type { Ksb, OccupationDocument, OccupationSummary, Product, ProgressionDocument } from '@occupational-maps/core';
import { productLabel, productMarker } from '../shared/labels.js';
import { formatPounds } from '../shared/currency.js';
import type { OccupationCardStrings } from './occupation-card.strings.js';
import { formatDate, safeExternalHref } from './format.js';
import { heading, renderRichText, richTextHasContent } from './rich-text.js';

type KsbGroup = 'knowledge' | 'skills' | 'behaviours';
const KSB_GROUP_BY_LETTER: Record<string, KsbGroup> = { K: 'knowledge', S: 'skills', B: 'behaviours' };

/** The occupations either side of this one on its progression map. */
export interface ProgressionSides {
  leadsTo: OccupationSummary[];
  comesFrom: OccupationSummary[];
}

export function section(name: string, headingText: string, level: number, body: unknown) {
  return html`<section class="section section--${name}" part="section" aria-labelledby="heading-${name}">
    ${heading(level, headingText, { id: `heading-${name}`, part: 'section-heading', className: 'section-heading' })} ${body}
  </section>`;
}

export function renderOverview(occupation: OccupationDocument, text: OccupationCardStrings, level: number) {
  const facts = [
    occupation.typicalJobTitles.length > 0
      ? html`<div class="fact fact--wide">
          <dt>${text.cardTypicalJobTitles}</dt>
          <dd><ul class="inline-list">${occupation.typicalJobTitles.map((title) => html`<li>${title}</li>`)}</ul></dd>
        </div>`
      : nothing,
    occupation.medianAnnualSalary !== null
      ? html`<div class="fact"><dt>${text.cardMedianSalary}</dt><dd>${formatPounds(occupation.medianAnnualSalary)}</dd></div>`
      : nothing,
    occupation.involvedEmployers.length > 0
      ? html`<div class="fact fact--wide">
          <dt>${text.cardInvolvedEmployers}</dt>
          <dd><ul class="inline-list">${occupation.involvedEmployers.map((name) => html`<li>${name}</li>`)}</ul></dd>
        </div>`
      : nothing,
  ].filter((fact) => fact !== nothing);
  const hasSummary = richTextHasContent(occupation.summary);
  if (!occupation.overview && !hasSummary && facts.length === 0) return nothing;
  return section(
    'overview',
    text.cardOverview,
    level,
    html`${occupation.overview ? html`<p class="lead">${occupation.overview}</p>` : nothing}
      ${hasSummary ? html`<div class="rich-text">${renderRichText(occupation.summary, level + 1, text.opensInNewTab)}</div>` : nothing}
      ${facts.length > 0 ? html`<dl class="facts">${facts}</dl>` : nothing}`,
  );
}

export function renderProducts(occupation: OccupationDocument, text: OccupationCardStrings, level: number, compact: boolean) {
  if (occupation.products.length === 0) return nothing;
  const list = html`<ul class="products" part="products" role="list">
    ${occupation.products.map((product) => renderProduct(product, text, compact))}
  </ul>`;
  return section('products', text.cardProducts, level, list);
}

export function renderProduct(product: Product, text: OccupationCardStrings, compact: boolean) {
  const type = productLabel(product.typeSlug, text, product.typeName);
  const details = [
    text.cardProductCode(product.code),
    product.level !== null ? text.level(product.level) : null,
    compact ? null : product.status,
  ].filter((detail): detail is string => Boolean(detail));
  return html`<li class="product product--${product.typeSlug}" part="product">
    <span class="product__marker" aria-hidden="true">${productMarker(product.typeSlug, product.typeName)}</span>
    <span class="product__text">
      <span class="product__type">${type}${product.careerStarter ? html` · ${text.careerStarter}` : nothing}</span>
      ${product.title && !compact ? html`<span class="product__title">${product.title}</span>` : nothing}
      <span class="product__details">${details.join(' · ')}</span>
    </span>
  </li>`;
}

export function renderApprenticeship(occupation: OccupationDocument, text: OccupationCardStrings, level: number) {
  const apprenticeship = occupation.apprenticeship;
  if (!apprenticeship) return nothing;
  const facts: Array<[string, unknown]> = [
    [text.cardStandard, apprenticeship.version ? text.cardStandardVersion(apprenticeship.standard, apprenticeship.version) : apprenticeship.standard],
  ];
  if (apprenticeship.typicalDurationMonths !== null) facts.push([text.cardTypicalDuration, text.cardDurationMonths(apprenticeship.typicalDurationMonths)]);
  if (apprenticeship.maxFunding !== null) facts.push([text.cardMaxFunding, formatPounds(apprenticeship.maxFunding)]);
  if (apprenticeship.larsCode !== null) facts.push([text.cardLarsCode, String(apprenticeship.larsCode)]);
  if (apprenticeship.entryRequirements) facts.push([text.cardEntryRequirements, apprenticeship.entryRequirements]);
  return section(
    'apprenticeship',
    text.cardApprenticeship,
    level,
    html`<dl class="facts">${facts.map(([term, value]) => html`<div class="fact"><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`,
  );
}

export function renderKsbs(occupation: OccupationDocument, text: OccupationCardStrings, level: number) {
  const groups: Array<[KsbGroup, string, Ksb[]]> = [
    ['knowledge', text.cardKnowledge, occupation.ksbs.knowledge],
    ['skills', text.cardSkills, occupation.ksbs.skills],
    ['behaviours', text.cardBehaviours, occupation.ksbs.behaviours],
  ];
  const shown = groups.filter(([, , items]) => items.length > 0);
  if (shown.length === 0) return nothing;
  return section(
    'ksbs',
    text.cardKsbs,
    level,
    shown.map(
      ([group, label, items]) => html`<details class="disclosure" part="disclosure" data-group=${group}>
        <summary part="disclosure-summary">${label} <span class="count">(${items.length})</span></summary>
        <ul class="ksb-list" role="list">
          ${items.map(
            (item) => html`<li class="ksb" data-ksb=${item.id} tabindex="-1"><span class="ksb__id">${item.id}</span> <span>${item.text}</span></li>`,
          )}
        </ul>
      </details>`,
    ),
  );
}

export function renderDuties(
  occupation: OccupationDocument,
  text: OccupationCardStrings,
  level: number,
  linkKsbs: boolean,
  showKsb: (id: string) => void,
) {
  if (occupation.duties.length === 0) return nothing;
  const known = new Set([...occupation.ksbs.knowledge, ...occupation.ksbs.skills, ...occupation.ksbs.behaviours].map((item) => item.id));
  const showWords: Record<KsbGroup, string> = { knowledge: text.cardShowKnowledge, skills: text.cardShowSkill, behaviours: text.cardShowBehaviour };
  const reference = (id: string) => {
    const group = KSB_GROUP_BY_LETTER[id[0]];
    if (!linkKsbs || !known.has(id) || !group) return html`<span class="ksb-ref ksb-ref--text">${id}</span>`;
    return html`<button type="button" class="ksb-ref" part="ksb-link" @click=${() => showKsb(id)}>
      <span class="om-visually-hidden">${showWords[group]} </span>${id}
    </button>`;
  };
  return section(
    'duties',
    text.cardDuties,
    level,
    html`<details class="disclosure" part="disclosure" data-group="duties">
      <summary part="disclosure-summary">${text.cardAllDuties} <span class="count">(${occupation.duties.length})</span></summary>
      <ol class="duty-list" role="list">
        ${occupation.duties.map(
          (duty) => html`<li class="duty">
            <p class="duty__text"><span class="duty__id">${duty.id}</span> ${duty.text}</p>
            ${duty.ksbs.length > 0
              ? html`<p class="duty__ksbs"><span class="duty__ksbs-label">${text.cardDutyMappedTo}</span> ${duty.ksbs.map(reference)}</p>`
              : nothing}
          </li>`,
        )}
      </ol>
    </details>`,
  );
}

/** The occupations either side of this one on its progression map, by level then title. */
export function progressionSides(document: ProgressionDocument): ProgressionSides {
  const byCode = new Map(document.occupations.map((occupation) => [occupation.code, occupation]));
  const ordered = (codes: string[]) =>
    [...new Set(codes)]
      .map((code) => byCode.get(code))
      .filter((occupation): occupation is OccupationSummary => Boolean(occupation))
      .sort((a, b) => a.level - b.level || a.title.localeCompare(b.title, 'en-GB'));
  return {
    leadsTo: ordered(document.edges.filter((edge) => edge.from === document.key && edge.to !== document.key).map((edge) => edge.to)),
    comesFrom: ordered(document.edges.filter((edge) => edge.to === document.key && edge.from !== document.key).map((edge) => edge.from)),
  };
}

export function renderLinks(occupation: OccupationDocument, text: OccupationCardStrings, level: number) {
  const links: Array<[string, string | null]> = [
    [text.cardOccupationPage, safeExternalHref(occupation.links.occupation)],
    [text.cardStandardPage, safeExternalHref(occupation.links.standard ?? occupation.apprenticeship?.standardPageUrl)],
    [text.cardProgressionPage, safeExternalHref(occupation.links.progression)],
    [text.cardRouteMapPage(occupation.route.name), safeExternalHref(occupation.links.map)],
  ];
  const shown = links.filter((link): link is [string, string] => link[1] !== null);
  const updated = occupation.updatedAt ? formatDate(occupation.updatedAt) : null;
  const version = [occupation.version ? text.cardVersion(occupation.version) : null, updated ? text.cardUpdated(updated) : null].filter(Boolean);
  if (shown.length === 0 && version.length === 0) return nothing;
  return section(
    'links',
    text.cardOfficialPages,
    level,
    html`${shown.length > 0
        ? html`<ul class="links" role="list">
            ${shown.map(
              ([label, href]) => html`<li>
                <a href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="om-visually-hidden"> ${text.opensInNewTab}</span></a>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${version.length > 0 ? html`<p class="version">${version.join(' · ')}</p>` : nothing}`,
  );
}
