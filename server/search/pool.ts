import { defaultSearchWorkers } from '../config';
import type { Worker } from 'node:worker_threads';
import { startTsWorker, workerModule } from '../shared/ts-worker';
import type { SearchRequest, SearchReply } from './worker';
import type { SearchQueryT } from './schemas';

/**
 * Search worker threads (see worker.ts), one per core by default: each has its own read-only
 * connection, so searches run side by side and the main thread only routes requests and sends
 * the JSON each worker has already serialized. Each worker holds one request at a time; the
 * others wait here in one queue and go to whichever worker is free first. (Measured with
 * bench:search, 10 connections, cache off: sending each request at once to the worker with the
 * fewest in hand let a short search wait behind a long one on one thread while the other thread
 * had finished.) A worker that dies is replaced when a request next needs it, and the request it
 * held fails (the route then searches in the main thread).
 */

/** How many search threads: one per core (os.availableParallelism), at most 4. */
export function defaultPoolSize(): number {
  return defaultSearchWorkers();
}

/**
 * The young generation of each search thread's V8 heap, in MB. V8's default lets it grow to 32 MB
 * per thread under load (two 16 MB semi-spaces) although a search's garbage is short-lived and
 * small; at 8 MB the server's rss after the bench's HTTP load was ~60 MB lower with two threads and
 * throughput unchanged within noise (docs/search.md, Serving).
 */
export const YOUNG_GENERATION_MB = 8;

interface Queued { message: SearchRequest; resolve: (json: Buffer) => void; reject: (e: Error) => void }

/** A search still running in its thread after the time limit: the thread is stopped (and replaced). */
export class SearchTimeoutError extends Error {}
/** More searches waiting than the queue holds: answered at once rather than after a long wait. */
export class SearchBusyError extends Error {}

export interface SearchPoolLimits {
  /** Longest one search may run in a thread (from the moment a thread takes it). */
  timeoutMs?: number;
  /** Searches that may wait for a thread; one more is refused with SearchBusyError. */
  maxQueue?: number;
}

interface Slot {
  worker: Worker | null;
  /** The thread has loaded (its 'ready' message) and may be given a search. */
  ready: boolean;
  /** The one request this thread holds, if any, and its time limit. */
  current: Queued | null;
  timer: NodeJS.Timeout | null;
  /** Requests this slot has answered, and how many of them from its cache (tests, diagnostics). */
  answered: number;
  cached: number;
}

/**
 * `entry`: the thread's module; bench:search passes its floor (scripts/lib/floor-worker.ts), which
 * speaks the same messages, so the floor is served exactly as searches are.
 */
export function createSearchPool(dbPath: string, size = defaultPoolSize(), entry = workerModule('search'), limits: SearchPoolLimits = {}) {
  let seq = 0;
  const timeoutMs = limits.timeoutMs ?? 5000;
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: null, ready: false, current: null, timer: null, answered: 0, cached: 0 }));
  const maxQueue = limits.maxQueue ?? slots.length * 64;
  let timeouts = 0;
  const queue: Queued[] = [];
  let closed = false;

  /** Hands waiting requests to free workers, oldest first. */
  function pump() {
    for (const slot of slots) {
      if (queue.length === 0 || closed) return;
      if (slot.current) continue;
      // A thread still loading gets nothing yet: the time limit counts the search, not the load.
      const worker = slot.worker ??= start(slot);
      if (!slot.ready) continue;
      const next = queue.shift()!;
      slot.current = next;
      slot.timer = setTimeout(() => {
        // A search that never ends holds its thread: stop it; the next request starts a fresh one.
        timeouts++;
        const held = take(slot);
        const w = slot.worker;
        slot.worker = null;
        slot.ready = false;
        void w?.terminate();
        held?.reject(new SearchTimeoutError(`search took over ${timeoutMs} ms`));
        pump();
      }, timeoutMs);
      worker.postMessage(next.message);
    }
  }

  function take(slot: Slot): Queued | null {
    const held = slot.current;
    slot.current = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return held;
  }

  function start(slot: Slot): Worker {
    const w = startTsWorker(entry,
      { workerData: { dbPath }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    w.on('message', (reply: SearchReply) => {
      if ('ready' in reply) {
        if (slot.worker === w) slot.ready = true;
        pump();
        return;
      }
      const p = slot.current;
      if (!p || p.message.id !== reply.id || slot.worker !== w) return;
      take(slot);
      slot.answered++;
      if ('error' in reply) p.reject(new Error(`search worker: ${reply.error}`));
      else {
        if (reply.cached) slot.cached++;
        p.resolve(Buffer.from(reply.json.buffer, reply.json.byteOffset, reply.json.byteLength));
      }
      pump();
    });
    const fail = (err: Error) => {
      // The request it held fails; an 'exit' after an 'error', or after close(), finds nothing left.
      if (slot.worker !== w) return;
      const loaded = slot.ready;
      slot.worker = null;
      slot.ready = false;
      take(slot)?.reject(err);
      // A thread that fails while loading would fail again: the searches waiting fail now (the
      // route then searches in the main thread) rather than restarting it in a loop.
      if (!loaded) for (const q of queue.splice(0)) q.reject(err);
      pump();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`search worker exited with code ${code}`)));
    return w;
  }

  return {
    size: slots.length,
    /** Starts the threads now, so the first searches do not wait for them to load. */
    warm() { for (const s of slots) s.worker ??= start(s); },
    /** How many threads have loaded and take searches (tests wait for all before timing them). */
    readyThreads: () => slots.filter((s) => s.ready).length,
    /** The search result as the response body: JSON text encoded as UTF-8. */
    run(query: SearchQueryT, now: Date): Promise<Buffer> {
      const id = ++seq;
      return new Promise((resolve, reject) => {
        if (closed) return reject(new Error('search pool closed'));
        if (queue.length >= maxQueue) return reject(new SearchBusyError(`${queue.length} searches already waiting`));
        queue.push({ message: { id, query, now: now.toISOString() }, resolve, reject });
        pump();
      });
    },
    /** Searches stopped by the time limit (tests, diagnostics). */
    timeouts: () => timeouts,
    /** Requests answered by each thread. */
    answered: () => slots.map((s) => s.answered),
    /** Requests answered from each thread's cache of identical searches (worker.ts). */
    cached: () => slots.map((s) => s.cached),
    async close() {
      closed = true;
      const held = slots.flatMap((s) => { const q = take(s); return q ? [q] : []; });
      for (const q of [...held, ...queue.splice(0)]) q.reject(new Error('search pool closed'));
      const workers = slots.map((s) => s.worker);
      for (const s of slots) { s.worker = null; s.ready = false; }
      await Promise.all(workers.map((w) => w?.terminate()));
    },
  };
}

export type SearchPool = ReturnType<typeof createSearchPool>;
