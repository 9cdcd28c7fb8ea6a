// A Vue 3 page that uses the elements as they are: Vue is told which tags are custom elements, binds attributes,
// and listens to their `om-*` events with the usual @ syntax. With single-file components, put the same
// `isCustomElement` in your bundler's Vue plugin options (compilerOptions) instead.
import { createApp } from 'vue';
import '@occupational-maps/elements/define/route-map';
import '@occupational-maps/elements/define/occupation-card';
import '@occupational-maps/elements/define/soc-badge';

const app = createApp({
  data: () => ({ chosen: null }),
  methods: {
    choose(event) {
      // Show the card in this page instead of the map's own dialog.
      event.preventDefault();
      this.chosen = event.detail;
    },
  },
  template: `
    <main style="max-width: 70rem; margin: 0 auto; --om-color-brand: #00594f">
      <h1>Careers in digital</h1>
      <route-map route="digital" @om-occupation-select="choose"></route-map>
      <section aria-live="polite">
        <template v-if="chosen">
          <h2>You chose {{ chosen.title || chosen.code }}</h2>
          <occupation-card :code="chosen.code" variant="compact"></occupation-card>
        </template>
        <p v-else>Choose an occupation in the map to see it here.</p>
      </section>
      <p>Programmers are <soc-badge code="2134"></soc-badge> in SOC 2020.</p>
    </main>
  `,
});
const ELEMENTS = new Set(['route-map', 'occupation-card', 'soc-badge']);
app.config.compilerOptions.isCustomElement = (tag) => ELEMENTS.has(tag);
app.mount('#app');
