// The soak section of docs/reliability.md, rendered from test/.results/soak.json. One renderer for both writers:
// `npm run soak` (which replaces only this section) and `npm run reliability` (which writes the whole document).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const SOAK_START = '<!-- soak: start (written by npm run soak and npm run reliability from test/.results/soak.json) -->';
export const SOAK_END = '<!-- soak: end -->';

const n = (value) => (typeof value === 'number' ? value.toLocaleString('en-GB') : '—');
const ms = (value) => (typeof value === 'number' ? `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-GB')} ms` : '—');
const statuses = (counts) => Object.entries(counts ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}: ${n(count)}`).join(', ') || '—';

/** Markdown for the soak: what ran, latency and statuses per kind of request, upstream calls per fault, RSS over time. */
export function renderSoakSection(soak) {
  if (!soak?.kinds) return `## Soak (\`npm run soak\`)\n\nNot measured: run \`npm run soak\`.\n`;
  const kinds = Object.entries(soak.kinds);
  return `## Soak (\`npm run soak\`)

${soak.verdict === 'passed' ? '**Passed.**' : `**FAILED:** ${(soak.problems ?? []).join('; ')}.`} ${n(soak.requests)} requests in ${soak.seconds} s
(${n(soak.requestsPerSecond)}/s) from ${n(soak.workers)} concurrent connections against \`om-gateway serve --warm\`
(${soak.gatewayEntry}) in its own process, live source, \`OM_CACHE_TTL=${soak.config.cacheTtlSeconds}\`,
upstream timeout ${n(soak.config.upstreamTimeoutMs)} ms with ${soak.config.upstreamRetries} retries, on a mock upstream
(real loopback HTTP, the embedded dataset's records) whose behaviour changes every ${soak.phaseSeconds} s:
${soak.schedule.map((phase) => `${phase.from}–${phase.to} s ${phase.state}`).join(', ')}.
Run at ${soak.updatedAt} on a ${soak.machine}.

| kind of request | requests | p50 | p90 | p99 | max | answers by status |
| --- | --- | --- | --- | --- | --- | --- |
${kinds.map(([kind, k]) => `| ${k.label} | ${n(k.requests)} | ${ms(k.p50)} | ${ms(k.p90)} | ${ms(k.p99)} | ${ms(k.max)} | ${statuses(k.statuses)} |`).join('\n')}
| **all** | ${n(soak.requests)} | ${ms(soak.latency.p50)} | ${ms(soak.latency.p90)} | ${ms(soak.latency.p99)} | ${ms(soak.latency.max)} | ${statuses(soak.statuses)} |

Errors by status (every answer that is not 200, and not the 404 an unknown code should get): ${statuses(soak.errorsByStatus)}.
Client-side failures (connection errors, no answer within ${n(soak.clientTimeoutMs)} ms): ${n(soak.clientFailures)}.
Access-log lines: ${n(soak.accessLogLines)} for ${n(soak.requests + soak.setupRequests)} requests (the soak's and its set-up's), plus ${n(soak.warmRequests)} marked \`"via":"warm-up"\` for the start-up build.

Upstream calls (attempts, retries included): ${n(soak.upstream.total)} in all, ${n(soak.upstream.duringSoak)} during the
timed run; by the gateway's own count (\`om_upstream_calls_total\`): ${statuses(soak.upstream.byResult)}.
Largest upstream queue seen: ${soak.upstream.maxQueueDepth === null ? 'not exposed by this build' : n(soak.upstream.maxQueueDepth)}.

| upstream behaviour | seconds | requests served | upstream calls | calls per 100 requests | cached p99 |
| --- | --- | --- | --- | --- | --- |
${soak.byState.map((s) => `| ${s.state} | ${n(s.seconds)} | ${n(s.requests)} | ${n(s.upstreamCalls)} | ${s.requests ? (100 * s.upstreamCalls / s.requests).toFixed(1) : '—'} | ${ms(s.cachedP99)} |`).join('\n')}

Gateway memory over time (from its own \`/metrics\`): RSS ${soak.rss.startMb} MB at the start, ${soak.rss.endMb} MB at the
end, peak ${soak.rss.peakMb} MB; heap growth from the first to the last quarter ${soak.heapGrowthMb} MB.

| second | ${soak.rss.samples.map((sample) => sample.second).join(' | ')} |
| --- | ${soak.rss.samples.map(() => '---').join(' | ')} |
| RSS MB | ${soak.rss.samples.map((sample) => sample.rssMb).join(' | ')} |
| upstream calls so far | ${soak.rss.samples.map((sample) => n(sample.upstreamCalls)).join(' | ')} |
`;
}

/** Replaces the soak section of the document (between its markers), leaving the rest as it is. */
export function writeSoakSection(docPath, soak) {
  const section = `${SOAK_START}\n${renderSoakSection(soak)}${SOAK_END}`;
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Reliability report\n';
  const from = doc.indexOf(SOAK_START);
  const to = doc.indexOf(SOAK_END);
  const next = from >= 0 && to > from ? `${doc.slice(0, from)}${section}${doc.slice(to + SOAK_END.length)}` : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(docPath, next);
}
