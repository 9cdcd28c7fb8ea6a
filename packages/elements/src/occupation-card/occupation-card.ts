import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { Task, TaskStatus } from '@lit/task';
import {
  EmbedError,
  normaliseCode,
  OCCUPATION_CODE,
  STANDARD_REF,
  type OccupationDocument,
} from '@occupational-maps/core';
import { resolveApiBase } from '../shared/api-base.js';
import { clientFor } from '../shared/client-loader.js';
import { AttributionController, attributionStyles } from '../shared/attribution.js';
import { DataController } from '../shared/data-controller.js';
import { OmElement } from '../shared/om-element.js';
import { occupationCardDefaults, type OccupationCardStrings } from './occupation-card.strings.js';
import type { FavouriteToggleStrings } from '../favourite-toggle/favourite-toggle.strings.js';
import { sharedStyles } from '../shared/state-styles.js';
import { paletteTokens } from '../shared/palette-tokens.js';
import { tokens } from '../shared/styles.js';
import { cardStyles } from './occupation-card.styles.js';
import { parseSections, type CardSection } from './format.js';
import {
  renderApprenticeship,
  renderDuties,
  renderKsbs,
  renderLinks,
  renderOverview,
  renderProducts,
} from './card-sections.js';
import { heading } from './rich-text.js';
import { renderHeader, type CardHost } from './card-header.js';
import { renderProgression, type ProgressionTask } from './card-progression.js';
import { CoursesController, renderCoursesNotice } from '../courses/courses-controller.js';
import { matchCourses } from '../courses/course-match.js';
import type { Course, CourseList } from '../courses/course-list.js';
import { renderCourseList } from '../courses/course-view.js';
import { coursesStyles } from '../courses/courses.styles.js';
import { isOptionsChoice, loadStandardOptions, optionsFromNotFound, renderOptionsChoice, type OptionsChoice } from './options-choice.js';

/** Where a person can look an occupation up when the code given to the card is wrong. */
const OFFICIAL_MAPS_URL = 'https://occupational-maps.skillsengland.education.gov.uk/';

/** What the card was asked to show, checked before any request is made. */
type Subject =
  | { kind: 'none' }
  | { kind: 'invalid'; message: string }
  | { kind: 'occupation'; code: string }
  | { kind: 'standard'; reference: string };

/**
 * One occupation from the Skills England occupational maps: what the official map's pop-up and the apprenticeship
 * standard page carry, in the space the host gives it.
 *
 * Give it `code="OCC0499"`, or `standard="ST0499"` to show the occupation an apprenticeship standard belongs to.
 * Progression items and (with `occupation-href`) titles fire a cancelable `om-occupation-select`; left uncancelled, a
 * progression item without a link shows that occupation in the same card.
 * A standard with options (`standard="ST1312"`), or the bare code of one (`code="OCC1312"`, which the data answers
 * with a 404 naming the options), shows a choice between its option occupations; choosing one works as a progression
 * item does, and "Back to …" returns to the choice.
 *
 * @summary An occupation's level, status, products, KSBs, duties and progression, as an embeddable card.
 *
 * @fires om-load - The occupation loaded and rendered. `detail: { path }`.
 * @fires om-error - The occupation could not be loaded, or the code is not valid. `detail: { error, retryable }`.
 * @fires om-occupation-select - A person chose an occupation (a progression item, a linked title, or one listed in the
 *   SOC badge's detail, or an option of a standard). Cancelable: call `preventDefault()` to stop the link being followed or the card moving to
 *   that occupation. `detail: { code, title }`.
 * @fires om-favourite-change - With `favourites`: before the star adds or removes the occupation. Cancelable. `detail: { code, favourite }`.
 *
 * @slot - Fallback content (for example a plain link to the occupation), shown before the element loads and again if
 *   the data cannot be loaded.
 * @slot actions - The host's call to action (for example "See our courses"), shown under the card's header.
 * @slot courses-heading - Replaces the heading "Study with us" of the college's courses (with `courses-src`).
 *
 * @csspart base - The card.
 * @csspart header - The title block: route, title, level, status and SOC code.
 * @csspart breadcrumb - Route › pathway › cluster.
 * @csspart title - The occupation title heading.
 * @csspart favourite - The favourite star beside the title (with the `favourites` attribute).
 * @csspart title-link - The title's link, when `occupation-href` is set.
 * @csspart level - The level and band.
 * @csspart status - The status words and icon.
 * @csspart status-icon - The status shape.
 * @csspart actions - The wrapper of the `actions` slot.
 * @csspart back-button - "Back to …": after a person followed progression items, returns to the occupation the host set.
 * @csspart section - Each section of the card body.
 * @csspart section-heading - Each section heading.
 * @csspart products - The list of apprenticeships and qualifications.
 * @csspart product - One apprenticeship or qualification.
 * @csspart disclosure - Each expandable block (knowledge, skills, behaviours, duties).
 * @csspart disclosure-summary - The clickable line of an expandable block.
 * @csspart ksb-link - A duty's link to one of its knowledge, skills or behaviours.
 * @csspart progression-item - A "leads to" or "comes from" occupation.
 * @csspart options - The choice between a standard's option occupations (with `base`).
 * @csspart option - One option occupation in that choice: a button, or a link with `occupation-href`.
 * @csspart courses - The "Study with us" section: the college's courses that lead to this occupation.
 * @csspart course-list - The list of those courses.
 * @csspart course - One course.
 * @csspart course-link - A course's title, linking to the college's page.
 * @csspart courses-notice - The notice shown when the course list cannot be used.
 * @csspart attribution - The licence attribution line.
 * @csspart sample-notice - The attribution line when the data is the embedded sample (also the words "Sample data" in it).
 * @csspart skeleton - The loading placeholder.
 * @csspart state - The wrapper of the loading, error and loaded states.
 * @csspart error - The error block.
 * @csspart message - The message shown when no or an invalid code is given.
 * @csspart retry-button - The Retry button of the error state.
 *
 * @cssproperty --om-card-max-width - The widest the card grows (default none).
 * @cssproperty --om-card-padding - Space inside the card (default 16px, 24px in wide containers).
 * @cssproperty --om-card-border - The card's border (default 1px solid the border colour).
 * @cssproperty --om-card-highlight - The background a KSB flashes when a duty's link moves to it (default the focus colour).
 * @cssproperty --om-color-green - The green-occupation marker (default #00703c).
 */
export class OccupationCard extends OmElement {
  static override styles = [tokens, paletteTokens, sharedStyles, attributionStyles, coursesStyles, cardStyles];

  /** Per-element overrides of any visible string, this element's own included (passed on to the elements it shows). */
  @property({ attribute: false }) override strings: Partial<OccupationCardStrings & FavouriteToggleStrings> = {};

  /** The occupation code, e.g. `OCC0499` (case and spaces are forgiven). */
  @property({ reflect: true }) code?: string;

  /** An apprenticeship standard reference, e.g. `ST0499`: the card shows its occupation. Ignored when `code` is set. */
  @property({ reflect: true }) standard?: string;

  /** `full` (the default) shows every section; `compact` shows title, level, status, products and SOC code. */
  @property({ reflect: true }) variant: 'compact' | 'full' = 'full';

  /**
   * Which sections show, comma separated, in any order: `overview`, `products`, `ksbs`, `duties`, `progression`,
   * `links`. Without it, a full card shows them all and a compact card shows `products`.
   */
  @property() sections?: string;

  /**
   * A URL template for the host's own page about an occupation, e.g. `https://college.example/courses?occupation={code}`.
   * Titles and progression items link there. Only http(s) and relative URLs are used; `{code}` is URL-encoded.
   */
  @property({ attribute: 'occupation-href' }) occupationHref?: string;

  /** The level of the title heading (2 by default); section headings are one below. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Hides the licence attribution, for hosts that show it elsewhere on the page (never the sample-data notice). */
  @property({ type: Boolean, attribute: 'no-attribution' }) noAttribution = false;

  private readonly attribution = new AttributionController(this);

  /** Shows a `<favourite-toggle>` star beside the title, so people can save the occupation to their favourites. */
  @property({ type: Boolean }) favourites = false;

  /**
   * A college's course list (JSON or CSV; an http(s) or relative URL, or `#id` of a script element): the courses that
   * lead to this occupation show as "Study with us", above the products. Without it, the page's
   * `<script type="application/json" data-om-courses>` is used when there is one.
   */
  @property({ attribute: 'courses-src' }) coursesSrc?: string;

  /** A course list given by script (from `parseCourseList`); wins over `courses-src`. `null`: no courses. */
  @property({ attribute: false }) courses?: CourseList | null;

  /** Shows the college's courses first, above the rest of the card (as `<route-map>`'s dialog does). */
  @property({ type: Boolean, attribute: 'courses-first' }) coursesFirst = false;

  private readonly coursesController = new CoursesController(this);

  /** An occupation, or (for a standard with options, or the bare code of one) the choice between its occupations. */
  private readonly data = new DataController<OccupationDocument | OptionsChoice>(this, {
    request: () => {
      const subject = this.subject;
      if (subject.kind === 'occupation') {
        return {
          path: `occupations/${subject.code}.json`,
          load: (client, signal) => client.get('occupation', subject.code, { signal }).catch((error) => optionsFromNotFound(subject.code, error)),
        };
      }
      if (subject.kind === 'standard') {
        return {
          path: `standards/${subject.reference}.json`,
          load: async (client, signal) => {
            const standard = await client.get('standard', subject.reference, { signal });
            if (standard.occupations.length > 1) return loadStandardOptions(client, subject.reference, standard.occupations, signal);
            return client.get('occupation', standard.occupation, { signal });
          },
        };
      }
      return null;
    },
  });

  /** Progression is its own request, made only when the section shows, so a compact card costs one request. */
  private readonly progression: ProgressionTask = new Task(this, {
    args: () => [this.progressionCode, resolveApiBase(this), this.client],
    task: async ([code, apiBase, injected], { signal }) => {
      if (!code) return null;
      const client = await clientFor(apiBase, injected);
      if (!client) return null;
      try {
        return await client.get('progression', code, { signal });
      } catch (error) {
        // An occupation without a progression document simply has no progression section.
        if (error instanceof EmbedError && error.kind === 'not-found') return null;
        throw error;
      }
    },
  });

  /** Whether the host slotted a call to action, so an empty actions row takes no space. */
  @state() private hasActions = false;

  /** Set when the card moves to another occupation itself, so focus follows to the new title once it loads. */
  private focusTitleOnLoad = false;
  /**
   * The occupation the host set, kept while a person follows progression items to others, so the card offers a way
   * back and an employer's advert never drifts for good. Cleared when the host sets a new one, or on the way back.
   */
  @state() private home: { code?: string; standard?: string; title: string } | null = null;
  /** True while the card itself changes `code` (so the change is not taken for the host's). */
  private movingItself = false;
  private lastInvalidMessage: string | null = null;
  private closeAfterPrint: HTMLDetailsElement[] = [];

  /** What the render modules (card-header.ts, card-progression.ts) read from the element. */
  private get cardHost(): CardHost {
    return {
      element: this,
      occupationHref: this.occupationHref,
      headingLevel: this.headingLevel,
      favourites: this.favourites,
      strings: this.strings,
      client: this.client,
      select: (event, code, title) => this.select(event, code, title),
    };
  }

  private get subject(): Subject {
    const text = this.textWithoutSubject; // not this.text, which reads the subject
    if (this.code?.trim()) {
      const code = normaliseCode(this.code);
      return OCCUPATION_CODE.test(code) ? { kind: 'occupation', code } : { kind: 'invalid', message: text.cardInvalidCode(this.code.trim()) };
    }
    if (this.standard?.trim()) {
      const reference = normaliseCode(this.standard);
      return STANDARD_REF.test(reference)
        ? { kind: 'standard', reference }
        : { kind: 'invalid', message: text.cardInvalidStandard(this.standard.trim()) };
    }
    return { kind: 'none' };
  }

  private get shownSections(): ReadonlySet<CardSection> {
    return parseSections(this.sections, this.variant === 'compact' ? 'compact' : 'full');
  }

  /**
   * The occupation whose progression the card shows. Given by code, it is asked for at once, beside the occupation
   * (two requests in parallel, one round trip; the card shows everything else as soon as the occupation arrives and
   * the progression when it does). Given by standard, the code is known only once the occupation has loaded.
   */
  private get progressionCode(): string | null {
    if (!this.shownSections.has('progression') || this.data.deferred) return null;
    const subject = this.subject;
    if (subject.kind === 'occupation') return subject.code;
    const value = this.data.status === TaskStatus.COMPLETE ? this.data.value : undefined;
    return value && !isOptionsChoice(value) ? value.code : null;
  }

  private get textWithoutSubject(): OccupationCardStrings {
    return { ...occupationCardDefaults, ...this.strings };
  }

  /** The not-found message names the code the person gave, rather than a generic "not found". */
  override get text(): OccupationCardStrings {
    const text = this.textWithoutSubject;
    if (this.strings.errorNotFound !== undefined) return text;
    const subject = this.subject;
    if (subject.kind === 'occupation') return { ...text, errorNotFound: text.cardNotFound(subject.code) };
    if (subject.kind === 'standard') return { ...text, errorNotFound: text.cardStandardNotFound(subject.reference) };
    return text;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.openForPrint);
    window.addEventListener('afterprint', this.restoreAfterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.openForPrint);
    window.removeEventListener('afterprint', this.restoreAfterPrint);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('code') || changed.has('standard')) {
      const backHome = this.home && this.home.code === this.code && this.home.standard === this.standard;
      if (!this.movingItself || backHome) this.home = null;
      this.movingItself = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.reportInvalidSubject();
    const settled = this.data.status === TaskStatus.COMPLETE || this.data.status === TaskStatus.ERROR;
    if (this.focusTitleOnLoad && settled) {
      // The chosen item's button is gone with the old occupation; focus goes to the new title, or to Retry on failure.
      this.focusTitleOnLoad = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="title-link"], [part~="title"], [part~="retry-button"]')?.focus();
    }
  }

  /** An invalid code never reaches the network, but the host still hears about it, once per value. */
  private reportInvalidSubject(): void {
    const subject = this.subject;
    const message = subject.kind === 'invalid' ? subject.message : null;
    if (message === this.lastInvalidMessage) return;
    this.lastInvalidMessage = message;
    if (message) this.emit('om-error', { error: new EmbedError('bad-request', message, { url: '' }), retryable: false });
  }

  override render() {
    const subject = this.subject;
    const text = this.text;
    if (subject.kind === 'none' || subject.kind === 'invalid') {
      return html`<div class="card card--message" part="base">
        <p class="om-message" part="message" role="alert">${subject.kind === 'none' ? text.cardNoCode : subject.message}</p>
        <div class="fallback"><slot></slot></div>
      </div>`;
    }
    return this.data.render({
      loading: () => this.renderSkeleton(),
      complete: (value) =>
        isOptionsChoice(value)
          ? keyed(`options:${value.asked}`, renderOptionsChoice(value, {
              text,
              headingLevel: this.headingLevel,
              hrefTemplate: this.occupationHref,
              choose: (event, code, title) => this.select(event, code, title),
              before: this.renderBack(text),
              after: this.attribution.render(text, this.noAttribution),
            }))
          : keyed(value.code, this.renderCard(value, text)),
      error: (error) =>
        error.kind === 'not-found'
          ? html`${this.renderBack(text)}<p class="om-error__guidance">
              ${text.cardNotFoundGuidance}
              <a href=${OFFICIAL_MAPS_URL} target="_blank" rel="noopener noreferrer"
                >${text.cardSearchOfficialMaps}<span class="om-visually-hidden"> ${text.opensInNewTab}</span></a
              >.
            </p>`
          : this.renderBack(text),
    });
  }

  private renderSkeleton() {
    const compact = this.variant === 'compact';
    return html`<div class="card card--skeleton" part="base skeleton" aria-hidden="true">
      <div class="skeleton-line skeleton-line--short om-skeleton"></div>
      <div class="skeleton-line skeleton-line--title om-skeleton"></div>
      <div class="skeleton-line skeleton-line--short om-skeleton"></div>
      ${compact
        ? nothing
        : html`<div class="skeleton-line om-skeleton"></div>
            <div class="skeleton-line om-skeleton"></div>
            <div class="skeleton-line skeleton-line--block om-skeleton"></div>`}
    </div>`;
  }

  private renderCard(occupation: OccupationDocument, text: OccupationCardStrings) {
    const sections = this.shownSections;
    const compact = this.variant === 'compact';
    const sub = this.headingLevel + 1;
    const main = [
      sections.has('overview') ? renderOverview(occupation, text, sub) : nothing,
      sections.has('ksbs') ? renderKsbs(occupation, text, sub) : nothing,
      sections.has('duties') ? renderDuties(occupation, text, sub, sections.has('ksbs'), (id) => this.showKsb(id)) : nothing,
    ];
    const courses = sections.has('courses') ? this.renderCourses(occupation, text, sub) : nothing;
    const aside = [
      this.coursesFirst ? nothing : courses,
      sections.has('products') ? renderProducts(occupation, text, sub, compact) : nothing,
      sections.has('products') && !compact ? renderApprenticeship(occupation, text, sub) : nothing,
      sections.has('progression') ? renderProgression(this.progression, text, sub, this.cardHost) : nothing,
      sections.has('links') ? renderLinks(occupation, text, sub) : nothing,
    ];
    return html`<article class="card card--${compact ? 'compact' : 'full'}" part="base" aria-labelledby="title">
      <div class="layout">
        ${this.renderBack(text)}
        ${renderHeader(occupation, text, compact, this.cardHost)}
        <div class="actions" part="actions" ?hidden=${!this.hasActions}><slot name="actions" @slotchange=${this.onActionsChange}></slot></div>
        ${sections.has('courses') ? renderCoursesNotice(this.coursesController.state, text) : nothing}
        ${this.coursesFirst ? courses : nothing}
        <div class="body">
          <div class="main">${main}</div>
          <div class="aside">${aside}</div>
        </div>
        ${this.attribution.render(text, this.noAttribution)}
      </div>
    </article>`;
  }

  /** The college's courses that reach this occupation, by any of its codes (its own, its products', its LARS code). */
  private coursesFor(occupation: OccupationDocument): readonly Course[] {
    const list = this.coursesController.list;
    if (!list) return [];
    const target = { code: occupation.code, products: occupation.products.map((product) => product.code), larsCode: occupation.apprenticeship?.larsCode };
    return matchCourses(list, [target]).byOccupation.get(occupation.code) ?? [];
  }

  private renderCourses(occupation: OccupationDocument, text: OccupationCardStrings, level: number) {
    const courses = this.coursesFor(occupation);
    if (courses.length === 0) return nothing;
    return html`<section class="section section--courses" part="section courses" aria-labelledby="heading-courses">
      ${heading(level, html`<slot name="courses-heading">${text.coursesStudyWithUs}</slot>`, {
        id: 'heading-courses',
        part: 'section-heading',
        className: 'section-heading',
      })}
      ${renderCourseList(courses, text)}
    </section>`;
  }

  /** Opens the disclosure holding a KSB and moves focus to it, so a duty's codes work like in-page links. */
  private showKsb(id: string): void {
    const item = this.renderRoot.querySelector<HTMLElement>(`[data-ksb="${CSS.escape(id)}"]`);
    if (!item) return;
    const details = item.closest('details');
    if (details) details.open = true;
    item.classList.remove('ksb--highlight');
    void item.offsetWidth; // restart the highlight animation when the same KSB is chosen twice
    item.classList.add('ksb--highlight');
    item.focus();
  }

  /**
   * Tells the host an occupation was chosen. A cancelled event stops the default: following the link, or (for a
   * progression button) showing that occupation in this card.
   */
  private select(event: MouseEvent, code: string, title: string): void {
    const proceed = this.emit('om-occupation-select', { code, title }, { cancelable: true });
    if (!proceed) {
      event.preventDefault();
      return;
    }
    if (event.currentTarget instanceof HTMLButtonElement) {
      this.home ??= { code: this.code, standard: this.standard, title: this.data.value?.title ?? this.code ?? this.standard ?? '' };
      this.moveTo(this.home.code === code ? this.home : { code });
    }
  }

  private moveTo(subject: { code?: string; standard?: string }): void {
    this.focusTitleOnLoad = true;
    this.movingItself = true;
    this.standard = subject.standard;
    this.code = subject.code;
  }

  private goBack = (): void => {
    if (this.home) this.moveTo(this.home);
  };

  /** "Back to …", once a person has moved the card away from the occupation the host set. */
  private renderBack(text: OccupationCardStrings) {
    if (!this.home) return nothing;
    return html`<p class="back"><button type="button" class="om-button back__button" part="back-button" @click=${this.goBack}>
      <span aria-hidden="true">←</span>${text.cardBackTo(this.home.title)}
    </button></p>`;
  }

  private onActionsChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.hasActions = slot
      .assignedNodes({ flatten: true })
      .some((node) => node.nodeType === Node.ELEMENT_NODE || (node.textContent ?? '').trim() !== '');
  };

  /** Printing shows every disclosure open; the ones a person had closed close again afterwards. */
  private openForPrint = (): void => {
    this.closeAfterPrint = [...this.renderRoot.querySelectorAll('details')].filter((details) => !details.open);
    for (const details of this.closeAfterPrint) details.open = true;
  };

  private restoreAfterPrint = (): void => {
    for (const details of this.closeAfterPrint) details.open = false;
    this.closeAfterPrint = [];
  };
}
