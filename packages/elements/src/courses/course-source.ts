/**
 * The page-wide cache that fetches and parses each course list once however many elements use it. Elements load this
 * module only when they have a list (course-origin.ts says whether they do), so a page without one never downloads
 * the parser.
 */
import type { CourseSource } from './course-origin.js';
import { MAX_COURSE_LIST_LENGTH, parseCourseList, type CourseList, type CourseListFormat } from './course-list.js';
import { asListError, CourseListError } from './course-list-error.js';
import { describeProblem } from './courses.strings.js';

export { courseSourceFor, type CourseSource } from './course-origin.js';

const formatOf = (type: string | null | undefined, path = ''): CourseListFormat | null => {
  const lower = (type ?? '').toLowerCase();
  if (lower.includes('json')) return 'json';
  if (lower.includes('csv')) return 'csv';
  if (/\.json$/i.test(path)) return 'json';
  if (/\.csv$/i.test(path)) return 'csv';
  return null;
};

const FETCH_TIMEOUT_MS = 15_000;

async function fetchList(url: string): Promise<CourseList> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { accept: 'application/json, text/csv;q=0.9, text/plain;q=0.5' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch {
    throw new CourseListError('unreachable', `The course list at ${url} could not be reached.`);
  }
  if (!response.ok) throw new CourseListError('unreachable', `The course list at ${url} answered ${response.status}.`);
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_COURSE_LIST_LENGTH * 4) throw new CourseListError('too-large', 'The course list is too large (over 1 MB).');
  const body = await response.text().catch(() => {
    throw new CourseListError('unreachable', `The course list at ${url} could not be read.`);
  });
  // A server's HTML page (a 200 "not found" page, a login page) is no course list.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) throw new CourseListError('malformed', 'The course list address returned a web page, not JSON or CSV.');
  return parseCourseList(body, formatOf(response.headers.get('content-type'), new URL(url).pathname) ?? formatOf(null, new URL(url).pathname), document.baseURI);
}

const CACHE_KEY = Symbol.for('occupational-maps.course-lists.v1');

interface CourseListCache {
  byUrl: Map<string, Promise<CourseList>>;
  byScript: WeakMap<HTMLScriptElement, Promise<CourseList>>;
}

/** Shared by every copy of the library on the page, like the favourites store and the data client. */
function cache(): CourseListCache {
  const holder = globalThis as typeof globalThis & { [CACHE_KEY]?: CourseListCache };
  return (holder[CACHE_KEY] ??= { byUrl: new Map(), byScript: new WeakMap() });
}

/** Row problems go to the console once per list: the page's author sees them, the page's visitors do not. */
function reportProblems(list: CourseList, where: string): CourseList {
  if (list.problems.length) {
    console.warn(`occupational-maps: ${list.problems.length} row(s) of the course list ${where} left out:\n${list.problems.map((problem) => describeProblem(problem)).join('\n')}`);
  }
  return list;
}

const rethrowAsListError = (error: unknown): never => {
  throw asListError(error);
};

/**
 * The parsed list of a source, fetched and parsed once per page. Rejects with `CourseListError` only; an unreachable
 * list is tried again by the next element that asks, a malformed one is not.
 */
export function loadCourseList(source: CourseSource): Promise<CourseList> {
  if (source.kind === 'invalid') {
    return Promise.reject(new CourseListError('bad-source', `"${source.value}" is not an http(s) or relative URL, nor the #id of a script element.`));
  }
  const { byUrl, byScript } = cache();
  if (source.kind === 'inline') {
    let pending = byScript.get(source.script);
    if (!pending) {
      const { script } = source;
      pending = parseCourseList(script.textContent ?? '', formatOf(script.type), document.baseURI)
        .then((list) => reportProblems(list, 'in the page'))
        .catch(rethrowAsListError);
      byScript.set(script, pending);
    }
    return pending;
  }
  let pending = byUrl.get(source.url);
  if (!pending) {
    pending = fetchList(source.url)
      .then((list) => reportProblems(list, `at ${source.url}`))
      .catch(rethrowAsListError);
    byUrl.set(source.url, pending);
    pending.catch((error: unknown) => {
      if (error instanceof CourseListError && error.kind === 'unreachable') byUrl.delete(source.url);
    });
  }
  return pending;
}

/** Forgets every list (tests, or a page that replaced its lists). */
export function clearCourseListCache(): void {
  const { byUrl } = cache();
  byUrl.clear();
  (globalThis as typeof globalThis & { [CACHE_KEY]?: CourseListCache })[CACHE_KEY] = { byUrl, byScript: new WeakMap() };
}
