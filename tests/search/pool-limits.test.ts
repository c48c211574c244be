import { afterEach, expect, test } from 'vitest';
import { createSearchPool, type SearchPool } from '../../server/search/pool';
import { PoolBusyError as SearchBusyError, TaskTimeoutError as SearchTimeoutError } from '../../server/workers/pool';

// The search pool's limits (issue 17): a time limit on each search, counted from the moment a
// thread takes it, that stops the thread; and a bounded queue that refuses at once.

const SLOW = new URL('./fixtures/slow-worker.ts', import.meta.url);
let pool: SearchPool | null = null;
afterEach(async () => { await pool?.close(); pool = null; });

const answer = async (p: Promise<Buffer>) => JSON.parse((await p).toString()) as { q: string; threadId: number };

test('a search past the time limit is stopped with its thread; the queued search behind it and later ones are answered', async () => {
  pool = createSearchPool(':unused:', 1, SLOW, { timeoutMs: 1500 });
  pool.warm();
  expect((await answer(pool.run({ q: 'first' }, new Date()))).q).toBe('first');
  const started = Date.now();
  const stuck = pool.run({ q: 'forever' }, new Date());
  const behind = pool.run({ q: 'behind' }, new Date());
  await expect(stuck).rejects.toBeInstanceOf(SearchTimeoutError);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
  // The one waiting got a fresh thread (the old one was terminated mid-loop), with its own limit.
  const next = await answer(behind);
  expect(next.q).toBe('behind');
  expect(pool.timeouts()).toBe(1);
  expect((await answer(pool.run({ q: 'wait:200' }, new Date()))).q).toBe('wait:200');
});

test('beyond the queue bound, a search is refused at once; those already queued are answered', async () => {
  pool = createSearchPool(':unused:', 1, SLOW, { timeoutMs: 10_000, maxQueue: 2 });
  // Loaded first: until its thread is ready, a search waits in the queue too.
  expect((await answer(pool.run({ q: 'loaded' }, new Date()))).q).toBe('loaded');
  const held = pool.run({ q: 'wait:300' }, new Date());
  await new Promise((r) => setTimeout(r, 50));
  const queued = [pool.run({ q: 'a' }, new Date()), pool.run({ q: 'b' }, new Date())];
  // At once: settled before any thread could answer (microtasks only, no turn of the event loop).
  let refusal: unknown = null;
  pool.run({ q: 'c' }, new Date()).catch((err: unknown) => { refusal = err; });
  for (let i = 0; i < 10; i++) await Promise.resolve();
  expect(refusal).toBeInstanceOf(SearchBusyError);
  expect((await answer(held)).q).toBe('wait:300');
  expect((await Promise.all(queued.map(answer))).map((r) => r.q)).toEqual(['a', 'b']);
});
