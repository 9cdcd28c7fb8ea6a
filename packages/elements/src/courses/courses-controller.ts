/**
 * Keeps an element's course list loaded: from its `courses` property when a script set one, else from its
 * `courses-src` (or the page's inline list). The element re-renders when the list arrives or fails; a failure is
 * one notice, and the element works on without the overlay.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CourseList, CourseListError } from './course-list.js';
import { courseSourceFor, loadCourseList, sourceKey } from './course-source.js';
import type { CoursesStrings } from './courses.strings.js';

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

export class CoursesController implements ReactiveController {
  state: CoursesState = { status: 'none' };
  private key: unknown = undefined;

  constructor(private readonly host: CoursesHost) {
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
        this.state = given ? { status: 'ready', list: given } : { status: 'none' };
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
    this.state = { status: 'loading' };
    loadCourseList(source).then(
      (list) => this.settle(key, { status: 'ready', list }),
      (error: CourseListError) => this.settle(key, { status: 'error', error }),
    );
  }

  private settle(key: unknown, state: CoursesState): void {
    if (key !== this.key) return; // the source changed meanwhile
    this.state = state;
    this.host.requestUpdate();
  }
}

/** The one notice an element shows when its course list cannot be used: a polite status, never an alert. */
export function renderCoursesNotice(state: CoursesState, text: CoursesStrings) {
  if (state.status !== 'error') return nothing;
  return html`<div class="om-courses-notice" part="courses-notice" role="status">
    <p><strong>${text.coursesNoticeTitle}</strong></p>
    <p>${text.coursesNoticeBody(text.coursesError(state.error))}</p>
  </div>`;
}
