import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { Task, TaskStatus } from '@lit/task';
import { EmbedError, findRoute, ROUTES, STATUS_VALUES, type EmbedClient } from '@occupational-maps/core';
import { OmElement } from '../shared/om-element.js';
import { resolveApiBase } from '../shared/api-base.js';
import { clientFor } from '../shared/client-loader.js';
import { sharedStyles } from '../shared/state-styles.js';
import { tokens } from '../shared/styles.js';
import { productLabel, statusLabel } from '../shared/labels.js';
import { mapBuilderDefaults, type MapBuilderStrings } from './map-builder.strings.js';
import { embedSnippet, routeMapAttributes, THEME_PRESETS, themeUrl, type MapChoices, type SnippetCourses, type ThemePreset } from './snippet.js';
import { mapBuilderStyles } from './map-builder.styles.js';
import { CourseListError, MAX_COURSE_LIST_LENGTH, parseCourseList, type Course, type CourseList } from '../courses/course-list.js';
import { matchCourses, type CourseOverlay } from '../courses/course-match.js';
import { describeProblem } from '../courses/courses.strings.js';
import { safeHref } from '../shared/occupation-href.js';

const LEVELS = [2, 3, 4, 5, 6, 7];
/** The product types a map can be filtered by (TQs are too many to filter by); newer ones come from the route itself on the map. */
const PRODUCTS = ['apprenticeship', 'foundation-apprenticeship', 'apprenticeship-unit', 't-level', 'htq'] as const;
const STATUSES = STATUS_VALUES.filter((status) => status !== 'other');
const DEFAULT_ACCENT = '#1d70b8';
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/**
 * Where the CDN bundle is. In the CDN build this module sits in dist/cdn/ (the bundle or one of its chunks), beside
 * occupational-maps.js; from the npm package's dist/<element>/ or src/<element>/, the bundle is in dist/cdn/.
 */
function defaultScriptSrc(moduleUrl: string): string {
  const url = new URL(moduleUrl);
  return /\/cdn\/[^/]*$/.test(url.pathname) ? new URL('./occupational-maps.js', url).href : new URL('../../dist/cdn/occupational-maps.js', url).href;
}

/** The theme presets' folder: two levels up from both dist/cdn/ and src|dist/<element>/. */
const defaultThemesBase = (moduleUrl: string) => new URL('../../themes/', moduleUrl).href;

/**
 * A form for a college's web editor: choose a route, pathway, levels, statuses, products, view and theme, paste or
 * upload the college's course list (checked row by row), see the `<route-map>` they make with the courses marked
 * "Offered here", and copy a ready embed snippet. No code needed.
 *
 * @summary Builds a `<route-map>` embed without code: choices, live preview and a copyable snippet.
 *
 * @fires om-load - The preview's data arrived (from the `<route-map>` inside).
 * @fires om-error - The preview's data could not be loaded (from the `<route-map>` inside).
 * @fires om-occupation-select - A person chose an occupation in the preview (from the `<route-map>` inside). Cancelable.
 *
 * @csspart base - The element's wrapper.
 * @csspart form - The choices.
 * @csspart snippet - The embed code's read-only text area.
 * @csspart copy-button - The Copy button.
 * @csspart preview - The preview's frame around the `<route-map>`.
 * @csspart courses - The course list step.
 * @csspart course-problems - The list of course rows that need attention.
 *
 * @cssproperty --om-route-accent - Set on the previewed map from the accent colour chosen.
 */
export class MapBuilder extends OmElement {
  static override styles = [tokens, sharedStyles, mapBuilderStyles];

  /** The preview's loading and errors are the builder's own state, so they reach the page as the builder's. @internal */
  static override forwardedEvents = [...OmElement.forwardedEvents, 'om-load', 'om-error'] as const;

  /** Per-element overrides of any visible string, this element's own included. */
  @property({ attribute: false }) override strings: Partial<MapBuilderStrings> = {};

  /** The strings in force: the defaults with this element's overrides on top. @internal */
  override get text(): MapBuilderStrings {
    return { ...mapBuilderDefaults, ...this.strings };
  }

  /** The route chosen at first: a slug or a Maps route id. */
  @property() route = 'digital';

  /** The URL of the elements' module in the snippet. Defaults to the CDN bundle next to this library. */
  @property({ attribute: 'script-src' }) scriptSrc?: string;

  /** The folder of the theme presets (`govuk.css`, `dark.css`, …). Defaults to the library's themes/ folder. */
  @property({ attribute: 'themes-base' }) themesBase?: string;

  /** The heading level (1–6) of the builder's heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private choices: MapChoices = {
    route: 'digital',
    pathway: '',
    levels: [],
    statuses: [],
    products: [],
    view: 'map',
    controls: false,
    theme: 'default',
    accent: null,
  };
  /** The last accent colour picked, kept while the accent is switched off. */
  @state() private accentColour = DEFAULT_ACCENT;
  @state() private announcement = '';
  /** The text of the course step (CSV or JSON), as pasted or uploaded; set it to start with the college's list. */
  @property({ attribute: false }) coursesText = '';
  /** Where the college will host its list ('' puts it into the snippet). */
  @state() private coursesSrc = '';
  @state() private coursesFileError = '';

  @query('#snippet') private snippetArea?: HTMLTextAreaElement;

  private readonly pathways = new Task(this, {
    args: () => [this.choices.route, resolveApiBase(this), this.client] as [string, string | null, EmbedClient | undefined],
    task: async ([route, apiBase, injected], { signal }) => {
      const client = await clientFor(apiBase, injected);
      if (!client) throw new EmbedError('no-api-base', this.text.errorNoApiBase, { url: '' });
      const document = await client.get('routeMap', route, { signal });
      return {
        pathways: document.pathways.map((pathway) => ({ id: String(pathway.id), name: pathway.name })),
        codes: new Set(document.pathways.flatMap((pathway) => pathway.clusters.flatMap((cluster) => cluster.occupations.map((occupation) => occupation.code)))),
      };
    },
  });

  /** The pasted list, parsed and checked against every occupation on the maps (the search index). */
  private readonly courseCheck = new Task(this, {
    args: () => [this.coursesText, resolveApiBase(this), this.client] as [string, string | null, EmbedClient | undefined],
    task: async ([source, apiBase, injected], { signal }): Promise<CourseCheck | null> => {
      if (!source.trim()) return null;
      let list: CourseList;
      try {
        list = await parseCourseList(source, null, this.ownerDocument.baseURI);
      } catch (error) {
        if (error instanceof CourseListError) return { error };
        throw error;
      }
      try {
        const client = await clientFor(apiBase, injected);
        if (!client) throw new EmbedError('no-api-base', this.text.errorNoApiBase, { url: '' });
        const index = await client.get('searchIndex', null, { signal });
        return { list, overlay: matchCourses(list, index.occupations, { complete: true }), checked: true };
      } catch (error) {
        if (signal.aborted) throw error;
        return { list, overlay: matchCourses(list, []), checked: false };
      }
    },
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('route')) {
      const route = findRoute(this.route)?.slug;
      if (route && route !== this.choices.route) this.choices = { ...this.choices, route, pathway: '' };
    }
  }

  /** The embed code for the current choices. */
  get snippet(): string {
    return embedSnippet(this.choices, {
      scriptSrc: this.resolvedScriptSrc,
      themesBase: this.resolvedThemesBase,
      apiBase: resolveApiBase(this),
      courses: this.snippetCourses,
    });
  }

  /** The checked course list, when there is one that can be used. */
  private get checkedCourses(): CourseList | null {
    const value = this.courseCheck.status === TaskStatus.COMPLETE ? this.courseCheck.value : null;
    return value && 'list' in value ? value.list : null;
  }

  private get snippetCourses(): SnippetCourses {
    const list = this.checkedCourses;
    if (!list || list.courses.length === 0) return null;
    const src = this.coursesSrc.trim();
    if (src && safeHref(src, this.ownerDocument.baseURI)) return { src };
    return { inline: list.courses.map(courseRow) };
  }

  private get resolvedScriptSrc(): string {
    const given = this.scriptSrc?.trim();
    return given ? absolute(given, this.ownerDocument.baseURI) : defaultScriptSrc(import.meta.url);
  }

  private get resolvedThemesBase(): string {
    const given = this.themesBase?.trim();
    if (!given) return defaultThemesBase(import.meta.url);
    const base = absolute(given, this.ownerDocument.baseURI);
    return base.endsWith('/') ? base : `${base}/`;
  }

  private choose<K extends keyof MapChoices>(key: K, value: MapChoices[K]): void {
    this.choices = { ...this.choices, [key]: value };
  }

  private toggle(key: 'levels' | 'statuses' | 'products', value: never, on: boolean): void {
    const current = this.choices[key] as unknown[];
    const next = on ? [...current, value] : current.filter((item) => item !== value);
    // Keep the official order whatever order the boxes were ticked in.
    const order: readonly unknown[] = key === 'levels' ? LEVELS : key === 'statuses' ? STATUSES : PRODUCTS;
    this.choose(key, order.filter((item) => next.includes(item)) as never);
  }

  private get level(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 6);
  }

  protected override render() {
    const text = this.text;
    return html`<div class="base" part="base">
      <div role="heading" aria-level=${this.level} class="heading">${text.builderHeading}</div>
      <div class="layout">
        <form part="form" @submit=${(event: Event) => event.preventDefault()}>
          ${this.renderChoices()} ${this.renderCourses()} ${this.renderAppearance()}
        </form>
        <div class="output">
          <label for="snippet" class="label">${text.builderSnippet}</label>
          <p class="hint" id="snippet-hint">${text.builderSnippetHint}</p>
          <textarea id="snippet" part="snippet" readonly rows="6" spellcheck="false" aria-describedby="snippet-hint" .value=${this.snippet}></textarea>
          <button type="button" class="om-button om-button--primary" part="copy-button" @click=${this.copy}>${text.builderCopy}</button>
          <div class="announcement" role="status" aria-live="polite">${this.announcement}</div>
        </div>
      </div>
      ${this.renderPreview()}
    </div>`;
  }

  private renderChoices() {
    const text = this.text;
    const { choices } = this;
    const pathwayHint =
      this.pathways.status === TaskStatus.PENDING ? text.builderPathwaysLoading : this.pathways.status === TaskStatus.ERROR ? text.builderPathwaysFailed : '';
    const pathways = this.pathways.status === TaskStatus.COMPLETE ? this.pathways.value?.pathways ?? [] : [];
    return html`<fieldset>
      <legend>${text.builderChoose}</legend>
      <div class="field">
        <label for="route">${text.builderRoute}</label>
        <select id="route" @change=${(event: Event) => this.choices = { ...choices, route: (event.target as HTMLSelectElement).value, pathway: '' }}>
          ${ROUTES.map((route) => html`<option value=${route.slug} ?selected=${route.slug === choices.route}>${route.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="pathway">${text.builderPathway}</label>
        <select
          id="pathway"
          aria-describedby=${pathwayHint ? 'pathway-hint' : nothing}
          @change=${(event: Event) => this.choose('pathway', (event.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${!choices.pathway}>${text.builderAllPathways}</option>
          ${pathways.map((pathway) => html`<option value=${pathway.id} ?selected=${pathway.id === choices.pathway}>${pathway.name}</option>`)}
        </select>
        ${pathwayHint ? html`<p class="hint" id="pathway-hint">${pathwayHint}</p>` : nothing}
      </div>
      ${this.renderCheckboxes('levels', text.builderLevels, text.builderLevelsHint, LEVELS.map((value) => [value, text.level(value)]))}
      ${this.renderCheckboxes('statuses', text.builderStatuses, text.builderStatusesHint, STATUSES.map((value) => [value, statusLabel(value, text)]))}
      ${this.renderCheckboxes('products', text.builderProducts, text.builderProductsHint, PRODUCTS.map((value) => [value, productLabel(value, text)]))}
      <fieldset class="inline">
        <legend>${text.builderView}</legend>
        ${(
          [
            ['map', text.builderViewMap],
            ['list', text.builderViewList],
            ['table', text.builderViewTable],
          ] as const
        ).map(
          ([value, label]) => html`<label class="choice"
            ><input type="radio" name="view" .value=${value} .checked=${choices.view === value} @change=${() => this.choose('view', value)} />
            ${label}</label
          >`,
        )}
      </fieldset>
      <label class="choice"
        ><input type="checkbox" .checked=${choices.controls} @change=${(event: Event) => this.choose('controls', (event.target as HTMLInputElement).checked)} />
        ${text.builderControls}</label
      >
    </fieldset>`;
  }

  private renderCheckboxes<V extends string | number>(key: 'levels' | 'statuses' | 'products', legend: string, hint: string, options: [V, string][]) {
    const selected = this.choices[key] as readonly unknown[];
    return html`<fieldset class="inline" aria-describedby="${key}-hint">
      <legend>${legend}</legend>
      <p class="hint" id="${key}-hint">${hint}</p>
      ${options.map(
        ([value, label]) => html`<label class="choice"
          ><input
            type="checkbox"
            name=${key}
            .value=${String(value)}
            .checked=${selected.includes(value)}
            @change=${(event: Event) => this.toggle(key, value as never, (event.target as HTMLInputElement).checked)}
          />
          ${label}</label
        >`,
      )}
    </fieldset>`;
  }

  private renderCourses() {
    const text = this.text;
    const src = this.coursesSrc.trim();
    const srcInvalid = src !== '' && !safeHref(src, this.ownerDocument.baseURI);
    return html`<fieldset part="courses" aria-describedby="courses-hint">
      <legend>${text.builderCourses}</legend>
      <p class="hint" id="courses-hint">${text.builderCoursesHint}</p>
      <div class="field">
        <label for="courses">${text.builderCoursesPaste}</label>
        <textarea
          id="courses"
          rows="6"
          spellcheck="false"
          aria-describedby="courses-result"
          .value=${this.coursesText}
          @input=${(event: Event) => (this.coursesText = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="field">
        <label for="courses-file">${text.builderCoursesUpload}</label>
        <input id="courses-file" type="file" accept=".csv,.json,text/csv,application/json" @change=${this.upload} />
        ${this.coursesFileError ? html`<p class="hint hint--error">${this.coursesFileError}</p>` : nothing}
      </div>
      <div class="field">
        <label for="courses-src">${text.builderCoursesSrc}</label>
        <p class="hint" id="courses-src-hint">${srcInvalid ? text.builderCoursesSrcInvalid : text.builderCoursesSrcHint}</p>
        <input
          id="courses-src"
          type="text"
          inputmode="url"
          spellcheck="false"
          aria-describedby="courses-src-hint"
          aria-invalid=${srcInvalid ? 'true' : 'false'}
          .value=${this.coursesSrc}
          @input=${(event: Event) => (this.coursesSrc = (event.target as HTMLInputElement).value)}
        />
      </div>
      <div id="courses-result">${this.renderCourseCheck()}</div>
    </fieldset>`;
  }

  private renderCourseCheck() {
    const text = this.text;
    const status = this.courseCheck.status;
    let summary = '';
    let problems: string[] = [];
    if (status === TaskStatus.PENDING) summary = text.builderCoursesChecking;
    const value = status === TaskStatus.COMPLETE ? this.courseCheck.value : null;
    if (value && 'error' in value) summary = text.builderCoursesUnusable(text.coursesError(value.error));
    else if (value) {
      const route = this.pathways.status === TaskStatus.COMPLETE ? this.pathways.value?.codes : undefined;
      const offered = [...value.overlay.byOccupation.keys()];
      summary = text.builderCoursesSummary(value.list.courses.length, offered.length, route ? offered.filter((code) => route.has(code)).length : null);
      if (!value.checked) summary += ` ${text.builderCoursesUnchecked}`;
      problems = value.overlay.problems.map((problem) => describeProblem(problem, text));
    }
    return html`<p class="course-summary" role="status" aria-live="polite">${summary}</p>
      ${problems.length
        ? html`<p class="course-problems-title">${text.builderCoursesProblems(problems.length)}</p>
            <ul class="course-problems" part="course-problems">
              ${problems.map((problem) => html`<li>${problem}</li>`)}
            </ul>`
        : nothing}`;
  }

  private upload = async (event: Event): Promise<void> => {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.coursesFileError = '';
    if (!file) return;
    if (file.size > MAX_COURSE_LIST_LENGTH) {
      this.coursesFileError = this.text.builderCoursesFileTooLarge;
      return;
    }
    this.coursesText = await file.text();
  };

  private renderAppearance() {
    const text = this.text;
    const { choices } = this;
    const names: Record<ThemePreset, string> = {
      default: text.builderThemeDefault,
      govuk: text.builderThemeGovuk,
      dark: text.builderThemeDark,
      'high-contrast': text.builderThemeHighContrast,
    };
    return html`<fieldset>
      <legend>${text.builderAppearance}</legend>
      <fieldset class="inline">
        <legend>${text.builderTheme}</legend>
        ${THEME_PRESETS.map(
          (theme) => html`<label class="choice"
            ><input type="radio" name="theme" .value=${theme} .checked=${choices.theme === theme} @change=${() => this.choose('theme', theme)} />
            ${names[theme]}</label
          >`,
        )}
      </fieldset>
      <label class="choice"
        ><input
          type="checkbox"
          .checked=${choices.accent !== null}
          @change=${(event: Event) => this.choose('accent', (event.target as HTMLInputElement).checked ? this.accentColour : null)}
        />
        ${text.builderUseAccent}</label
      >
      <div class="field field--colour">
        <label for="accent">${text.builderAccent}</label>
        <input
          id="accent"
          type="color"
          .value=${this.accentColour}
          ?disabled=${choices.accent === null}
          @input=${(event: Event) => {
            const colour = (event.target as HTMLInputElement).value;
            if (!HEX_COLOUR.test(colour)) return;
            this.accentColour = colour;
            this.choose('accent', colour);
          }}
        />
      </div>
    </fieldset>`;
  }

  private renderPreview() {
    const { choices } = this;
    const attributes = new Map(routeMapAttributes(choices, resolveApiBase(this)));
    const value = (name: string) => {
      const found = attributes.get(name);
      return typeof found === 'string' ? found : nothing;
    };
    return html`<section class="preview" part="preview" aria-labelledby="preview-heading">
      <div role="heading" aria-level=${Math.min(this.level + 1, 6)} class="preview__heading" id="preview-heading">${this.text.builderPreview}</div>
      ${choices.theme === 'default' ? nothing : html`<link rel="stylesheet" href=${themeUrl(this.resolvedThemesBase, choices.theme)} />`}
      <route-map
        route=${choices.route}
        pathway=${value('pathway')}
        levels=${value('levels')}
        status=${value('status')}
        products=${value('products')}
        view=${value('view')}
        ?controls=${choices.controls}
        api-base=${value('api-base')}
        class=${value('class')}
        ${ref((element?: Element) => setAccent(element, choices.accent))}
        .client=${this.client}
        .courses=${this.checkedCourses}
      ></route-map>
    </section>`;
  }

  /** Copies the snippet; where the Clipboard API is refused, selects it so the person can copy it themselves. */
  private copy = async (): Promise<void> => {
    const snippet = this.snippet;
    this.announcement = '';
    await this.updateComplete;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No Clipboard API');
      await navigator.clipboard.writeText(snippet);
      this.announcement = this.text.builderCopied;
    } catch {
      const area = this.snippetArea;
      area?.focus();
      area?.select();
      this.announcement = this.text.builderCopyFallback;
    }
  };
}

/**
 * The preview's accent through the CSSOM, not a style attribute: strict CSPs refuse inline style attributes, and the
 * builder must work under them. (The snippet keeps `style="…"`: the college's page is its own policy's business.)
 */
function setAccent(element: Element | undefined, accent: string | null): void {
  const style = (element as HTMLElement | undefined)?.style;
  if (!style) return;
  if (accent) style.setProperty('--om-route-accent', accent);
  else if (style.getPropertyValue('--om-route-accent')) style.removeProperty('--om-route-accent');
}

type CourseCheck = { error: CourseListError } | { list: CourseList; overlay: CourseOverlay; checked: boolean };

/** A checked course as a row of the snippet's inline list: the same columns the college gave. */
function courseRow(course: Course): Record<string, string> {
  const row: Record<string, string> = { code: course.codes.map((code) => code.raw).join('; '), title: course.title, url: course.url };
  for (const key of ['level', 'mode', 'start', 'campus'] as const) if (course[key]) row[key] = course[key]!;
  return row;
}

function absolute(value: string, base: string): string {
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}
