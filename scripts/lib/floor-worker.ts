/**
 * bench:search's floor over HTTP: a worker thread that answers a bare FTS5 MATCH ranked by BM25
 * with the search's column weights (the same statement as the in-process floor), on a read-only
 * connection, exactly as the search threads (server/search/worker.ts) are set up, but with none
 * of the search's own work: no count, no title tier, no blend, no snippets, no presenting.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../server/db/database';

const db = openDatabase((workerData as { dbPath: string }).dbPath, { readonly: true });
const floor = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 8.0, 5.0, 1.0) LIMIT 20').pluck();

parentPort?.on('message', (m: { id: number; match: string }) => {
  parentPort?.postMessage({ id: m.id, json: JSON.stringify({ ids: floor.all(m.match) }) });
});
