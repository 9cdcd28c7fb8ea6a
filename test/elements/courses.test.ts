// The course-list model behind "Offered here": codes of every type, matching against the real snapshot of the
// embedded dataset, JSON and CSV, every bad-input case, and the page-wide source cache.
import { expect } from '@open-wc/testing';
import type { SearchIndexDocument } from '@occupational-maps/core';
import { classifyCourseCode } from '../../packages/elements/src/courses/course-codes.js';
import { CourseListError, parseCourseList, MAX_COURSE_ROWS, type CourseList } from '../../packages/elements/src/courses/course-list.js';
import { matchCourses, needsSearchIndex } from '../../packages/elements/src/courses/course-match.js';
import { clearCourseListCache, courseSourceFor, loadCourseList } from '../../packages/elements/src/courses/course-source.js';
import { describeProblem } from '../../packages/elements/src/courses/courses.strings.js';

const index: SearchIndexDocument = await (await fetch('/mock-api/v1/search-index.json')).json();
const targets = index.occupations;

const csv = (...rows: string[]) => ['code,title,url', ...rows].join('\n');
const matched = (list: CourseList) =>
  Object.fromEntries([...matchCourses(list, targets, { complete: true }).byOccupation].map(([code, courses]) => [code, courses.map((course) => course.title)]));
const offered = (list: CourseList) => Object.keys(matched(list)).sort();
async function failure(source: string, format: 'json' | 'csv' | null = null): Promise<CourseListError> {
  try {
    await parseCourseList(source, format);
  } catch (error) {
    expect(error).to.be.instanceOf(CourseListError);
    return error as CourseListError;
  }
  throw new Error('expected the list to be refused');
}

describe('course codes', () => {
  it('reads every code type a college may give', () => {
    const kinds = ['OCC0499', 'occ1312a', 'ST0499', '283', 'TL0012a', 'TL0012', '610/0553/3', '6100553X', 'TQL2C11048RN5361', 'FA0001'].map(
      (code) => classifyCourseCode(code)?.kind,
    );
    expect(kinds).to.deep.equal(['occupation', 'occupation', 'standard', 'lars', 't-level', 't-level', 'qualification', 'qualification', 'other', 'other']);
  });

  it('refuses what cannot be a code', () => {
    for (const code of ['', 'data analyst', '<b>x</b>', 'javascript:alert(1)', 'X'.repeat(41)]) expect(classifyCourseCode(code), code).to.equal(null);
  });
});

describe('matching courses to occupations (embedded dataset)', () => {
  it('matches by occupation code, and a parent code reaches its options', async () => {
    expect(offered(await parseCourseList(csv('OCC0118,Data course,/a')))).to.deep.equal(['OCC0118']);
    expect(offered(await parseCourseList(csv('occ0118,Data course,/a')))).to.deep.equal(['OCC0118']);
    expect(offered(await parseCourseList(csv('OCC0120,Support course,/a')))).to.deep.equal(['OCC0120A', 'OCC0120B']);
    expect(offered(await parseCourseList(csv('OCC0120B,Support course,/a')))).to.deep.equal(['OCC0120B']);
  });

  it('matches by apprenticeship standard (options share one)', async () => {
    expect(offered(await parseCourseList(csv('ST0118,Apprenticeship,/a')))).to.deep.equal(['OCC0118']);
    expect(offered(await parseCourseList(csv('ST0120,Apprenticeship,/a')))).to.deep.equal(['OCC0120A', 'OCC0120B']);
  });

  it('matches by LARS code (from the search index)', async () => {
    const entry = targets.find((candidate) => candidate.code === 'OCC0499')!;
    expect(entry.larsCode).to.equal(283);
    const list = await parseCourseList(csv('283,Autocare apprenticeship,/a'));
    expect(needsSearchIndex(list)).to.equal(true);
    expect(offered(list)).to.deep.equal(['OCC0499']);
  });

  it('matches by T Level: a specialism, or every specialism of a T Level', async () => {
    const carrying = (prefix: string) => targets.filter((entry) => entry.products.some((code) => code.startsWith(prefix))).map((entry) => entry.code).sort();
    expect(offered(await parseCourseList(csv('TL0007d,T Level,/a')))).to.deep.equal(carrying('TL0007d'));
    expect(carrying('TL0007d').length).to.be.greaterThan(1);
    expect(offered(await parseCourseList(csv('TL0007,T Level,/a')))).to.deep.equal(carrying('TL0007'));
    expect(carrying('TL0007').length).to.be.greaterThan(carrying('TL0007d').length);
  });

  it('matches by HTQ qualification number, with or without its slashes (the LARS learning aim reference)', async () => {
    expect(offered(await parseCourseList(csv('610/0601/X,HTQ,/a')))).to.deep.equal(['OCC0118']);
    expect(offered(await parseCourseList(csv('6100601x,HTQ,/a')))).to.deep.equal(['OCC0118']);
  });

  it('matches other qualification codes as the maps give them', async () => {
    expect(offered(await parseCourseList(csv('TQL2C11048RN5361,Diploma,/a')))).to.deep.equal(['OCC0499']);
  });

  it('one course reaches several occupations and one occupation has several courses', async () => {
    const list = await parseCourseList(csv('"ST0118; OCC0116",Data and software,/a', 'ST0118,Data analyst apprenticeship,/b'));
    expect(matched(list)).to.deep.equal({ OCC0118: ['Data and software', 'Data analyst apprenticeship'], OCC0116: ['Data and software'] });
  });

  it('matches against only the occupations given (a route map): no problem reported for the others', async () => {
    const list = await parseCourseList(csv('ST0118,Data,/a', 'ST0499,Autocare,/b'));
    const overlay = matchCourses(list, targets.filter((entry) => entry.route === 'digital'));
    expect([...overlay.byOccupation.keys()]).to.deep.equal(['OCC0118']);
    expect(overlay.problems).to.deep.equal([]);
  });
});

describe('course lists: JSON and CSV', () => {
  it('reads JSON as an array or as { courses }, with every optional field', async () => {
    const row = { code: 'ST0118', title: 'Data analyst apprenticeship', url: 'https://college.example/data', level: 4, mode: 'Part time', start: 'January 2027', campus: 'City' };
    for (const source of [JSON.stringify([row]), JSON.stringify({ courses: [row] })]) {
      const list = await parseCourseList(source);
      expect(list.format).to.equal('json');
      expect(list.courses).to.have.length(1);
      const [course] = list.courses;
      expect([course.row, course.title, course.url, course.level, course.mode, course.start, course.campus]).to.deep.equal([
        1, row.title, row.url, '4', 'part-time', 'January 2027', 'City',
      ]);
    }
    expect((await parseCourseList(JSON.stringify([{ code: ['ST0118', 'OCC0116'], title: 'T', url: '/t' }]))).courses[0].codes.map((code) => code.raw)).to.deep.equal(['ST0118', 'OCC0116']);
  });

  it('reads CSV with quotes, a byte-order mark, semicolons, column aliases and spreadsheet row numbers', async () => {
    const source = '\uFEFFCode;Course title;Link;Study mode\r\nST0118;"Data, analysis; and ""more""";/data;Full time\r\n\r\nST0116;"Two\nlines";/soft;Evenings\r\nOCC0117;;/missing;\r\n';
    const list = await parseCourseList(source);
    expect(list.format).to.equal('csv');
    expect(list.courses.map((course) => [course.row, course.title, course.mode])).to.deep.equal([
      [2, 'Data, analysis; and "more"', 'full-time'],
      [4, 'Two lines', 'Evenings'],
    ]);
    expect(list.problems).to.deep.equal([{ row: 6, kind: 'missing-title' }]);
  });

  it('reads the five-row CSV of the quick start', async () => {
    const list = await parseCourseList(await (await fetch('/test/fixtures/courses/digital.csv')).text(), 'csv');
    expect(list.courses).to.have.length(5);
    expect(list.problems).to.deep.equal([]);
    expect(offered(list)).to.deep.equal(['OCC0116', 'OCC0118', 'OCC0119', 'OCC0120A', 'OCC0120B', 'OCC0122', 'OCC0865', 'OCC0973']);
  });
});

describe('course lists: bad input', () => {
  it('refuses a list that is not JSON, not a list, empty, or lacks a column', async () => {
    expect((await failure('[{"code": "ST0118",', 'json')).kind).to.equal('malformed');
    expect((await failure('{"code": "ST0118"}')).kind).to.equal('malformed');
    expect((await failure('  \n ')).kind).to.equal('empty');
    expect((await failure('[]')).kind).to.equal('empty');
    expect((await failure('code,title,url\n,,\n')).kind).to.equal('empty');
    const missing = await failure('code,name\nST0118,Data');
    expect(missing.kind).to.equal('missing-columns');
    expect(missing.columns).to.deep.equal(['url']);
    expect(missing.message).to.equal('The course list has no url column.');
    expect((await failure('<!doctype html><html><body>Not found</body></html>')).kind).to.equal('missing-columns');
    expect((await failure('x'.repeat(1_000_001))).kind).to.equal('too-large');
  });

  it('reports every bad row with its number and a clear message, and keeps the good ones', async () => {
    const list = await parseCourseList(
      csv(
        'ST0118,Good,/good',
        'NOT A CODE,Bad code,/a',
        'ST9999,No such standard,/b',
        'ST0116,Script,javascript:alert(1)',
        'ST0116,Data URL,data:text/html;base64,PHNjcmlwdD4=',
        'ST0118,Good again,/good',
        ',No code,/c',
        'ST0116,,/d',
        'ST0116,No url,',
        'ZZ99,Unknown form,/e',
      ),
    );
    expect(list.courses.map((course) => course.title)).to.deep.equal(['Good', 'No such standard', 'Unknown form']);
    const overlay = matchCourses(list, targets, { complete: true });
    expect(overlay.problems.map((problem) => describeProblem(problem))).to.deep.equal([
      'Row 3: "NOT A CODE" is not a code we recognise (use an occupation such as OCC0499, a standard such as ST0499, a LARS code, a T Level such as TL0012a or a qualification number such as 610/0553/3)',
      'Row 4: no occupation on the maps has the code ST9999',
      'Row 5: "javascript:alert(1)" is not an http(s) or relative URL',
      'Row 6: "data:text/html;base64" is not an http(s) or relative URL',
      'Row 7: repeats row 2 (the same code ST0118 and url)',
      'Row 8: no code',
      'Row 9: no title',
      'Row 10: no url',
      'Row 11: "ZZ99" is not a code we recognise (use an occupation such as OCC0499, a standard such as ST0499, a LARS code, a T Level such as TL0012a or a qualification number such as 610/0553/3)',
    ]);
  });

  it('refuses rows that are not objects and stops at the row limit', async () => {
    const list = await parseCourseList(JSON.stringify(['ST0118', null, { code: 'ST0118', title: 'T', url: '/t' }]));
    expect(list.problems).to.deep.equal([
      { row: 1, kind: 'not-a-row' },
      { row: 2, kind: 'not-a-row' },
    ]);
    const many = Array.from({ length: MAX_COURSE_ROWS + 5 }, (_, i) => ({ code: 'ST0118', title: `Course ${i}`, url: `/c/${i}` }));
    const long = await parseCourseList(JSON.stringify(many));
    expect(long.courses).to.have.length(MAX_COURSE_ROWS);
    expect(long.problems).to.deep.equal([{ row: MAX_COURSE_ROWS + 1, kind: 'too-many-rows' }]);
  });
});

describe('course list sources', () => {
  beforeEach(async () => {
    clearCourseListCache();
    await fetch('/mock-api/__log', { method: 'DELETE' });
  });
  const requests = async (path: string) => ((await (await fetch('/mock-api/__log')).json()) as Array<{ path: string }>).filter((entry) => entry.path === path).length;

  it('fetches a list once per page however many elements ask', async () => {
    const body = encodeURIComponent(csv('ST0118,Data,/a'));
    const host = document.createElement('div');
    document.body.append(host);
    const source = courseSourceFor(host, `/mock-api/courses.csv?type=text/csv&body=${body}`)!;
    const [a, b] = await Promise.all([loadCourseList(source), loadCourseList(courseSourceFor(host, `/mock-api/courses.csv?type=text/csv&body=${body}`)!)]);
    expect(a).to.equal(b);
    expect(a.courses[0].title).to.equal('Data');
    expect(await requests('/mock-api/courses.csv')).to.equal(1);
    host.remove();
  });

  it('reads an inline list, the page’s by default or one named by #id', async () => {
    const script = Object.assign(document.createElement('script'), { type: 'application/json', id: 'named-courses', textContent: JSON.stringify([{ code: 'OCC0118', title: 'Inline', url: '/i' }]) });
    script.dataset.omCourses = '';
    document.body.append(script);
    const host = document.createElement('div');
    document.body.append(host);
    expect(courseSourceFor(host, null)).to.deep.equal({ kind: 'inline', script });
    expect(courseSourceFor(host, '#named-courses')).to.deep.equal({ kind: 'inline', script });
    expect((await loadCourseList(courseSourceFor(host, null)!)).courses[0].title).to.equal('Inline');
    script.remove();
    expect(courseSourceFor(host, null)).to.equal(null);
    expect(courseSourceFor(host, '#named-courses')).to.deep.equal({ kind: 'invalid', value: '#named-courses' });
    host.remove();
  });

  it('refuses an address that is not http(s) or relative, and says why an unreachable or wrong answer failed', async () => {
    const host = document.body;
    for (const value of ['javascript:alert(1)', 'data:text/csv,code', 'java\tscript:x']) {
      const error = await loadCourseList(courseSourceFor(host, value)!).then(() => null, (cause: CourseListError) => cause);
      expect(error?.kind, value).to.equal('bad-source');
    }
    const missing = await loadCourseList(courseSourceFor(host, '/mock-api/missing.csv?status=404')!).catch((cause: CourseListError) => cause);
    expect((missing as CourseListError).kind).to.equal('unreachable');
    expect((missing as CourseListError).message).to.match(/answered 404/);
    const page = await loadCourseList(courseSourceFor(host, `/mock-api/page.csv?type=text/html&body=${encodeURIComponent('<html></html>')}`)!).catch((cause: CourseListError) => cause);
    expect((page as CourseListError).kind).to.equal('malformed');
    const unreachable = await loadCourseList(courseSourceFor(host, 'http://127.0.0.1:9/courses.json')!).catch((cause: CourseListError) => cause);
    expect((unreachable as CourseListError).kind).to.equal('unreachable');
  });

  it('tries an unreachable list again, but not a malformed one', async () => {
    const host = document.body;
    // The mock fails the first request only, then answers `{}` (which is not a course list).
    const flaky = '/mock-api/flaky.json?status=503&fail=1';
    const first = await loadCourseList(courseSourceFor(host, flaky)!).catch((cause: CourseListError) => cause);
    expect((first as CourseListError).kind).to.equal('unreachable');
    const second = await loadCourseList(courseSourceFor(host, flaky)!).catch((cause: CourseListError) => cause);
    expect((second as CourseListError).kind).to.equal('malformed');
    expect(await requests('/mock-api/flaky.json')).to.equal(2);
    const broken = `/mock-api/broken.json?body=${encodeURIComponent('[{')}`;
    await loadCourseList(courseSourceFor(host, broken)!).catch(() => null);
    await loadCourseList(courseSourceFor(host, broken)!).catch(() => null);
    expect(await requests('/mock-api/broken.json')).to.equal(1);
  });
});
