/**
 * Rebuilds the search index from the published tips, with a progress display.
 * Usage: npm run reindex   (KOTSU_DB names the database, as for the server)
 * Safe while the server runs: writes go on keeping the index in step; searches during the
 * rebuild may miss tips not yet re-added.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { createSearchEngine } from '../server/search/engine';

const config = loadConfig(process.env);
const db = openDatabase(config.dbPath);
try {
  const engine = createSearchEngine(db, { rebuildIfStale: false });
  const start = performance.now();
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  const done = engine.rebuild((n, total) => {
    const pct = total ? Math.floor((n / total) * 100) : 100;
    const line = `reindex: ${n.toLocaleString()} / ${total.toLocaleString()} tips (${pct}%) ${((performance.now() - start) / 1000).toFixed(1)} s`;
    if (tty) process.stderr.write(`\r${line}`);
    else if (Math.floor(pct / 10) !== lastDecile) { lastDecile = Math.floor(pct / 10); process.stderr.write(`${line}\n`); }
  });
  if (tty) process.stderr.write('\n');
  process.stdout.write(`reindexed ${done.toLocaleString()} published tips in ${((performance.now() - start) / 1000).toFixed(1)} s (${config.dbPath})\n`);
} catch (err) {
  process.stderr.write(`reindex failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  db.close();
}
