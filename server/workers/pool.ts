import type { Worker, WorkerOptions } from 'node:worker_threads';
import { startTsWorker } from '../shared/ts-worker';
import type { TaskReply, TaskRequest } from './serve';

/**
 * The one worker-thread pool (markdown renders, searches, revision diffs): a few threads, each
 * holding one task at a time; the others wait in one bounded queue and go to whichever thread is
 * free first.
 *
 * - **Time limit from the start of the task.** A thread is given a task only once it has loaded
 *   (its `ready` message, see serve.ts) and only when it holds none, so the task starts the moment
 *   it is handed over; the limit counts from then, never the load or the wait in the queue. A task
 *   still running after `timeoutMs` has its thread terminated (the next task starts a fresh one)
 *   and rejects with TaskTimeoutError.
 * - **Bounded queue.** More than `maxQueue` tasks waiting: the next is refused at once with
 *   PoolBusyError (the routes answer 503 with Retry-After), not kept in memory.
 * - **Crashes.** A thread that dies fails the task it held (WorkerCrashError) and is replaced
 *   when a task next needs it. Threads that fail while loading, three in a row, mean the module
 *   cannot run here: waiting and later tasks reject with PoolUnavailableError (callers then do
 *   the work some other way), as after close().
 *
 * Why not piscina (well kept, considered first): it times a task from its submission, so a task
 * queued behind a slow one could be stopped without having run, and learning when a thread takes
 * a task needs a second message channel per task. Our three pools need exactly this much: one
 * task per thread, a ready handshake, a limit from the start.
 */

export class TaskTimeoutError extends Error {}
export class PoolBusyError extends Error {}
/** The pool is closed, or its threads cannot start: do the work another way. */
export class PoolUnavailableError extends Error {}
export class WorkerCrashError extends Error {}
/** The task threw in its thread (the message is the thread's). */
export class TaskError extends Error {}

export interface WorkerPoolOptions {
  /** For messages: `render`, `search`, `diff`. */
  name: string;
  /** The thread's module (see shared/ts-worker.ts workerModule); it calls serveTasks. */
  entry: URL;
  /** Threads (at least 1). */
  size: number;
  /** Longest one task may run in its thread, from the moment the thread takes it. */
  timeoutMs: number;
  /** Tasks that may wait for a thread; one more is refused. Default: 64 per thread. */
  maxQueue?: number;
  workerOptions?: Omit<WorkerOptions, 'eval'>;
}

interface Task<I, O> { id: number; input: I; resolve: (out: O) => void; reject: (e: Error) => void }

interface Slot<I, O> {
  worker: Worker | null;
  ready: boolean;
  task: Task<I, O> | null;
  timer: NodeJS.Timeout | null;
  /** Tasks this thread answered (tests, diagnostics). */
  answered: number;
}

const START_FAILURES = 3;

export function createWorkerPool<I, O>(opts: WorkerPoolOptions) {
  const slots: Slot<I, O>[] = Array.from({ length: Math.max(1, opts.size) }, () => ({ worker: null, ready: false, task: null, timer: null, answered: 0 }));
  const maxQueue = opts.maxQueue ?? slots.length * 64;
  const queue: Task<I, O>[] = [];
  let seq = 0;
  let closed = false;
  let startFailures = 0;
  let timeouts = 0;
  let busy = 0;

  const usable = () => !closed && startFailures < START_FAILURES;

  function take(slot: Slot<I, O>): Task<I, O> | null {
    const task = slot.task;
    slot.task = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return task;
  }

  function stop(slot: Slot<I, O>): void {
    const w = slot.worker;
    slot.worker = null;
    slot.ready = false;
    void w?.terminate();
  }

  function drain(err: Error): void {
    for (const task of queue.splice(0)) task.reject(err);
  }

  function start(slot: Slot<I, O>): Worker {
    const w = startTsWorker(opts.entry, opts.workerOptions);
    slot.worker = w;
    slot.ready = false;
    // Loading, a thread keeps the process alive (a script may be waiting for it); idle, it does not.
    w.on('message', (reply: TaskReply<O>) => {
      if (slot.worker !== w) return; // replaced (time limit) or closed: already settled
      if ('ready' in reply) {
        slot.ready = true;
        startFailures = 0;
      } else {
        if (slot.task?.id !== reply.id) return;
        const task = take(slot)!;
        slot.answered++;
        if ('error' in reply) task.reject(new TaskError(`${opts.name} worker: ${reply.error}`));
        else task.resolve(reply.result);
      }
      pump();
      if (!slot.task) w.unref();
    });
    const fail = (err: Error) => {
      if (slot.worker !== w) return; // an 'exit' after an 'error', or after a stop: nothing left
      if (!slot.ready) startFailures++;
      slot.worker = null;
      slot.ready = false;
      take(slot)?.reject(new WorkerCrashError(`${opts.name} worker: ${err.message}`));
      if (usable()) return pump();
      if (!closed) process.emitWarning(`${opts.name} threads cannot start (${err.message}); the work is done another way`, 'KotsuWorkerPool');
      drain(new PoolUnavailableError(`${opts.name} threads cannot start: ${err.message}`));
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`exited with code ${code}`)));
    return w;
  }

  function pump(): void {
    for (const slot of slots) {
      if (queue.length === 0 || !usable()) return;
      if (slot.task) continue;
      const worker = slot.worker ?? start(slot);
      if (!slot.ready) continue;
      const task = queue.shift()!;
      slot.task = task;
      worker.ref(); // a task in hand keeps the process alive until it is answered
      slot.timer = setTimeout(() => {
        timeouts++;
        const timedOut = take(slot);
        stop(slot);
        timedOut?.reject(new TaskTimeoutError(`${opts.name} took over ${opts.timeoutMs} ms`));
        pump();
      }, opts.timeoutMs);
      worker.postMessage({ id: task.id, input: task.input } satisfies TaskRequest<I>);
    }
  }

  return {
    size: slots.length,
    /** The task's result from a thread; see the error classes above for how it can fail. */
    run(input: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        if (!usable()) return reject(new PoolUnavailableError(closed ? `${opts.name} pool closed` : `${opts.name} threads cannot start`));
        if (queue.length >= maxQueue) {
          busy++;
          return reject(new PoolBusyError(`${opts.name}: ${queue.length} tasks already waiting`));
        }
        queue.push({ id: ++seq, input, resolve, reject });
        pump();
      });
    },
    /** Whether run() can be given work (not closed, threads able to start). */
    usable,
    /** Starts the threads now, so the first task does not wait for one to load. */
    warm() { if (usable()) for (const s of slots) if (!s.worker) start(s); },
    /** Threads loaded and taking tasks. */
    readyThreads: () => slots.filter((s) => s.ready).length,
    /** Tasks answered by each thread. */
    answered: () => slots.map((s) => s.answered),
    /** Tasks stopped by the time limit, and refused because the queue was full. */
    stats: () => ({ answered: slots.reduce((n, s) => n + s.answered, 0), timeouts, busy, queued: queue.length }),
    async close() {
      closed = true;
      const err = new PoolUnavailableError(`${opts.name} pool closed`);
      const workers = slots.map((s) => s.worker);
      for (const s of slots) {
        s.worker = null;
        s.ready = false;
        take(s)?.reject(err);
      }
      drain(err);
      await Promise.all(workers.map((w) => w?.terminate()));
    },
  };
}

export type WorkerPool<I, O> = ReturnType<typeof createWorkerPool<I, O>>;
