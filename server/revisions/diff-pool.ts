import { unavailable } from '../http/errors';
import { workerModule } from '../shared/ts-worker';
import { createWorkerPool, PoolBusyError, PoolUnavailableError } from '../workers/pool';
import { diffContent, wholeDiff } from './diff';
import type { DiffTask } from './diff-worker';
import type { RevisionContent } from './store';

/** Below this many characters (both bodies) a diff is cheaper inline than a thread round-trip. */
const INLINE_BELOW = 8192;

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/**
 * Revision diffs of long bodies run in a thread of the one worker pool (workers/pool.ts), so the
 * event loop never computes or serializes one: `/api/health` and every other request keep
 * answering while a pathological diff runs. The answer is the diff as JSON text (ContentDiff),
 * serialized in the thread. A diff still running `timeoutMs` after its thread took it has the
 * thread terminated and is answered with the whole old and new bodies (`wholeDiff`, linear), as
 * jsdiff's own give-up does (computed in a fresh thread as well); so is one whose thread crashed. Too many waiting: 503. `size: 0`
 * diffs inline (tests, tools), as does a pool whose threads cannot start.
 */
export function createDiffPool(opts: { size: number; timeoutMs: number; maxQueue?: number }) {
  const pool = opts.size > 0
    ? createWorkerPool<DiffTask, Uint8Array>({ name: 'diff', entry: workerModule('diff'), size: opts.size, timeoutMs: opts.timeoutMs, maxQueue: opts.maxQueue })
    : null;
  return {
    /** The diff as JSON text (a ContentDiff). */
    async diff(before: RevisionContent, after: RevisionContent, context: number): Promise<Buffer> {
      if (!pool || !pool.usable() || before.body.length + after.body.length < INLINE_BELOW) return json(diffContent(before, after, context));
      const run = async (whole: boolean) => {
        const bytes = await pool.run({ before, after, context, whole });
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      };
      try {
        return await run(false);
      } catch (err) {
        if (err instanceof PoolBusyError) throw unavailable('busy', 'too many diffs waiting; try again shortly');
        if (err instanceof PoolUnavailableError) return json(diffContent(before, after, context));
      }
      // Out of time, crashed or threw: old and new shown whole, in linear time, built and
      // serialized in a (fresh) thread too: 50,000 lines are 100,000 rows. Here only if that fails.
      try {
        return await run(true);
      } catch (err) {
        if (err instanceof PoolBusyError) throw unavailable('busy', 'too many diffs waiting; try again shortly');
        return json(wholeDiff(before, after, context));
      }
    },
    warm() { pool?.warm(); },
    stats: () => pool?.stats() ?? { answered: 0, timeouts: 0, busy: 0, queued: 0 },
    async close() { await pool?.close(); },
  };
}

export type DiffPool = ReturnType<typeof createDiffPool>;
