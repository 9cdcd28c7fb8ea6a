import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { discover } from '../../packages/elements/src/autoloader/index.js';

// The autoloader (the CDN bundle's entry) in real Chromium: each element's code is imported when its tag first
// appears, in the document or, through discover(), in a shadow root the document's observer cannot see into.
// Importing it above already scanned this (empty) page and started watching it.

const defined = (tag: string) => customElements.get(tag) !== undefined;
/** Resolves when `tag` is defined, or fails the test after `ms` (whenDefined alone never rejects). */
const whenDefinedWithin = (tag: string, ms = 4000) =>
  Promise.race([
    customElements.whenDefined(tag),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`<${tag}> was not defined within ${ms} ms`)), ms)),
  ]);

describe('autoloader', () => {
  it('defines nothing until an element appears', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const tag of ['soc-badge', 'route-map', 'occupation-card', 'occupation-search', 'map-builder']) {
      expect(defined(tag), `<${tag}> before any appeared`).to.equal(false);
    }
  });

  it('defines an element added to the document later, and only what it needs', async () => {
    const el = await fixture(html`<div><p>Host content</p><soc-badge code="2134"></soc-badge></div>`);
    await whenDefinedWithin('soc-badge');
    const badge = el.querySelector('soc-badge')!;
    await waitUntil(() => badge.shadowRoot?.textContent?.includes('Programmers and software development professionals'), 'the badge rendered its title');
    expect(defined('route-map'), 'an element that is not on the page stays unloaded').to.equal(false);
    expect(defined('occupation-compare')).to.equal(false);
  });

  it('upgrades an element created and given properties before its code arrived', async () => {
    const compare = document.createElement('occupation-compare');
    compare.setAttribute('codes', 'OCC0499');
    (compare as HTMLElement & { apiBase?: string }).apiBase = '/test/.snapshot/v1/';
    document.body.append(compare);
    try {
      await whenDefinedWithin('occupation-compare');
      // Upgraded; the first render (which gives back properties set before the upgrade) comes in a task of its own.
      await (compare as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
      expect(compare.shadowRoot?.childElementCount, 'upgraded and rendered').to.be.greaterThan(0);
      expect((compare as HTMLElement & { apiBase?: string }).apiBase).to.equal('/test/.snapshot/v1/');
    } finally {
      compare.remove();
    }
  });

  it('discover(shadowRoot) finds elements the document observer cannot see, and watches that root afterwards', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<occupation-favourites></occupation-favourites>';
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(defined('occupation-favourites'), 'hidden in a shadow root').to.equal(false);

    await discover(root);
    expect(defined('occupation-favourites')).to.equal(true);

    root.append(document.createElement('progression-map'));
    await whenDefinedWithin('progression-map');
  });

  it('defines a loading="lazy" element only when it comes near the viewport', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><div style="height: 400vh"></div><occupation-search loading="lazy"></occupation-search></div>`);
    const search = page.querySelector('occupation-search')!;
    await discover(page);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(defined('occupation-search'), 'its code is not fetched four screens away').to.equal(false);
    search.scrollIntoView();
    try {
      await whenDefinedWithin('occupation-search');
    } finally {
      window.scrollTo(0, 0);
    }
  });

  it('never rejects, and resolves at once for a root without elements', async () => {
    const empty = document.createElement('section');
    await discover(empty);
    await discover(document);
  });
});
