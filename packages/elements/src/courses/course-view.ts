/** A college's courses as a list of links, as the card shows them: title, then level, mode, start and campus. */
import { html } from 'lit';
import { safeHref } from '../shared/occupation-href.js';
import type { Course } from './course-list.js';
import type { CourseOverlayStrings } from './course-overlay.strings.js';

export function courseFacts(course: Course, text: CourseOverlayStrings): string[] {
  const modes: Record<string, string> = {
    'full-time': text.coursesModeFullTime,
    'part-time': text.coursesModePartTime,
    apprenticeship: text.coursesModeApprenticeship,
  };
  return [
    course.level ? text.coursesLevel(course.level) : null,
    course.mode ? modes[course.mode] ?? course.mode : null,
    course.start ? text.coursesStarts(course.start) : null,
    course.campus ? text.coursesCampus(course.campus) : null,
  ].filter((fact): fact is string => fact !== null);
}

/** Text only: titles and facts are bound as text, never as markup; a URL that is not http(s) or relative is no link. */
export function renderCourseList(courses: readonly Course[], text: CourseOverlayStrings) {
  return html`<ul class="om-course-list" part="course-list" role="list">
    ${courses.map((course) => {
      const href = safeHref(course.url);
      const facts = courseFacts(course, text).join(' · ');
      return html`<li part="course">
        ${href ? html`<a part="course-link" href=${href}>${course.title}</a>` : html`<strong>${course.title}</strong>`}
        ${facts ? html`<span class="om-course-facts">${facts}</span>` : ''}
      </li>`;
    })}
  </ul>`;
}
