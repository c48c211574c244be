/**
 * bench:search's floor over HTTP: a thread of the search pool (server/search/pool.ts, which
 * queues and hands out requests exactly as for searches) that answers a bare FTS5 MATCH ranked by
 * BM25 with the search's column weights, the in-process floor's statement, on a read-only
 * connection. None of the search's own work: no count, no title tier, no blend, no snippets.
 * It answers the search threads' tasks; `query.q` carries the FTS5 expression.
 */
import { workerData } from 'node:worker_threads';
import { serveTasks } from '../../server/workers/serve';
import { openDatabase } from '../../server/db/database';
import type { SearchResultBytes, SearchTask } from '../../server/search/worker';

const db = openDatabase((workerData as { dbPath: string }).dbPath, { readonly: true });
const floor = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 8.0, 5.0, 1.0) LIMIT 20').pluck();

serveTasks<SearchTask, SearchResultBytes>((task) => ({ json: Buffer.from(JSON.stringify({ ids: floor.all(task.query.q) })), cached: false }));
