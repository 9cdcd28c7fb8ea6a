// The web-test-runner mock API (Koa middleware). Browser tests reach it at /mock-api/…; it serves whatever the
// test asks for and logs every request so tests can count them. Elements' happy paths read the real snapshot of
// the embedded dataset instead (see test/README.md).
const log = [];

export async function mockApi(ctx, next) {
  if (ctx.path === '/mock-api/__log') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(log);
    if (ctx.method === 'DELETE') log.length = 0;
    return;
  }
  if (!ctx.path.startsWith('/mock-api/')) return next();
  log.push({ path: ctx.path, method: ctx.method, query: ctx.querystring });
  const status = Number(ctx.query.status ?? 200);
  const delay = Number(ctx.query.delay ?? 0);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 10000)));
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = ctx.query.body ?? JSON.stringify(status >= 400 ? { error: { code: 'mock', message: `Mock status ${status}` } } : {});
}
