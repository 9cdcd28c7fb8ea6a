// A React 19 page with the generated wrappers: typed props, and typed `onOm…` events.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { OccupationCard, RouteMap, SocBadge } from '@occupational-maps/elements/react';

function CareersExplorer() {
  const [chosen, setChosen] = useState<{ code: string; title?: string } | null>(null);
  return (
    <main style={{ maxWidth: '70rem', margin: '0 auto', ['--om-color-brand' as string]: '#00594f' }}>
      <h1>Careers in digital</h1>
      <RouteMap
        route="digital"
        onOmOccupationSelect={(event) => {
          // Show the card in this page instead of the map's own dialog.
          event.preventDefault();
          setChosen(event.detail);
        }}
      />
      <section aria-live="polite">
        {chosen ? (
          <>
            <h2>You chose {chosen.title ?? chosen.code}</h2>
            <OccupationCard code={chosen.code} variant="compact" />
          </>
        ) : (
          <p>Choose an occupation in the map to see it here.</p>
        )}
      </section>
      <p>
        Programmers are <SocBadge code="2134" /> in SOC 2020.
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CareersExplorer />
  </StrictMode>,
);
