/**
 * Keeps an element's course list loaded: from its `courses` property when a script set one, else from its
 * `courses-src` (or the page's inline list). The element re-renders when the list arrives or fails; a failure is
 * one notice, and the element works on without the overlay. The code that fetches and parses a list, and the code
 * an element matches it with, load only when there is a list: most pages have none.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { lazyModule } from '../shared/lazy-module.js';
import type { CourseList } from './course-list.js';
import { asListError, type CourseListError } from './course-list-error.js';
import { courseSourceFor, sourceKey } from './course-origin.js';
import type { CourseOverlayStrings } from './course-overlay.strings.js';

const loadSourceModule = lazyModule(() => import('./course-source.js'));

export interface CoursesHost extends ReactiveControllerHost, HTMLElement {
  /** The `courses-src` attribute. */
  coursesSrc?: string;
  /** A list given by script (parsed with `parseCourseList`); wins over `courses-src`. `null`: no courses at all. */
  courses?: CourseList | null;
}

export type CoursesState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; list: CourseList }
  | { status: 'error'; error: CourseListError };

export class CoursesController<Matcher = never> implements ReactiveController {
  state: CoursesState = { status: 'none' };
  /** The element's matching code (from `loadMatcher`), there once a list is ready. */
  matcher?: Matcher;
  private key: unknown = undefined;

  /**
   * `loadMatcher` imports the code the element matches a list with; a list is ready only once it has arrived (and
   * the notice shows if it cannot be fetched).
   */
  constructor(
    private readonly host: CoursesHost,
    private readonly loadMatcher?: () => Promise<Matcher>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
  }

  hostUpdate(): void {
    this.refresh();
  }

  /** The list in force, or `null` (none, still loading, or failed). */
  get list(): CourseList | null {
    return this.state.status === 'ready' ? this.state.list : null;
  }

  private refresh(): void {
    const given = this.host.courses;
    if (given !== undefined) {
      // A list given by script wins; `null` means "no courses here", whatever the page holds.
      if (this.key !== given) {
        this.key = given;
        if (!given) this.state = { status: 'none' };
        else if (this.loadMatcher && !this.matcher) this.track(given, Promise.resolve(given));
        else this.state = { status: 'ready', list: given };
      }
      return;
    }
    const source = courseSourceFor(this.host, this.host.coursesSrc);
    const key = sourceKey(source);
    if (key === this.key) return;
    this.key = key;
    if (!source) {
      this.state = { status: 'none' };
      return;
    }
    this.track(key, loadSourceModule().then((module) => module.loadCourseList(source)));
  }

  /** Loading until the list (and the matcher, if the element has one) arrive; then ready, or the notice. */
  private track(key: unknown, list: Promise<CourseList>): void {
    this.state = { status: 'loading' };
    Promise.all([list, this.loadMatcher?.()]).then(
      ([ready, matcher]) => {
        if (matcher) this.matcher = matcher;
        this.settle(key, { status: 'ready', list: ready });
      },
      (error: unknown) => this.settle(key, { status: 'error', error: asListError(error) }),
    );
  }

  private settle(key: unknown, state: CoursesState): void {
    if (key !== this.key) return; // the source changed meanwhile
    this.state = state;
    this.host.requestUpdate();
  }
}

/** The one notice an element shows when its course list cannot be used: a polite status, never an alert. */
export function renderCoursesNotice(state: CoursesState, text: CourseOverlayStrings) {
  if (state.status !== 'error') return nothing;
  return html`<div class="om-courses-notice" part="courses-notice" role="status">
    <p><strong>${text.coursesNoticeTitle}</strong></p>
    <p>${text.coursesNoticeBody(text.coursesError(state.error))}</p>
  </div>`;
}
