import { defaultSearchWorkers } from '../config';
import { workerModule } from '../shared/ts-worker';
import { createWorkerPool } from '../workers/pool';
import type { SearchResultBytes, SearchTask } from './worker';
import type { SearchQueryT } from './schemas';

/**
 * Search worker threads (see worker.ts), one per core by default, on the one worker pool
 * (workers/pool.ts): each has its own read-only connection, so searches run side by side and the
 * main thread only routes requests and sends the JSON each worker has already serialized. Each
 * worker holds one request at a time; the others wait in one bounded queue and go to whichever
 * worker is free first. (Measured with bench:search, 10 connections, cache off: sending each
 * request at once to the worker with the fewest in hand let a short search wait behind a long one
 * on one thread while the other thread had finished.) A search still running `timeoutMs` after
 * its thread took it stops the thread (TaskTimeoutError); past `maxQueue` waiting, PoolBusyError
 * at once (the route answers both 503). A worker that dies is replaced when a request next needs
 * it, and the request it held fails (the route then searches in the main thread).
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

export interface SearchPoolLimits {
  /** Longest one search may run in a thread (from the moment a thread takes it). */
  timeoutMs?: number;
  /** Searches that may wait for a thread; one more is refused with PoolBusyError. */
  maxQueue?: number;
}

/**
 * `entry`: the thread's module; bench:search passes its floor (scripts/lib/floor-worker.ts), which
 * answers the same tasks, so the floor is served exactly as searches are.
 */
export function createSearchPool(dbPath: string, size = defaultPoolSize(), entry = workerModule('search'), limits: SearchPoolLimits = {}) {
  const pool = createWorkerPool<SearchTask, SearchResultBytes>({
    name: 'search', entry, size, timeoutMs: limits.timeoutMs ?? 5000, maxQueue: limits.maxQueue,
    workerOptions: { workerData: { dbPath }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } },
  });
  let cached = 0;
  return {
    size: pool.size,
    warm: pool.warm,
    readyThreads: pool.readyThreads,
    /** The search result as the response body: JSON text encoded as UTF-8. */
    async run(query: SearchQueryT, now: Date): Promise<Buffer> {
      const reply = await pool.run({ query, now: now.toISOString() });
      if (reply.cached) cached++;
      return Buffer.from(reply.json.buffer, reply.json.byteOffset, reply.json.byteLength);
    },
    /** Searches stopped by the time limit (tests, diagnostics). */
    timeouts: () => pool.stats().timeouts,
    /** Requests answered by each thread. */
    answered: pool.answered,
    /** Requests answered from the threads' caches of identical searches (worker.ts), all threads together. */
    cached: () => cached,
    close: pool.close,
  };
}

export type SearchPool = ReturnType<typeof createSearchPool>;
