/**
 * Removes uploaded images that no tip, draft, revision, comment, request or template uses and
 * that are older than KOTSU_IMAGE_SWEEP_GRACE (the server also does this every
 * KOTSU_IMAGE_SWEEP_INTERVAL seconds). Safe while the server runs.
 * Usage: npm run images:sweep   (KOTSU_DB names the database, as for the server)
 */
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { sweepImages } from '../server/images/sweep';

const config = loadConfig(process.env);
const db = openDatabase(config.dbPath);
try {
  const r = await sweepImages(db, new Date(), config.imageSweepGrace);
  process.stdout.write(`images:sweep: removed ${r.deleted} unreferenced image(s), ${(r.bytes / 1024 / 1024).toFixed(1)} MB (${config.dbPath})\n`);
} catch (err) {
  process.stderr.write(`images:sweep failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  db.close();
}
