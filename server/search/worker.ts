/**
 * Search in a worker thread: better-sqlite3 blocks the thread it runs on, and ranking a frequent
 * word takes milliseconds, so full searches run here on a read-only connection (WAL readers see
 * every committed write) while the main thread keeps answering other requests. The pool (pool.ts)
 * runs one per core. The reply is the response body already serialized (the result holds the
 * schema's fields only, see presenter.ts), so the main thread neither copies an object graph
 * nor serializes it. The worker never writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config';
import { createContext } from '../context';
import { openDatabase } from '../db/database';
import type { SearchQueryT } from './schemas';
import { search } from './service';

export interface SearchRequest { id: number; query: SearchQueryT; now: string }
export type SearchReply = { id: number; json: string } | { id: number; error: string };

const { dbPath } = workerData as { dbPath: string };
const db = openDatabase(dbPath, { readonly: true });
let now = new Date();
// The app's own context on the read-only connection: statements are only prepared, and the
// search engine does not rebuild (the main thread owns the index).
const ctx = createContext(db, loadConfig(process.env, { dbPath }), () => now);

parentPort?.on('message', (req: SearchRequest) => {
  now = new Date(req.now);
  try {
    parentPort?.postMessage({ id: req.id, json: JSON.stringify(search(ctx, req.query)) } satisfies SearchReply);
  } catch (err) {
    parentPort?.postMessage({ id: req.id, error: (err as Error).message } satisfies SearchReply);
  }
});
