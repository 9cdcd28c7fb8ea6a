import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Memo } from '@occupational-maps/gateway';

/** A load whose answer the test releases, counting calls. */
function controlled<T>() {
  let calls = 0;
  const pending: Array<{ resolve: (value: T) => void; reject: (error: Error) => void }> = [];
  const load = () => {
    calls++;
    return new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return { load, calls: () => calls, next: () => pending.shift()! };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

test('single flight: callers of one key share one load; a fresh value is reused until the TTL', async () => {
  let now = 0;
  const memo = new Memo<string>({ ttlMs: 1000, now: () => now });
  const source = controlled<string>();
  const both = Promise.all([memo.get('a', source.load), memo.get('a', source.load)]);
  await tick();
  source.next().resolve('one');
  assert.deepEqual(await both, [{ value: 'one', freshness: 'miss' }, { value: 'one', freshness: 'miss' }]);
  now = 999;
  assert.deepEqual(await memo.get('a', source.load), { value: 'one', freshness: 'fresh' });
  assert.equal(source.calls(), 1);
});

test('without stale-while-revalidate an expired value waits for a new load; a failure is not remembered', async () => {
  let now = 0;
  const memo = new Memo<string>({ ttlMs: 10, now: () => now });
  await memo.get('a', async () => 'one');
  now = 10;
  await assert.rejects(memo.get('a', async () => Promise.reject(new Error('down'))), /down/);
  assert.deepEqual(await memo.get('a', async () => 'two'), { value: 'two', freshness: 'miss' });
});

test('stale-while-revalidate: the stale value answers at once, one refresh replaces it, a failure never does', async () => {
  let now = 0;
  const failures: string[] = [];
  const memo = new Memo<string>({ ttlMs: 10, now: () => now, staleWhileRevalidate: true, onRefreshFailed: (key) => failures.push(key) });
  await memo.get('a', async () => 'one');
  now = 10;
  const source = controlled<string>();
  assert.deepEqual(await memo.get('a', source.load), { value: 'one', freshness: 'stale' });
  assert.deepEqual(await memo.get('a', source.load), { value: 'one', freshness: 'stale' });
  assert.equal(source.calls(), 1, 'one background refresh');
  source.next().reject(new Error('down'));
  await tick();
  assert.deepEqual(failures, ['a']);
  assert.equal(memo.peek('a'), 'one', 'kept');
  // The next refresh waits (refreshRetryMs defaults to the TTL), then runs and replaces the value.
  assert.deepEqual(await memo.get('a', source.load), { value: 'one', freshness: 'stale' });
  assert.equal(source.calls(), 1, 'no refresh right after a failed one');
  now = 20;
  await memo.get('a', source.load);
  source.next().resolve('two');
  await tick();
  assert.deepEqual(await memo.get('a', source.load), { value: 'two', freshness: 'fresh' });
});

test('ready: what get answers without waiting, synchronously — fresh, or stale with its refresh started; nothing when a load must be awaited', async () => {
  let now = 0;
  const memo = new Memo<string>({ ttlMs: 10, now: () => now, staleWhileRevalidate: true });
  const source = controlled<string>();
  assert.equal(memo.ready('a', source.load), undefined, 'nothing held');
  assert.equal(source.calls(), 0, 'ready never starts a first load');
  await memo.get('a', async () => 'one');
  assert.deepEqual(memo.ready('a', source.load), { value: 'one', freshness: 'fresh' });
  now = 10;
  assert.deepEqual(memo.ready('a', source.load), { value: 'one', freshness: 'stale' });
  assert.deepEqual(memo.ready('a', source.load), { value: 'one', freshness: 'stale' });
  assert.equal(source.calls(), 1, 'one background refresh, as get starts');
  source.next().resolve('two');
  await tick();
  assert.deepEqual(memo.ready('a', source.load), { value: 'two', freshness: 'fresh' });
  const plain = new Memo<string>({ ttlMs: 10, now: () => now });
  await plain.get('a', async () => 'one');
  now = 30;
  assert.equal(plain.ready('a', source.load), undefined, 'without stale-while-revalidate an expired value waits');
});

test('`replaces` can refuse a refreshed value (the catalogue refuses an empty walk): the held one stays', async () => {
  let now = 0;
  const refused: unknown[] = [];
  const memo = new Memo<string[]>({ ttlMs: 10, now: () => now, staleWhileRevalidate: true, replaces: (next) => next.length > 0, onRefreshFailed: (_, error) => refused.push(error) });
  await memo.get('a', async () => ['x']);
  now = 10;
  await memo.get('a', async () => []);
  await tick();
  assert.deepEqual(memo.peek('a'), ['x']);
  assert.equal((refused[0] as Error).name, 'RefusedRefresh');
  now = 20;
  await memo.get('a', async () => ['y']);
  await tick();
  assert.deepEqual(await memo.get('a', async () => ['z']), { value: ['y'], freshness: 'fresh' });
});

test('bounded: past maxEntries the oldest stored go first', async () => {
  const memo = new Memo<number>({ ttlMs: 1000, maxEntries: 3 });
  for (const key of ['a', 'b', 'c', 'd', 'e']) await memo.get(key, async () => key.charCodeAt(0));
  assert.equal(memo.size, 3);
  assert.deepEqual(['a', 'b', 'c', 'd', 'e'].map((key) => memo.peek(key) !== undefined), [false, false, true, true, true]);
});
