import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createWorkerPool, PoolBusyError, PoolUnavailableError, TaskError, TaskTimeoutError, WorkerCrashError, type WorkerPool,
} from '../../server/workers/pool';
import type { SearchResultBytes, SearchTask } from '../../server/search/worker';

// The one worker pool (server/workers/pool.ts) that renders, searches and diffs run on: time limit
// from the start of a task, bounded queue, crashes and threads that cannot start. Order and
// outcomes only; no durations are asserted beyond "the limit was not counted from submission".

const SLOW = new URL('../search/fixtures/slow-worker.ts', import.meta.url);
const BROKEN = new URL('./fixtures/broken-worker.ts', import.meta.url);
type Pool = WorkerPool<SearchTask, SearchResultBytes>;
let pool: Pool | null = null;
afterEach(async () => { await pool?.close(); pool = null; });

const make = (o: { size?: number; timeoutMs?: number; maxQueue?: number; entry?: URL } = {}): Pool =>
  (pool = createWorkerPool<SearchTask, SearchResultBytes>({ name: 'test', entry: o.entry ?? SLOW, size: o.size ?? 1, timeoutMs: o.timeoutMs ?? 30_000, maxQueue: o.maxQueue }));
const ask = async (p: Pool, q: string) => JSON.parse(Buffer.from((await p.run({ query: { q }, now: '' })).json).toString()) as { q: string; threadId: number };

describe('worker pool', () => {
  it('times a task from when its thread takes it, not from when it was queued', async () => {
    const p = make({ timeoutMs: 1500 });
    await ask(p, 'loaded');
    // Three tasks of 900 ms on one thread: the last finishes ~2.7 s after it was queued, each
    // runs under the 1.5 s limit. Timed from submission, the last two would be stopped.
    const all = await Promise.all(['wait:900', 'wait:900', 'wait:900'].map((q) => ask(p, q)));
    expect(all.map((r) => r.q)).toEqual(['wait:900', 'wait:900', 'wait:900']);
    expect(p.stats().timeouts).toBe(0);
  });

  it('stops a task past the limit with its thread; the next task gets a fresh thread', async () => {
    const p = make({ timeoutMs: 500 });
    const first = await ask(p, 'hello');
    await expect(ask(p, 'forever')).rejects.toBeInstanceOf(TaskTimeoutError);
    const next = await ask(p, 'again');
    expect(next.q).toBe('again');
    expect(next.threadId).not.toBe(first.threadId);
    expect(p.stats()).toMatchObject({ timeouts: 1, answered: 2 });
  });

  it('refuses at once beyond the queue bound and answers what it queued', async () => {
    const p = make({ maxQueue: 3 });
    await ask(p, 'loaded');
    const held = ask(p, 'wait:300');
    const queued = ['a', 'b', 'c'].map((q) => ask(p, q));
    await expect(ask(p, 'd')).rejects.toBeInstanceOf(PoolBusyError);
    expect(p.stats().busy).toBe(1);
    expect((await held).q).toBe('wait:300');
    expect((await Promise.all(queued)).map((r) => r.q)).toEqual(['a', 'b', 'c']);
    // Room again once the queue drained.
    expect((await ask(p, 'e')).q).toBe('e');
  });

  it('a thread that dies fails its task only; the queue behind it is answered by a new thread', async () => {
    const p = make();
    const before = await ask(p, 'x');
    const crash = ask(p, 'crash');
    const behind = ask(p, 'behind');
    await expect(crash).rejects.toBeInstanceOf(WorkerCrashError);
    const after = await behind;
    expect(after.q).toBe('behind');
    expect(after.threadId).not.toBe(before.threadId);
  });

  it('an error thrown by the task fails that task and keeps the thread', async () => {
    const p = make();
    const before = await ask(p, 'x');
    await expect(ask(p, 'throw')).rejects.toBeInstanceOf(TaskError);
    expect((await ask(p, 'y')).threadId).toBe(before.threadId);
  });

  it('spreads tasks over its threads, each to whichever is free', async () => {
    const p = make({ size: 2 });
    p.warm();
    await vi.waitFor(() => expect(p.readyThreads()).toBe(2), { timeout: 60_000, interval: 20 });
    const replies = await Promise.all(['wait:300', 'wait:300', 'a', 'b'].map((q) => ask(p, q)));
    // Both idle and loaded: the two slow ones run side by side; the quick ones go to whichever is free.
    expect(replies[0].threadId).not.toBe(replies[1].threadId);
    expect(p.answered().every((n) => n > 0)).toBe(true);
    expect(p.answered().reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('threads that cannot load make the pool unavailable (callers do the work another way), said once', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => { warnings.push(w.name); };
    process.on('warning', onWarning);
    try {
      const p = make({ entry: BROKEN });
      await expect(ask(p, 'a')).rejects.toBeInstanceOf(PoolUnavailableError);
      expect(p.usable()).toBe(false);
      await expect(ask(p, 'b')).rejects.toBeInstanceOf(PoolUnavailableError);
      await new Promise((r) => setImmediate(r));
      expect(warnings).toEqual(['KotsuWorkerPool']);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('close() fails the held and waiting tasks as unavailable', async () => {
    const p = make();
    await ask(p, 'loaded');
    const held = expect(ask(p, 'wait:5000')).rejects.toBeInstanceOf(PoolUnavailableError);
    const waiting = expect(ask(p, 'later')).rejects.toBeInstanceOf(PoolUnavailableError);
    await p.close();
    await held;
    await waiting;
    expect(p.usable()).toBe(false);
  });
});

