// The web-test-runner mock API (Koa middleware). Browser tests reach it at /mock-api/…; it serves whatever the
// test asks for and logs every request so tests can count them. Elements' happy paths read the real snapshot of
// the embedded dataset instead (see test/README.md).
//
// A data client builds its own URLs from an api-base, so the options can also sit in one path segment that
// starts with `~`: `/mock-api/~status=503&fail=2&retryAfter=1/v1/soc/2136.json`. Options: status, delay, body,
// retryAfter (a Retry-After header), type (the Content-Type, default JSON), fail=N (only the first N requests to that path get `status`; later ones
// succeed). A successful `/mock-api/[~…/]v1/<path>` with no body serves test/.snapshot/v1/<path> when the
// snapshot has it, else test/fixtures/v1/<path>, else `{}`.
import { readFile } from 'node:fs/promises';

const log = [];
const DOCUMENT_ROOTS = ['../test/.snapshot/v1/', '../test/fixtures/v1/'].map((dir) => new URL(dir, import.meta.url));

async function readDocument(path) {
  if (path.split('/').some((segment) => segment === '..' || segment === '')) return undefined;
  for (const root of DOCUMENT_ROOTS) {
    try {
      return await readFile(new URL(path, root), 'utf8');
    } catch {
      // Not in this root: try the next.
    }
  }
  return undefined;
}

export async function mockApi(ctx, next) {
  if (ctx.path === '/mock-api/__log') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(log);
    if (ctx.method === 'DELETE') log.length = 0;
    return;
  }
  if (!ctx.path.startsWith('/mock-api/')) return next();
  log.push({ path: ctx.path, method: ctx.method, query: ctx.querystring });
  const inPath = ctx.path.match(/^\/mock-api\/~([^/]*)\/(.*)$/);
  const options = { ...Object.fromEntries(new URLSearchParams(inPath ? decodeURIComponent(inPath[1]) : '')), ...ctx.query };
  const rest = inPath ? inPath[2] : ctx.path.slice('/mock-api/'.length);
  const hitsOnPath = log.filter((entry) => entry.path === ctx.path).length;
  const failing = options.fail === undefined || hitsOnPath <= Number(options.fail);
  const status = failing ? Number(options.status ?? 200) : 200;
  const delay = Number(options.delay ?? 0);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 10000)));
  if (failing && options.retryAfter !== undefined) ctx.set('Retry-After', options.retryAfter);
  ctx.status = status;
  ctx.type = options.type ?? 'application/json';
  // The test runner marks every response with a file extension cacheable for a year (after this middleware runs);
  // `Vary: *` keeps the browser from reusing a mock answer, so every request reaches the mock and its log.
  ctx.set('Vary', '*');
  const document = status < 400 && options.body === undefined && rest.startsWith('v1/') ? await readDocument(rest.slice(3)) : undefined;
  ctx.body = (failing ? options.body : undefined) ?? document ?? JSON.stringify(status >= 400 ? { error: { code: 'mock', message: `Mock status ${status}` } } : {});
}
