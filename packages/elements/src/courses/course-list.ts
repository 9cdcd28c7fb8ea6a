/**
 * A college's course list: rows of `code`, `title`, `url` and optionally `level`, `mode`, `start`, `campus`, as JSON
 * (an array of rows, or `{ "courses": [...] }`) or CSV with a header row. Each row is checked on its own: a bad row
 * is reported with its number and left out, and the rest of the list still counts. Nothing here touches the DOM;
 * text is kept as text and is only ever rendered as text.
 */
import { safeHref } from '../shared/occupation-href.js';
import { classifyCourseCode, type CourseCode } from './course-codes.js';
import { CourseListError } from './course-list-error.js';

export type CourseListFormat = 'json' | 'csv';

export interface Course {
  /** The row it came from: the spreadsheet row for CSV (the header is row 1), the item number for JSON. */
  row: number;
  /** One or more codes (a cell may list several, separated by `;`, `,`, `|` or line breaks). */
  codes: readonly CourseCode[];
  title: string;
  /** http(s) or relative, as written. */
  url: string;
  level: string | null;
  /** `full-time`, `part-time` or `apprenticeship` when it is one of those, else the text as written. */
  mode: string | null;
  start: string | null;
  campus: string | null;
}

export type CourseProblemKind =
  | 'not-a-row'
  | 'missing-code'
  | 'unknown-code'
  | 'no-occupation'
  | 'missing-title'
  | 'missing-url'
  | 'bad-url'
  | 'duplicate'
  | 'too-many-rows';

export interface CourseProblem {
  row: number;
  kind: CourseProblemKind;
  /** The code or URL at fault. */
  value?: string;
  /** For a duplicate: the row it repeats. */
  firstRow?: number;
}

export interface CourseList {
  format: CourseListFormat;
  courses: readonly Course[];
  problems: readonly CourseProblem[];
  /** Rows read, bad ones included (blank rows aside). */
  rowCount: number;
}

export { CourseListError, type CourseListErrorKind } from './course-list-error.js';

/** More rows than any college offers; the bound keeps a wrong file from costing the page. */
export const MAX_COURSE_ROWS = 2000;
/** The largest course list read, in characters. */
export const MAX_COURSE_LIST_LENGTH = 1_000_000;
const MAX_TEXT = 300;

export const REQUIRED_COLUMNS = ['code', 'title', 'url'] as const;

/** Column names as colleges' systems export them, to ours. */
const ALIASES: Record<string, string> = {
  codes: 'code',
  name: 'title',
  course: 'title',
  'course title': 'title',
  link: 'url',
  href: 'url',
  'study mode': 'mode',
  'start date': 'start',
  starts: 'start',
  location: 'campus',
  venue: 'campus',
};

export const columnName = (header: string): string => {
  const name = header.replace(/^\uFEFF/, '').trim().toLowerCase();
  return ALIASES[name] ?? name;
};

const MODES: Record<string, string> = {
  'full-time': 'full-time',
  'full time': 'full-time',
  fulltime: 'full-time',
  ft: 'full-time',
  'part-time': 'part-time',
  'part time': 'part-time',
  parttime: 'part-time',
  pt: 'part-time',
  apprenticeship: 'apprenticeship',
};

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed.slice(0, MAX_TEXT) : null;
}

function codesOf(value: unknown): string[] {
  const parts = Array.isArray(value) ? value : [value];
  return parts
    .flatMap((part) => (typeof part === 'number' ? [String(part)] : typeof part === 'string' ? part.split(/[;,|\r\n]+/) : []))
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Checks rows already read from JSON or CSV (objects keyed by column name). `rowNumber(i)` is the number people
 * see for the i-th row. `base` resolves relative URLs for the check only; they are kept as written.
 */
export function readCourseRows(
  rows: readonly unknown[],
  format: CourseListFormat,
  rowNumber: (index: number) => number,
  base?: string,
): CourseList {
  const courses: Course[] = [];
  const problems: CourseProblem[] = [];
  const seen = new Map<string, number>();
  let rowCount = 0;
  for (const [index, raw] of rows.entries()) {
    const row = rowNumber(index);
    if (rowCount >= MAX_COURSE_ROWS) {
      problems.push({ row, kind: 'too-many-rows' });
      break;
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      rowCount++;
      problems.push({ row, kind: 'not-a-row' });
      continue;
    }
    const fields = new Map(Object.entries(raw as Record<string, unknown>).map(([key, value]) => [columnName(key), value]));
    if ([...fields.values()].every((value) => value === null || value === undefined || (typeof value === 'string' && !value.trim()))) continue;
    rowCount++;
    const rawCodes = codesOf(fields.get('code'));
    const title = text(fields.get('title'));
    const url = text(fields.get('url'));
    let usable = true;
    if (rawCodes.length === 0) {
      problems.push({ row, kind: 'missing-code' });
      usable = false;
    }
    if (!title) {
      problems.push({ row, kind: 'missing-title' });
      usable = false;
    }
    if (!url) {
      problems.push({ row, kind: 'missing-url' });
      usable = false;
    } else if (!safeHref(url, base)) {
      problems.push({ row, kind: 'bad-url', value: url });
      usable = false;
    }
    const codes: CourseCode[] = [];
    for (const rawCode of rawCodes) {
      const code = classifyCourseCode(rawCode);
      if (!code) {
        problems.push({ row, kind: 'unknown-code', value: rawCode.slice(0, 40) });
        continue;
      }
      if (!usable) continue;
      const key = `${code.keys[0]} ${url}`;
      const firstRow = seen.get(key);
      if (firstRow !== undefined) {
        problems.push({ row, kind: 'duplicate', value: code.raw, firstRow });
        continue;
      }
      seen.set(key, row);
      codes.push(code);
    }
    if (!usable || codes.length === 0) continue;
    const mode = text(fields.get('mode'));
    courses.push({
      row,
      codes,
      title: title!,
      url: url!,
      level: text(fields.get('level')),
      mode: mode ? MODES[mode.toLowerCase()] ?? mode : null,
      start: text(fields.get('start')),
      campus: text(fields.get('campus')),
    });
  }
  return { format, courses, problems, rowCount };
}

/** A JSON course list: an array of rows, or an object with a `courses` array. */
export function parseCourseJson(source: string, base?: string): CourseList {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch {
    throw new CourseListError('malformed', 'The course list is not valid JSON.');
  }
  const rows = Array.isArray(json) ? json : (json as { courses?: unknown } | null)?.courses;
  if (!Array.isArray(rows)) throw new CourseListError('malformed', 'The course list must be a JSON array of courses, or an object with a "courses" array.');
  const list = readCourseRows(rows, 'json', (index) => index + 1, base);
  if (list.rowCount === 0) throw new CourseListError('empty', 'The course list has no courses.');
  return list;
}

/** A CSV course list with a header row. Papa Parse loads only now, so pages without a CSV never download it. */
export async function parseCourseCsv(source: string, base?: string): Promise<CourseList> {
  const { readCsvRows } = await import('./course-csv.js');
  const { rows, columns, lineOf } = readCsvRows(source);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (columns.length === 0) throw new CourseListError('empty', 'The course list has no courses.');
  if (missing.length) throw new CourseListError('missing-columns', `The course list has no ${missing.join(', ')} column.`, missing);
  const list = readCourseRows(rows, 'csv', lineOf, base);
  if (list.rowCount === 0) throw new CourseListError('empty', 'The course list has no courses.');
  return list;
}

/** Looks at the text when nothing says which format it is: JSON starts with `[` or `{`. */
export const sniffFormat = (source: string): CourseListFormat => (/^\s*[[{]/.test(source.replace(/^\uFEFF/, '')) ? 'json' : 'csv');

/** Parses a course list of either format; throws `CourseListError` when the list as a whole cannot be used. */
export async function parseCourseList(source: string, format: CourseListFormat | null = null, base?: string): Promise<CourseList> {
  if (source.length > MAX_COURSE_LIST_LENGTH) throw new CourseListError('too-large', 'The course list is too large (over 1 MB).');
  if (!source.trim()) throw new CourseListError('empty', 'The course list is empty.');
  const text = source.replace(/^\uFEFF/, '');
  return (format ?? sniffFormat(text)) === 'json' ? parseCourseJson(text, base) : parseCourseCsv(text, base);
}
