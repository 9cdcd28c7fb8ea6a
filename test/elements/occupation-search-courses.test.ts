// <occupation-search courses-src>: the "Offered here" marker and filter over the real snapshot's search index.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OccupationSearch } from '../../packages/elements/src/occupation-search/occupation-search.js';
import { clearCourseListCache } from '../../packages/elements/src/courses/course-source.js';
import '../../packages/elements/src/define/occupation-search.js';

const SNAPSHOT = '/test/.snapshot/v1/';
const COURSES = '/test/fixtures/courses/digital.csv';
/** What the five rows reach (test/elements/courses.test.ts checks it against the index). */
const OFFERED = ['OCC0116', 'OCC0118', 'OCC0119', 'OCC0120A', 'OCC0120B', 'OCC0122', 'OCC0865', 'OCC0973'];

const options = (el: OccupationSearch) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const offeredCodes = (el: OccupationSearch) =>
  options(el)
    .filter((option) => option.querySelector('[part="offered"]'))
    .map((option) => option.id.replace('option-', ''))
    .sort();
const checkbox = (el: OccupationSearch) => el.shadowRoot!.querySelector<HTMLInputElement>('#filter-offered');

async function search(el: OccupationSearch, text: string) {
  el.shadowRoot!.querySelector('input')!.focus();
  await sendKeys({ type: text });
  await waitUntil(() => el.shadowRoot!.querySelector('.loading') === null && checkbox(el) !== null, 'the index and the course list loaded', { timeout: 8000 });
  await el.updateComplete;
}

describe('<occupation-search courses-src>', () => {
  beforeEach(() => clearCourseListCache());

  it('marks results the course list reaches "Offered here", and the filter shows only those', async () => {
    const el = await fixture<OccupationSearch>(html`<occupation-search api-base=${SNAPSHOT} courses-src=${COURSES} max-results="50"></occupation-search>`);
    await search(el, 'software');
    const all = options(el).map((option) => option.id.replace('option-', ''));
    expect(all.length).to.be.greaterThan(offeredCodes(el).length);
    const expected = all.filter((code) => OFFERED.includes(code)).sort();
    expect(expected).to.include('OCC0116');
    expect(offeredCodes(el)).to.deep.equal(expected);
    expect(options(el).find((option) => option.id === 'option-OCC0116')!.textContent).to.contain('Offered here');
    await expect(el).to.be.accessible();

    checkbox(el)!.click();
    await el.updateComplete;
    expect(options(el).map((option) => option.id.replace('option-', '')).sort()).to.deep.equal(expected);
    checkbox(el)!.click();
    await el.updateComplete;
    expect(options(el).length).to.equal(all.length);
  });

  it('offered-only starts filtered, and a LARS-coded course is found through the index', async () => {
    const el = await fixture<OccupationSearch>(html`<occupation-search api-base=${SNAPSHOT} courses-src=${COURSES} offered-only max-results="50"></occupation-search>`);
    await search(el, 'data');
    expect(checkbox(el)!.checked).to.equal(true);
    const codes = options(el).map((option) => option.id.replace('option-', ''));
    expect(codes).to.include('OCC0118'); // "Data analyst apprenticeship", row 4, given by LARS code 506
    expect(codes.every((code) => OFFERED.includes(code))).to.equal(true);
  });

  it('an unreachable course list is one notice; the search works as before', async () => {
    const el = await fixture<OccupationSearch>(html`<occupation-search api-base=${SNAPSHOT} courses-src="/mock-api/courses.csv?status=404"></occupation-search>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="courses-notice"]'), 'the notice shows');
    const notices = el.shadowRoot!.querySelectorAll('[part="courses-notice"]');
    expect(notices).to.have.length(1);
    expect(notices[0].getAttribute('role')).to.equal('status');
    expect(notices[0].textContent).to.contain('could not be shown');
    el.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'software' });
    await waitUntil(() => options(el).length > 0, 'results show');
    expect(checkbox(el)).to.equal(null);
    expect(offeredCodes(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
