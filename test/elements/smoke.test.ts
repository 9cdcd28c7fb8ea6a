import { fixture, html, expect } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { bandForLevel, ROUTES } from '@occupational-maps/core';

/** A trivial element that proves the harness: Lit, TypeScript decorators' settings, core imports, axe. */
class SmokeElement extends LitElement {
  @property({ type: Number }) level = 4;
  override render() {
    return litHtml`<p>Level ${this.level} is <strong>${bandForLevel(this.level)}</strong> of ${ROUTES.length} routes.</p>
      <button type="button">Open</button>`;
  }
}
customElements.define('om-smoke-test', SmokeElement);

describe('browser harness', () => {
  it('renders a Lit element that imports core, and it is accessible', async () => {
    const el = await fixture<SmokeElement>(html`<om-smoke-test level="6"></om-smoke-test>`);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.equal('Level 6 is professional of 15 routes.');
    await expect(el).to.be.accessible();
  });

  it('axe catches a real violation (so the check above can fail)', async () => {
    const el = await fixture(html`<div><img src="data:,"></div>`);
    await expect(el).not.to.be.accessible();
  });

  it('the mock API logs requests and serves a chosen status', async () => {
    await fetch('/mock-api/__log', { method: 'DELETE' });
    const response = await fetch('/mock-api/anything.json?status=503');
    expect(response.status).to.equal(503);
    const log = await (await fetch('/mock-api/__log')).json();
    expect(log.map((entry: { path: string }) => entry.path)).to.deep.equal(['/mock-api/anything.json']);
  });
});
