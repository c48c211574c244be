import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../shared/ts-worker';
import { diffContent, wholeDiff, type ContentDiff } from './diff';
import type { DiffReply, DiffRequest } from './diff-worker';
import type { RevisionContent } from './store';

/** Below this many characters (both bodies) a diff is cheaper inline than a thread round-trip. */
const INLINE_BELOW = 8192;

interface Job { req: Omit<DiffRequest, 'id'>; resolve: (d: ContentDiff) => void }

/**
 * One worker thread computes revision diffs of long bodies, one at a time, so the event loop
 * never runs one: `/api/health` and every other request keep answering while a pathological
 * diff runs. A diff still running after `timeoutMs` has its thread terminated (the next diff
 * starts a fresh one) and is answered with the whole old and new bodies (`wholeDiff`, linear),
 * as jsdiff's own give-up does. `size: 0` diffs inline (tests, tools).
 */
export function createDiffPool(opts: { size: number; timeoutMs: number }) {
  let worker: Worker | null = null;
  let ready = false;
  let current: (Job & { id: number; timer: NodeJS.Timeout | null }) | null = null;
  const queue: Job[] = [];
  let seq = 0;
  let closed = false;
  let failures = 0;

  const inline = (job: Job) => job.resolve(diffContent(job.req.before, job.req.after, job.req.context));
  const fallback = (job: Job) => job.resolve(wholeDiff(job.req.before, job.req.after, job.req.context));

  function stop() {
    const w = worker;
    worker = null;
    ready = false;
    void w?.terminate();
  }

  function start() {
    const w = startTsWorker(new URL('./diff-worker.ts', import.meta.url));
    worker = w;
    w.unref();
    w.on('message', (msg: DiffReply) => {
      if ('ready' in msg) { ready = true; failures = 0; next(); return; }
      if (!current || msg.id !== current.id) return;
      const job = current;
      current = null;
      if (job.timer) clearTimeout(job.timer);
      if ('diff' in msg) job.resolve(msg.diff); else fallback(job);
      next();
    });
    w.on('error', () => undefined);
    w.on('exit', () => {
      if (worker !== w) return;
      worker = null;
      if (!ready) failures++;
      ready = false;
      const job = current;
      current = null;
      if (job) { if (job.timer) clearTimeout(job.timer); fallback(job); }
      next();
    });
  }

  function next() {
    if (current || queue.length === 0) return;
    if (closed || failures >= 3) { while (queue.length) inline(queue.shift()!); return; }
    if (!worker) { start(); return; }
    if (!ready) return;
    const job = queue.shift()!;
    const id = ++seq;
    current = { ...job, id, timer: null };
    worker.ref();
    current.timer = setTimeout(() => {
      if (current?.id !== id) return;
      const timedOut = current;
      current = null;
      stop();
      fallback(timedOut);
      next();
    }, opts.timeoutMs);
    worker.postMessage({ id, ...job.req } satisfies DiffRequest);
  }

  return {
    diff(before: RevisionContent, after: RevisionContent, context: number): Promise<ContentDiff> {
      return new Promise((resolve) => {
        const job: Job = { req: { before, after, context }, resolve };
        if (opts.size <= 0 || closed || before.body.length + after.body.length < INLINE_BELOW) { inline(job); return; }
        queue.push(job);
        next();
      }).then((d) => { if (!current && queue.length === 0) worker?.unref(); return d as ContentDiff; });
    },
    async close() {
      closed = true;
      stop();
    },
  };
}

export type DiffPool = ReturnType<typeof createDiffPool>;
