/**
 * Search in a worker thread: better-sqlite3 blocks the thread it runs on, and ranking a frequent
 * word takes milliseconds, so full searches run here on a read-only connection (WAL readers see
 * every committed write) while the main thread keeps answering other requests. The pool (pool.ts)
 * runs one per core. The reply is the response body already serialized and encoded as UTF-8 (the
 * result holds the schema's fields only, see presenter.ts): the main thread neither copies an
 * object graph nor serializes or encodes it, and the bytes it receives live outside its V8 heap.
 * The worker never writes.
 *
 * Identical searches between two commits share one answer (db/read-cache.ts on this connection:
 * its stamp is PRAGMA data_version, which moves whenever the writer commits, so any write empties
 * it and an answer computed while a commit landed is not kept). The clock enters a result only
 * through the recency term of the ranking; it is read here at minute resolution, so a cached
 * answer is exactly what the search computes at that minute. KOTSU_SEARCH_CACHE=0 turns it off
 * (to measure the search itself).
 */
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../workers/serve';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createReadCache } from '../db/read-cache';
import type { SearchQueryT } from './schemas';
import { warmLexicon } from './lexicon';
import { warmSpellings } from './spellings';
import { warmLoanwords } from './loanwords';
import { warmTransliteration } from './transliterate';
import { createSearchReader } from './reader';
import { search } from './service';

export interface SearchTask { query: SearchQueryT; now: string }
/** The response body (UTF-8 JSON), and whether it came from this thread's cache. */
export interface SearchResultBytes { json: Uint8Array; cached: boolean }

/** Answers kept per thread (each a response body of a few to a few tens of kB). */
export const CACHE_ENTRIES = 128;

const { dbPath } = workerData as { dbPath: string };
const db = openDatabase(dbPath, { readonly: true });
let now = new Date();
// The stores a search reads (reader.ts), on the read-only connection: statements are only
// prepared, and the search engine does not rebuild (the main thread owns the index).
const ctx = createSearchReader(db, loadConfig(process.env, { dbPath }), () => now);
const cache = ctx.config.searchCache ? createReadCache(db, CACHE_ENTRIES) : null;
// The dictionary's table (lexicon.ts) is read before the first search, not during it.
warmLexicon();
warmSpellings();
warmLoanwords();
warmTransliteration();

// Said `ready` only once loaded (the index's statements prepared): searches are timed from their start.
serveTasks<SearchTask, SearchResultBytes>((task) => {
  const minute = Math.floor(Date.parse(task.now) / 60_000) * 60_000;
  now = new Date(minute);
  let computed = false;
  const run = () => { computed = true; return Buffer.from(JSON.stringify(search(ctx, task.query))); };
  const json = cache ? cache.get(`${minute} ${JSON.stringify(task.query)}`, run) : run();
  // Copied to the main thread (a memcpy of the bytes, not transferred: the cache may keep them).
  return { json, cached: !computed };
});
