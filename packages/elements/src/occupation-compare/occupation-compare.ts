import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { EmbedError, OCCUPATION_CODE, type EmbedClient, type OccupationDocument } from '@occupational-maps/core';
import { OmElement } from '../shared/om-element.js';
import { cssProperty } from '../shared/css-property.js';
import { DataController, messageFor } from '../shared/data-controller.js';
import { sharedStyles } from '../shared/state-styles.js';
import { paletteTokens } from '../shared/palette-tokens.js';
import { tokens } from '../shared/styles.js';
import { AttributionController, attributionStyles } from '../shared/attribution.js';
import { formatPounds } from '../shared/currency.js';
import { bandLabel, productLabel, statusIcon, statusLabel } from '../shared/labels.js';
import { occupationCompareDefaults, type OccupationCompareStrings } from './occupation-compare.strings.js';
import { compareStatements, MAX_COMPARED, parseCodes, type CategoryComparison, type Statement } from './compare.js';
import { occupationCompareStyles } from './occupation-compare.styles.js';

/** One compared column: the occupation, or why it could not be shown. */
type Column = { code: string; occupation: OccupationDocument; problem?: undefined } | { code: string; occupation?: undefined; problem: string };

interface Row {
  label: string;
  value: (occupation: OccupationDocument) => unknown;
}

/**
 * Two or three occupations side by side: a table of the facts a learner or an adviser weighs (level, status,
 * products, duration, funding, SOC, job titles), then what their knowledge, skills, behaviours and duties share
 * and where they differ. Below about 600 px the table becomes one card per occupation.
 *
 * @summary Compares two or three occupations, including their shared and distinct KSBs and duties.
 *
 * @fires om-load - The occupations arrived and rendered. Detail `{ path }` (their paths, comma separated).
 * @fires om-error - None of them could be loaded. Detail `{ error, retryable }`.
 *
 * @slot - Fallback content, shown again if the data cannot be loaded.
 *
 * @csspart base - The element's wrapper.
 * @csspart note - The note when more than three codes were given.
 * @csspart table - The comparison table (wide containers).
 * @csspart cards - The stacked cards (narrow containers).
 * @csspart card - One occupation's card.
 * @csspart not-found - The message in place of an occupation that could not be shown.
 * @csspart statements - One category (knowledge, skills, behaviours, duties) of the shared/distinct comparison.
 * @csspart message - The message shown before any codes are given.
 * @csspart attribution - The data licence statement.
 * @csspart sample-notice - The attribution line when the data is the embedded sample (also the words "Sample data" in it).
 */
export class OccupationCompare extends OmElement {
  static override styles = [tokens, paletteTokens, sharedStyles, attributionStyles, occupationCompareStyles];

  /** Per-element overrides of any visible string, this element's own included. */
  @property({ attribute: false }) override strings: Partial<OccupationCompareStrings> = {};

  /** The strings in force: the defaults with this element's overrides on top. @internal */
  override get text(): OccupationCompareStrings {
    return { ...occupationCompareDefaults, ...this.strings };
  }

  /** Two or three occupation codes, comma separated, e.g. `OCC0499,OCC0031`. Only the first three are compared. */
  @property({ reflect: true }) codes = '';

  /** The heading level (1–6) of the cards' and sections' headings, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Hides the licence statement; only when the host page shows it near the comparison. */
  @property({ type: Boolean, attribute: 'no-attribution' }) noAttribution = false;

  private readonly attribution = new AttributionController(this);

  private readonly data = new DataController<Column[]>(this, {
    request: () => {
      const codes = parseCodes(this.codes).slice(0, MAX_COMPARED);
      if (codes.length === 0) return null;
      return {
        path: codes.map((code) => `occupations/${code}.json`).join(','),
        load: (client, signal) => this.loadColumns(client, codes, signal),
      };
    },
  });

  /** Loads every occupation at once; one failing leaves the others standing, all failing alike is an error state. */
  private async loadColumns(client: EmbedClient, codes: string[], signal: AbortSignal): Promise<Column[]> {
    const text = this.text;
    const settled = await Promise.allSettled(
      codes.map((code) => (OCCUPATION_CODE.test(code) ? client.get('occupation', code, { signal }) : Promise.reject(null))),
    );
    const errors = settled.flatMap((result) => (result.status === 'rejected' && result.reason instanceof EmbedError ? [result.reason] : []));
    const aborted = errors.find((error) => error.kind === 'aborted');
    if (aborted) throw aborted;
    // Every request failed for a reason a retry may fix: one error state with Retry says more than three messages.
    if (errors.length === codes.length && errors.every((error) => error.retryable)) throw errors[0];
    return settled.map((result, index): Column => {
      const code = codes[index]!;
      if (result.status === 'fulfilled') return { code, occupation: result.value };
      const error: unknown = result.reason;
      if (!(error instanceof EmbedError)) return { code, problem: text.compareInvalidCode(code) };
      if (error.kind === 'not-found') return { code, problem: text.compareNotFound(code) };
      return { code, problem: messageFor(error, text) };
    });
  }

  protected override render() {
    const text = this.text;
    return html`<div class="base" part="base">
      ${this.data.render({
        initial: () => html`<p class="message" part="message">${text.compareNoCodes}</p>`,
        complete: (columns) => this.renderComparison(columns),
        loading: () => html`<div class="om-skeleton skeleton" part="skeleton"></div>`,
      })}
      ${this.attribution.render(text, this.noAttribution)}
    </div>`;
  }

  private get level(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 3, 1), 6);
  }

  private renderComparison(columns: Column[]) {
    const text = this.text;
    const total = parseCodes(this.codes).length;
    const rows = this.rows(text);
    const titles = text.compareAnd(columns.map((column) => column.occupation?.title ?? column.code));
    return html`
      ${total > MAX_COMPARED ? html`<p class="note" part="note">${text.compareTooMany(total)}</p>` : nothing}
      <div class="table-view">
        <table part="table" ${cssProperty('--_compared', String(columns.length))}>
          <caption>${text.compareCaption(titles)}</caption>
          <thead>
            <tr>
              <td class="corner"></td>
              ${columns.map((column) => html`<th scope="col">${this.renderTitle(column)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row, rowIndex) => html`<tr>
                <th scope="row">${row.label}</th>
                ${columns.map((column) =>
                  column.occupation
                    ? html`<td>${row.value(column.occupation)}</td>`
                    : rowIndex === 0
                      ? html`<td rowspan=${rows.length} class="not-found" part="not-found">${column.problem}</td>`
                      : nothing,
                )}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="cards-view" part="cards">
        ${columns.map(
          (column, index) => html`<section class="card" part="card" aria-labelledby="om-card-${index}">
            <div role="heading" aria-level=${this.level} class="card__title" id="om-card-${index}">${this.renderTitle(column)}</div>
            ${column.occupation
              ? html`<dl>
                  ${rows.map((row) => html`<div class="card__row"><dt>${row.label}</dt><dd>${row.value(column.occupation)}</dd></div>`)}
                </dl>`
              : html`<p class="not-found" part="not-found">${column.problem}</p>`}
          </section>`,
        )}
      </div>
      ${this.renderStatements(columns.flatMap((column) => (column.occupation ? [column.occupation] : [])))}
    `;
  }

  private renderTitle(column: Column) {
    if (!column.occupation) return column.code;
    return html`<span class="title">${column.occupation.title}</span> <span class="code">${column.code}</span>`;
  }

  private rows(text: OccupationCompareStrings): Row[] {
    const notAvailable = html`<span class="muted">${text.compareNotAvailable}</span>`;
    const list = (items: readonly unknown[]) =>
      items.length ? html`<ul class="plain">${items.map((item) => html`<li>${item}</li>`)}</ul>` : html`<span class="muted">${text.compareNone}</span>`;
    return [
      { label: text.compareLevel, value: (o) => text.level(o.level) },
      { label: text.compareBand, value: (o) => bandLabel(o.band, text) },
      {
        label: text.compareStatus,
        value: (o) => html`<span class="status status--${o.status}">${statusIcon(o.status)} ${statusLabel(o.status, text)}</span>`,
      },
      {
        label: text.compareProducts,
        value: (o) => list(o.products.map((product) => `${productLabel(product.typeSlug, text, product.typeName)}: ${product.title ?? product.code} (${product.code})`)),
      },
      {
        label: text.compareDuration,
        value: (o) => (o.apprenticeship?.typicalDurationMonths != null ? text.compareMonths(o.apprenticeship.typicalDurationMonths) : notAvailable),
      },
      {
        label: text.compareFunding,
        value: (o) => (o.apprenticeship?.maxFunding != null ? formatPounds(o.apprenticeship.maxFunding) : notAvailable),
      },
      {
        label: text.compareSoc,
        value: (o) => (o.soc.soc2020 ? `${o.soc.soc2020.code} ${o.soc.soc2020.title}` : o.soc2020 ?? notAvailable),
      },
      { label: text.compareJobTitles, value: (o) => list(o.typicalJobTitles) },
    ];
  }

  private renderStatements(occupations: OccupationDocument[]) {
    const text = this.text;
    const heading = html`<div role="heading" aria-level=${this.level} class="statements__heading" id="om-statements">${text.compareSharedHeading}</div>`;
    if (occupations.length < 2) {
      return html`<section class="statements" aria-labelledby="om-statements">${heading}<p>${text.compareNeedsTwo}</p></section>`;
    }
    const titles = occupations.map((occupation) => occupation.title);
    const names: Record<CategoryComparison['category'], string> = {
      knowledge: text.compareKnowledge,
      skills: text.compareSkills,
      behaviours: text.compareBehaviours,
      duties: text.compareDuties,
    };
    const group = (title: string, statements: Statement[]): TemplateResult | typeof nothing =>
      statements.length
        ? html`<div class="group">
            <p class="group__title">${title} (${statements.length})</p>
            <ul>${statements.map((statement) => html`<li>${statement.text}</li>`)}</ul>
          </div>`
        : nothing;
    return html`<section class="statements" aria-labelledby="om-statements">
      ${heading}
      ${compareStatements(occupations)
        .filter((comparison) => comparison.total > 0)
        .map(
          (comparison) => html`<details part="statements" open data-category=${comparison.category}>
            <summary>${text.compareGroupSummary(names[comparison.category], comparison.sharedByAll.length, comparison.total)}</summary>
            ${group(text.compareSharedByAll, comparison.sharedByAll)}
            ${[...comparison.sharedBySome].map(([key, statements]) =>
              group(text.compareSharedBy(text.compareAnd(key.split(',').map((index) => titles[Number(index)]!))), statements),
            )}
            ${comparison.only.map((statements, index) => group(text.compareOnlyIn(titles[index]!), statements))}
          </details>`,
        )}
    </section>`;
  }
}
