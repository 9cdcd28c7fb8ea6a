import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/define/occupation-compare.js';
import type { OccupationCompare } from '../../packages/elements/src/occupation-compare/occupation-compare.js';
import { normaliseStatement, parseCodes } from '../../packages/elements/src/occupation-compare/compare.js';

const API = '/test/fixtures/embed/features-b-v1/';

const shadow = (el: Element) => el.shadowRoot!;
const squash = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

async function compare(codes: string, width = 900): Promise<OccupationCompare> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><occupation-compare codes=${codes} api-base=${API}></occupation-compare></div>`);
  const el = wrapper.querySelector('occupation-compare')!;
  await waitUntil(() => shadow(el).querySelector('table, [part="error"]'), 'comparison rendered');
  return el;
}

/** The table as text: one array per row, header row first. */
const tableText = (el: OccupationCompare) =>
  [...shadow(el).querySelectorAll('tr')].map((row) => [...row.children].map((cell) => squash(cell.textContent)));

const group = (el: OccupationCompare, category: string, title: string) => {
  const details = shadow(el).querySelector(`details[data-category="${category}"]`)!;
  const heading = [...details.querySelectorAll('.group__title')].find((node) => squash(node.textContent).startsWith(title));
  return heading ? [...heading.nextElementSibling!.querySelectorAll('li')].map((li) => squash(li.textContent)) : [];
};

describe('<occupation-compare>', () => {
  it('parses codes and normalises statements for comparison', () => {
    expect(parseCodes(' occ0499, OCC0031 OCC0499,,')).to.deep.equal(['OCC0499', 'OCC0031']);
    expect(normaliseStatement('  Put health and  safety first.')).to.equal(normaliseStatement('PUT HEALTH AND SAFETY FIRST'));
    expect(normaliseStatement('Fit tyres')).not.to.equal(normaliseStatement('Fit tyre'));
  });

  it('compares two occupations in a real table with row headers', async () => {
    const el = await compare('OCC0499,OCC0031');
    const rows = tableText(el);
    expect(rows[0]).to.deep.equal(['', 'Autocare technician OCC0499', 'Automotive glazing technician OCC0031']);
    expect(shadow(el).querySelectorAll('tbody th[scope="row"]')).to.have.length(8);
    expect(shadow(el).querySelectorAll('thead th[scope="col"]')).to.have.length(2);
    const row = (label: string) => rows.find((cells) => cells[0] === label)!.slice(1);
    expect(row('Level')).to.deep.equal(['Level 2', 'Level 3']);
    expect(row('Band')).to.deep.equal(['Technical', 'Technical']);
    expect(row('Status')).to.deep.equal(['Approved occupational standard', 'Approved occupational standard']);
    expect(row('Typical duration')).to.deep.equal(['30 months', '24 months']);
    expect(row('Maximum funding')).to.deep.equal(['£13,000', '£11,000']);
    expect(row('SOC 2020 code')).to.deep.equal(['5231 Vehicle technicians, mechanics and electricians', 'Not available']);
    const jobTitles = shadow(el).querySelectorAll('tbody tr:last-child td')[1]!;
    expect([...jobTitles.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['Automotive glazing technician', 'Windscreen fitter']);
    expect(row('Products')[0]).to.contain('Apprenticeship: Autocare technician (ST0499)').and.to.contain('Technical qualification:');
    expect(getComputedStyle(shadow(el).querySelector('[part="cards"]')!).display, 'only the table shows when wide').to.equal('none');
    expect(squash(shadow(el).querySelector('caption')!.textContent)).to.equal('Comparing Autocare technician and Automotive glazing technician');
    await expect(el).to.be.accessible();
  });

  it('shows what KSBs and duties are shared by all and only in each, by normalised text', async () => {
    const el = await compare('OCC0499,OCC0031');
    expect(group(el, 'knowledge', 'Shared by all')).to.deep.equal(['Health and safety regulations, standards and guidance that apply in the workshop.']);
    expect(group(el, 'skills', 'Shared by all')).to.deep.equal(['Comply with health and safety procedures in the workplace.']);
    expect(group(el, 'behaviours', 'Shared by all')).to.have.members(['Put health and safety first.', 'Communicate clearly with customers.']);
    expect(group(el, 'duties', 'Shared by all')).to.deep.equal(['Communicate with customers establishing vehicle problems and their requirements.']);
    expect(group(el, 'knowledge', 'Only in Autocare technician')).to.deep.equal(['Tyre construction, types and legal requirements.']);
    expect(group(el, 'knowledge', 'Only in Automotive glazing technician')).to.deep.equal(['Vehicle glass types and adhesives.']);
    expect(group(el, 'behaviours', 'Only in')).to.deep.equal([]);
    expect(squash(shadow(el).querySelector('details[data-category="knowledge"] summary')!.textContent)).to.equal('Knowledge: 1 of 3 shared by all');
  });

  it('with three occupations, names what two of them share', async () => {
    const el = await compare('OCC0499,OCC0031,OCC0033');
    expect(group(el, 'knowledge', 'Shared by all')).to.have.length(1);
    expect(group(el, 'behaviours', 'Shared by Autocare technician and Automotive glazing technician')).to.have.members([
      'Put health and safety first.',
      'Communicate clearly with customers.',
    ]);
    expect(group(el, 'behaviours', 'Only in Heavy vehicle service and maintenance technician')).to.deep.equal(['Works safely and takes pride in their work.']);
    await expect(el).to.be.accessible();
  });

  it('compares the first three of more codes and says so', async () => {
    const el = await compare('OCC0499,OCC0031,OCC0033,OCC9666');
    expect(shadow(el).querySelector('[part="note"]')!.textContent).to.equal('Only the first three of the 4 occupations asked for are compared.');
    expect(shadow(el).querySelectorAll('thead th')).to.have.length(3);
  });

  it('says an unknown code was not found in its column while the others render', async () => {
    const el = await compare('OCC0499,OCC9999');
    const rows = tableText(el);
    expect(rows[0]).to.deep.equal(['', 'Autocare technician OCC0499', 'OCC9999']);
    const missing = shadow(el).querySelector('td[part="not-found"]')!;
    expect(missing.textContent).to.equal('No occupation found for OCC9999');
    expect(missing.getAttribute('rowspan')).to.equal('8');
    expect(rows.find((cells) => cells[0] === 'Level')).to.deep.equal(['Level', 'Level 2', 'No occupation found for OCC9999']);
    expect(shadow(el).querySelector('.statements')!.textContent).to.contain('at least two occupations');
    await expect(el).to.be.accessible();
  });

  it('says a malformed code is not an occupation code, without asking the service', async () => {
    const el = await compare('OCC0499,<script>alert(1)</script>');
    const missing = shadow(el).querySelector('td[part="not-found"]')!;
    expect(missing.textContent).to.contain('is not an occupation code');
    expect(shadow(el).querySelector('script')).to.equal(null);
  });

  it('stacks one card per occupation in a narrow container', async () => {
    const el = await compare('OCC0499,OCC0031', 400);
    expect(getComputedStyle(shadow(el).querySelector('.table-view')!).display).to.equal('none');
    const cards = [...shadow(el).querySelectorAll<HTMLElement>('[part="card"]')];
    expect(cards).to.have.length(2);
    expect(cards[1]!.getBoundingClientRect().top).to.be.greaterThan(cards[0]!.getBoundingClientRect().bottom - 1);
    const facts = [...cards[0]!.querySelectorAll('.card__row')].map((row) => [row.querySelector('dt')!.textContent, squash(row.querySelector('dd')!.textContent)]);
    expect(facts).to.deep.include(['Maximum funding', '£13,000']);
    expect(facts).to.have.length(8);
    const base = shadow(el).querySelector<HTMLElement>('.base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(el).to.be.accessible();
  });

  it('is keyboard operable: the comparison sections open and close from the keyboard', async () => {
    const el = await compare('OCC0499,OCC0031');
    const details = shadow(el).querySelector<HTMLDetailsElement>('details[data-category="skills"]')!;
    details.querySelector('summary')!.focus();
    expect(details.open).to.be.true;
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.be.false;
    await sendKeys({ press: 'Space' });
    expect(details.open).to.be.true;
  });

  it('renders script and markup in the data as inert text', async () => {
    const el = await compare('OCC9666,OCC0499');
    expect(shadow(el).querySelector('thead th')!.textContent).to.contain('<img src=x onerror="window.__pwned=1">Script title');
    expect(tableText(el).find((cells) => cells[0] === 'Typical job titles')![1]).to.equal('<script>window.__pwned=1</script>');
    expect(shadow(el).querySelector('img, script, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('asks for codes when none are given', async () => {
    const el = await fixture<OccupationCompare>(html`<occupation-compare api-base=${API}></occupation-compare>`);
    expect(shadow(el).querySelector('[part="message"]')!.textContent).to.contain('Add two or three occupation codes');
    await expect(el).to.be.accessible();
  });

  it('shows one error with Retry when the service fails for every occupation', async () => {
    const down = '/mock-api/~status=503/v1/';
    const el = await fixture<OccupationCompare>(html`<occupation-compare codes="OCC0499,OCC0033" api-base=${down}></occupation-compare>`);
    await waitUntil(() => shadow(el).querySelector('[part="error"]'), 'error shown', { timeout: 9000 });
    expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain('had a problem');
    expect(shadow(el).querySelector('[part="retry-button"]')).to.exist;
    expect(shadow(el).querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
