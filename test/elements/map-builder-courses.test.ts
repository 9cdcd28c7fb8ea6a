// <map-builder>'s course step: paste or upload a list, checked row by row against the real snapshot's search index;
// the preview gets the list and the snippet carries it (inline, or by the address the college gives).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/define/map-builder.js';
import type { MapBuilder } from '../../packages/elements/src/map-builder/map-builder.js';
import type { RouteMap } from '../../packages/elements/src/route-map/route-map.js';
import { parseCourseList, type CourseList } from '../../packages/elements/src/courses/course-list.js';

const SNAPSHOT = '/test/.snapshot/v1/';
/** The elements as the test server serves them: the snippet's script must load them into a blank page. */
const ELEMENTS_MODULE = new URL('/packages/elements/src/define/route-map.ts', location.href).href;
const control = <T extends Element>(el: MapBuilder, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const summary = (el: MapBuilder) => control(el, '.course-summary').textContent!.trim();
const problems = (el: MapBuilder) => [...el.shadowRoot!.querySelectorAll('.course-problems li')].map((item) => item.textContent!.trim());
const previewCourses = (el: MapBuilder) => (control(el, 'route-map') as RouteMap & { courses?: CourseList | null }).courses;
const inlineRows = (snippet: string) => {
  const match = /<script type="application\/json" data-om-courses>\n([\s\S]*?)\n<\/script>/.exec(snippet);
  return match ? (JSON.parse(match[1]!) as Array<Record<string, string>>) : null;
};

async function builder(): Promise<MapBuilder> {
  const el = await fixture<MapBuilder>(html`<map-builder api-base=${SNAPSHOT} script-src="https://cdn.example/occupational-maps.js"></map-builder>`);
  await waitUntil(() => el.shadowRoot!.querySelectorAll('#pathway option').length > 1, 'the route loaded', { timeout: 8000 });
  return el;
}

async function paste(el: MapBuilder, text: string) {
  const area = control<HTMLTextAreaElement>(el, '#courses');
  area.value = text;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete; // the check has started: the summary of any earlier list is gone
  await waitUntil(() => /read:|cannot be used/.test(summary(el)), 'the list was checked', { timeout: 8000 });
  await el.updateComplete;
}

const LIST = [
  'code,title,url,level,mode,start,campus',
  'ST0116,Software developer apprenticeship,/courses/software,4,apprenticeship,Any time,City',
  'TL0007d,"T Level <b>Digital</b> support",https://college.example/t-level,3,full-time,September 2027,City',
  'ST9999,Unknown standard,/courses/x,,,,',
  'ST0116,Software developer apprenticeship,/courses/software,,,,',
  'ST0118,Bad link,javascript:alert(1),,,,',
  'what?,Bad code,/courses/y,,,,',
].join('\n');

describe('<map-builder> course list step', () => {
  it('checks a pasted list row by row, says what it reaches, and is accessible', async function () {
    this.timeout(60000); // axe over the builder and its full preview map, on a machine that may be busy
    const el = await builder();
    await paste(el, LIST);
    // TL0007d is carried by three Digital occupations, ST0116 by one; ST9999 is kept but reaches nothing.
    expect(summary(el)).to.equal('3 courses read: 4 occupations offered here, 4 of them on this route.');
    expect(problems(el)).to.deep.equal([
      'Row 4: no occupation on the maps has the code ST9999',
      'Row 5: repeats row 2 (the same code ST0116 and url)',
      'Row 6: "javascript:alert(1)" is not an http(s) or relative URL',
      'Row 7: "what?" is not a code we recognise (use an occupation such as OCC0499, a standard such as ST0499, a LARS code, a T Level such as TL0012a or a qualification number such as 610/0553/3)',
    ]);
    expect(previewCourses(el)?.courses.map((course) => course.title)).to.deep.equal([
      'Software developer apprenticeship',
      'T Level <b>Digital</b> support',
      'Unknown standard',
    ]);
    await expect(el).to.be.accessible();
  });

  it('puts the checked rows into the snippet as inline JSON that no course text can break out of', async () => {
    const el = await builder();
    await paste(el, LIST);
    const snippet = el.snippet;
    expect(snippet).not.to.contain('<b>');
    expect(snippet.match(/<\/script>/g)).to.have.length(2);
    const rows = inlineRows(snippet)!;
    expect(rows.map((row) => row.code)).to.deep.equal(['ST0116', 'TL0007d', 'ST9999']);
    expect(rows[1]).to.deep.equal({
      code: 'TL0007d', title: 'T Level <b>Digital</b> support', url: 'https://college.example/t-level', level: '3', mode: 'full-time', start: 'September 2027', campus: 'City',
    });
    // What the snippet carries reads back as the same courses.
    expect((await parseCourseList(JSON.stringify(rows))).courses.map((course) => course.title)).to.deep.equal(previewCourses(el)!.courses.map((course) => course.title));
    expect(control<HTMLTextAreaElement>(el, '#snippet').value).to.equal(snippet);
  });

  it('links to the college\'s own copy of the list when it gives an address, and refuses one that is not http(s) or relative', async () => {
    const el = await builder();
    await paste(el, LIST);
    const src = control<HTMLInputElement>(el, '#courses-src');
    src.value = '/our-courses.csv';
    src.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.snippet).to.contain('courses-src="/our-courses.csv"');
    expect(inlineRows(el.snippet)).to.equal(null);
    src.value = 'javascript:alert(1)';
    src.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.snippet).not.to.contain('courses-src');
    expect(inlineRows(el.snippet)).to.have.length(3);
    expect(src.getAttribute('aria-invalid')).to.equal('true');
    expect(control(el, '#courses-src-hint').textContent).to.contain('not an http(s) or relative address');
  });

  it('reads an uploaded file', async () => {
    const el = await builder();
    const input = control<HTMLInputElement>(el, '#courses-file');
    const transfer = new DataTransfer();
    transfer.items.add(new File([JSON.stringify([{ code: 'OCC0118', title: 'Data analyst apprenticeship', url: '/data' }])], 'courses.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => summary(el).includes('read:'), 'the upload was checked', { timeout: 8000 });
    expect(summary(el)).to.equal('1 course read: 1 occupation offered here, 1 of them on this route.');
    expect(control<HTMLTextAreaElement>(el, '#courses').value).to.contain('OCC0118');
  });

  it('a list that cannot be used says why, and the snippet and preview carry no courses', async function () {
    this.timeout(30000);
    const el = await builder();
    await paste(el, '[{"code": "ST0116", ');
    expect(summary(el)).to.equal('This course list cannot be used: The course list is not valid JSON.');
    expect(inlineRows(el.snippet)).to.equal(null);
    expect(previewCourses(el) ?? null).to.equal(null);
    await paste(el, 'code,name\nST0116,Software');
    expect(summary(el)).to.equal('This course list cannot be used: The course list has no url column.');
    await expect(el).to.be.accessible();
  });

  it('emits a snippet that, pasted into a blank page, marks what the list offers', async function () {
    this.timeout(30000);
    const el = await fixture<MapBuilder>(html`<map-builder api-base=${new URL(SNAPSHOT, location.href).href} script-src=${ELEMENTS_MODULE}></map-builder>`);
    await paste(el, LIST);
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 600px';
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank page</title></head><body>${el.snippet}</body></html>`;
    document.body.append(frame);
    try {
      const marked = () =>
        [...(frame.contentDocument?.querySelector('route-map')?.shadowRoot?.querySelectorAll<HTMLElement>('.map .tile') ?? [])]
          .filter((tile) => tile.querySelector('[part="offered-marker"]'))
          .map((tile) => tile.dataset.code!)
          .sort();
      const map = () => frame.contentDocument?.querySelector('route-map')?.shadowRoot?.querySelector('.map');
      // The map draws its tiles a few clusters a frame: the marks are counted once every cluster is there.
      await waitUntil(() => map() && !map()!.querySelector('.cluster--pending') && marked().length > 0, 'the pasted map marked the offered occupations', { timeout: 20000 });
      // ST0116 → Software developer; TL0007d → the three occupations carrying that specialism.
      expect(marked()).to.deep.equal(['OCC0116', 'OCC0120A', 'OCC0120B', 'OCC0973']);
    } finally {
      frame.remove();
    }
  });
});
