// <occupation-card courses-src>: "Study with us" above the products, from the five-row CSV and the real snapshot.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { OccupationCard } from '../../packages/elements/src/occupation-card/occupation-card.js';
import { clearCourseListCache } from '../../packages/elements/src/courses/course-source.js';
import '../../packages/elements/src/define/occupation-card.js';

const SNAPSHOT = '/test/.snapshot/v1/';
const COURSES = '/test/fixtures/courses/digital.csv';

const root = (el: OccupationCard) => el.shadowRoot!;
const loaded = (el: OccupationCard) => waitUntil(() => root(el).querySelector('[part~="title"]'), 'the card loaded', { timeout: 8000 });
const coursesSection = (el: OccupationCard) => root(el).querySelector<HTMLElement>('[part~="courses"]');
const courseItems = (el: OccupationCard) =>
  [...root(el).querySelectorAll('[part="course"]')].map((item) => ({
    title: item.querySelector('a, strong')!.textContent!.trim(),
    href: item.querySelector('a')?.getAttribute('href') ?? null,
    facts: item.querySelector('.om-course-facts')?.textContent!.trim() ?? '',
  }));

async function card(markup: ReturnType<typeof html>, expectCourses = true) {
  const el = await fixture<OccupationCard>(markup);
  await loaded(el);
  if (expectCourses) await waitUntil(() => coursesSection(el), 'the courses showed', { timeout: 8000 });
  return el;
}

describe('<occupation-card courses-src>', () => {
  beforeEach(() => clearCourseListCache());

  it('lists the college\'s courses for the occupation as links, above the products, and is accessible', async () => {
    const el = await card(html`<occupation-card code="OCC0116" api-base=${SNAPSHOT} courses-src=${COURSES}></occupation-card>`);
    expect(courseItems(el)).to.deep.equal([
      { title: 'Software developer apprenticeship', href: '/courses/software-developer-apprenticeship', facts: 'Level 4 · Apprenticeship · Starts Any time · City campus' },
      { title: 'HND Software Development', href: '/courses/hnd-software-development', facts: 'Level 5 · Full-time · Starts September 2027 · City campus' },
    ]);
    const heading = coursesSection(el)!.querySelector('[part="section-heading"]')!;
    expect(heading.tagName).to.equal('H3');
    expect(heading.textContent!.trim()).to.equal('Study with us');
    const sections = [...root(el).querySelectorAll('.aside > [part~="section"]')].map((section) => section.className);
    expect(sections[0]).to.contain('section--courses');
    expect(sections[1]).to.contain('section--products');
    await expect(el).to.be.accessible();
  });

  it('finds courses by the occupation\'s LARS code and by T Level specialism; none means no section', async () => {
    const analyst = await card(html`<occupation-card code="OCC0118" api-base=${SNAPSHOT} courses-src=${COURSES}></occupation-card>`);
    expect(courseItems(analyst).map((course) => course.title)).to.deep.equal(['Data analyst apprenticeship']);
    const support = await card(html`<occupation-card code="OCC0120B" variant="compact" api-base=${SNAPSHOT} courses-src=${COURSES}></occupation-card>`);
    expect(courseItems(support).map((course) => course.title)).to.deep.equal(['T Level in Digital Support Services']);
    const other = await card(html`<occupation-card code="OCC0117" api-base=${SNAPSHOT} courses-src=${COURSES}></occupation-card>`, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(coursesSection(other)).to.equal(null);
    const hidden = await card(html`<occupation-card code="OCC0116" sections="products" api-base=${SNAPSHOT} courses-src=${COURSES}></occupation-card>`, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(coursesSection(hidden)).to.equal(null);
  });

  it('takes a heading from the courses-heading slot', async () => {
    const el = await card(html`<occupation-card code="OCC0116" api-base=${SNAPSHOT} courses-src=${COURSES}
      ><span slot="courses-heading">Learn it at Riverside College</span></occupation-card
    >`);
    const slot = coursesSection(el)!.querySelector<HTMLSlotElement>('slot[name="courses-heading"]')!;
    expect(slot.assignedNodes().map((node) => node.textContent)).to.deep.equal(['Learn it at Riverside College']);
    await expect(el).to.be.accessible();
  });

  it('shows course text as text, never as markup', async () => {
    const script = Object.assign(document.createElement('script'), {
      type: 'application/json',
      id: 'hostile-courses',
      textContent: JSON.stringify([
        { code: 'ST0116', title: '<img src=x onerror="window.__pwned = true">Hacked', url: '/ok', campus: '<b>Main</b>' },
        { code: 'ST0116', title: 'Script link', url: 'javascript:window.__pwned = true' },
      ]),
    });
    document.body.append(script);
    try {
      const el = await card(html`<occupation-card code="OCC0116" api-base=${SNAPSHOT} courses-src="#hostile-courses"></occupation-card>`);
      expect(coursesSection(el)!.querySelector('img, b')).to.equal(null);
      expect(courseItems(el)).to.deep.equal([{ title: '<img src=x onerror="window.__pwned = true">Hacked', href: '/ok', facts: '<b>Main</b> campus' }]);
      expect((window as unknown as { __pwned?: boolean }).__pwned).to.equal(undefined);
    } finally {
      script.remove();
    }
  });

  it('an unreachable or malformed list is one notice; the card shows everything else', async () => {
    for (const src of ['/mock-api/nowhere.csv?status=404', `/mock-api/bad.json?body=${encodeURIComponent('{"courses": 3}')}`]) {
      const el = await fixture<OccupationCard>(html`<occupation-card code="OCC0116" api-base=${SNAPSHOT} courses-src=${src}></occupation-card>`);
      await loaded(el);
      await waitUntil(() => root(el).querySelector('[part="courses-notice"]'), 'the notice showed', { timeout: 8000 });
      expect(root(el).querySelectorAll('[part="courses-notice"]')).to.have.length(1);
      expect(coursesSection(el)).to.equal(null);
      expect(root(el).querySelector('[part~="products"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    }
  });
});
