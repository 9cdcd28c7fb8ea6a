/**
 * DIR/index.html of a published site: a page for the web team that embeds from it. It says what data the site holds
 * and how fresh it is, shows every element live against the site, and gives copy-paste snippets that already carry
 * the site's address. Every value that comes from data or options is HTML-escaped.
 */
import type { MetaDocument } from '@occupational-maps/core';

export interface IndexExamples {
  /** Slug and name of the route shown in the map (the one with most occupations). */
  route: { slug: string; name: string };
  /** An occupation of that route with a progression map, and its SOC 2020 code. */
  occupation: { code: string; title: string; soc: string | null };
  /** A second occupation for the comparison. */
  other: { code: string; title: string } | null;
}

export interface IndexPageOptions {
  meta: MetaDocument;
  examples: IndexExamples;
  /** The site's public address ending in `/`, or null: snippets then carry paths relative to this page. */
  baseUrl: string | null;
  /** Theme preset file names (`govuk.css`, …). */
  themes: string[];
  /** The gateway package's version, for the page's footer. */
  version: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown): string => String(value).replace(/[&<>"']/g, (char) => ESCAPES[char]);

const OFFICIAL_MAPS = 'https://occupational-maps.skillsengland.education.gov.uk/';

/** "11 September 2026" (the day in UK time, as the elements' attribution line), or the raw text when it is not a date. */
export function dataDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(date);
}

/** What the data is, in the words of the elements' attribution line ("Skills England data, 11 September 2026"). */
export function dataStatement(meta: MetaDocument): string {
  const { data } = meta; // the contract fills it in for documents made before it existed
  if (data.kind === 'sample') return 'Sample data: the occupations shown are illustrative sample data, not Skills England data. Publish with OM_API_KEY set for the real data';
  return data.fetchedAt ? `Skills England data, ${dataDate(data.fetchedAt)}` : 'Skills England data';
}

/**
 * A snippet: markup for the page (run live) and the same markup as text to copy, where the site's URLs are marked so
 * that, when no base URL was given, the page's script can show them as absolute URLs of wherever it is served.
 */
function snippet(id: string, title: string, lead: string, code: string[], live: string): string {
  return `<section aria-labelledby="${id}-title">
<h2 id="${id}-title">${escapeHtml(title)}</h2>
<p>${lead}</p>
<div class="live">
${live}
</div>
<div class="snippet">
<pre id="${id}-code"><code>${code.join('\n')}</code></pre>
<button type="button" data-copy="${id}-code">Copy the code for ${escapeHtml(title.toLowerCase())}</button>
</div>
</section>`;
}

export function indexPage(options: IndexPageOptions): string {
  const { meta, examples, baseUrl } = options;
  /** A URL of this site inside a snippet: absolute with --base-url, else relative (the script below completes it). */
  const siteUrl = (path: string) =>
    baseUrl ? escapeHtml(new URL(path, baseUrl).href) : `<span data-site-path="${escapeHtml(path)}">${escapeHtml(path)}</span>`;
  const tag = (text: string) => escapeHtml(text);
  const occupation = examples.occupation;
  const route = examples.route;
  const counts = meta.counts;
  const countRows = [
    ['Routes', counts.routes],
    ['Occupations', counts.occupations],
    ['Apprenticeship standards', counts.standards],
    ['Progression links', counts.progressionEdges],
    ['SOC 2020 unit groups', counts.socUnitGroups],
  ]
    .map(([label, value]) => `<tr><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(Number(value).toLocaleString('en-GB'))}</td></tr>`)
    .join('\n');
  const compareCodes = [occupation.code, examples.other?.code].filter(Boolean).join(',');

  const sections = [
    snippet(
      'route-map',
      'Route map',
      `The ${escapeHtml(route.name)} route: pathways, clusters and occupations by level. The link inside shows until the map loads, and again if the data cannot be reached.`,
      [tag(`<route-map route="${route.slug}" controls>`), tag(`  <a href="${OFFICIAL_MAPS}">The ${route.name} route on the occupational maps</a>`), tag('</route-map>')],
      `<route-map route="${escapeHtml(route.slug)}" controls><a href="${OFFICIAL_MAPS}">The ${escapeHtml(route.name)} route on the occupational maps</a></route-map>`,
    ),
    snippet(
      'occupation-card',
      'Occupation card',
      `${escapeHtml(occupation.title)}: what the occupation is, its products, knowledge, skills and behaviours, and where it leads.`,
      [tag(`<occupation-card code="${occupation.code}">`), tag(`  <a href="${OFFICIAL_MAPS}">${occupation.title} on the occupational maps</a>`), tag('</occupation-card>')],
      `<occupation-card code="${escapeHtml(occupation.code)}"><a href="${OFFICIAL_MAPS}">${escapeHtml(occupation.title)} on the occupational maps</a></occupation-card>`,
    ),
    ...(occupation.soc
      ? [
          snippet(
            'soc-badge',
            'SOC badge',
            'The occupation\'s Standard Occupational Classification 2020 code; open it for the ONS description.',
            [tag(`<soc-badge code="${occupation.soc}" detail></soc-badge>`)],
            `<soc-badge code="${escapeHtml(occupation.soc)}" detail></soc-badge>`,
          ),
        ]
      : []),
    snippet(
      'progression-map',
      'Progression map',
      `What leads to ${escapeHtml(occupation.title)} and what it leads to.`,
      [tag(`<progression-map code="${occupation.code}" recentre></progression-map>`)],
      `<progression-map code="${escapeHtml(occupation.code)}" recentre></progression-map>`,
    ),
    snippet(
      'occupation-search',
      'Search',
      'Searches every occupation as people type.',
      [tag('<occupation-search></occupation-search>')],
      '<occupation-search></occupation-search>',
    ),
    snippet(
      'occupation-compare',
      'Comparison',
      'Two or three occupations side by side.',
      [tag(`<occupation-compare codes="${compareCodes}"></occupation-compare>`)],
      `<occupation-compare codes="${escapeHtml(compareCodes)}"></occupation-compare>`,
    ),
    snippet(
      'favourites',
      'Favourites',
      'A star to save an occupation, and the person\'s list. Nothing leaves their browser.',
      [tag(`<favourite-toggle code="${occupation.code}" title="${occupation.title}"></favourite-toggle>`), tag('<occupation-favourites></occupation-favourites>')],
      `<favourite-toggle code="${escapeHtml(occupation.code)}" title="${escapeHtml(occupation.title)}"></favourite-toggle>\n<occupation-favourites></occupation-favourites>`,
    ),
    snippet(
      'map-builder',
      'Map builder',
      'Choose a route, levels and a theme, and copy the code for that map.',
      [tag('<map-builder script-src="') + siteUrl('elements/occupational-maps.js') + tag('"></map-builder>')],
      `<map-builder script-src="${escapeHtml(baseUrl ? new URL('elements/occupational-maps.js', baseUrl).href : 'elements/occupational-maps.js')}"></map-builder>`,
    ),
  ];

  const themes = options.themes
    .map((name) => `<li><code>${tag('<link rel="stylesheet" href="')}${siteUrl(`elements/themes/${name}`)}${tag('">')}</code></li>`)
    .join('\n');
  const relativeNote = baseUrl
    ? ''
    : `<p class="note">This site was published without <code>--base-url</code>, so the code below shows the addresses of wherever this page is open. Publish with <code>--base-url https://your-site.example/</code> to write them in.</p>`;

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Occupational maps: embed from this site</title>
<link rel="icon" href="data:,">
<meta name="occupational-maps:api-base" content="v1/">
<script type="module" src="elements/occupational-maps.js"></script>
<style>
  body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; color: #0b0c0c; }
  h1 { font-size: 2rem; margin-bottom: .25rem; }
  section { border-top: 1px solid #b1b4b6; margin-top: 2rem; padding-top: 1rem; }
  table { border-collapse: collapse; } th, td { text-align: left; padding: .25rem 1.5rem .25rem 0; border-bottom: 1px solid #e0e0e0; }
  td { font-variant-numeric: tabular-nums; }
  pre { background: #f3f2f1; padding: .75rem 1rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
  code { overflow-wrap: anywhere; }
  .live { margin: 1rem 0; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .note, .data { background: #fff7bf; padding: .5rem 1rem; border-left: 5px solid #ffdd00; }
  button { font: inherit; padding: .4rem .9rem; cursor: pointer; }
  :focus-visible { outline: 3px solid #ffdd00; box-shadow: 0 0 0 5px #0b0c0c; }
</style>
</head>
<body>
<main>
<h1>Occupational maps: embed from this site</h1>
<p class="data"><strong>${escapeHtml(dataStatement(meta))}.</strong> Built ${escapeHtml(dataDate(meta.generatedAt))} by om-gateway ${escapeHtml(options.version)}.</p>
<table>
<caption class="visually-hidden">What this site holds</caption>
<tbody>
${countRows}
</tbody>
</table>
<p>${escapeHtml(meta.attribution.text)} <a href="${escapeHtml(meta.attribution.url)}">${escapeHtml(meta.attribution.licence)}</a>.</p>

<section aria-labelledby="start-title">
<h2 id="start-title">Add once per page</h2>
<p>The script defines the elements (each loads its code when it first appears); the meta tag tells them where the data is.</p>
${relativeNote}
<pre id="start-code"><code>${tag('<script type="module" src="')}${siteUrl('elements/occupational-maps.js')}${tag('"></script>')}
${tag('<meta name="occupational-maps:api-base" content="')}${siteUrl('v1/')}${tag('">')}</code></pre>
<button type="button" data-copy="start-code">Copy the code to add once per page</button>
<p>Theme presets (optional), one stylesheet each:</p>
<ul>
${themes}
</ul>
</section>

${sections.join('\n\n')}

<p role="status" id="copy-status"></p>
</main>
<script type="module">
  // Without --base-url the snippets hold paths; show them as the absolute URLs of this copy of the site.
  for (const span of document.querySelectorAll('[data-site-path]')) {
    if (/^https?:$/.test(location.protocol)) span.textContent = new URL(span.dataset.sitePath, document.baseURI).href;
  }
  const status = document.getElementById('copy-status');
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const code = document.getElementById(button.dataset.copy);
      try {
        await navigator.clipboard.writeText(code.textContent);
        status.textContent = 'Copied.';
      } catch {
        getSelection().selectAllChildren(code);
        status.textContent = 'Copying was refused: the code is selected, copy it with your keyboard.';
      }
    });
  }
</script>
</body>
</html>
`;
}
