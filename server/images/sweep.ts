import type { FastifyInstance } from 'fastify';
import type { Context } from '../context';
import type { Database } from '../db/database';

export interface SweepResult { candidates: number; deleted: number; bytes: number }

const DAY_MS = 24 * 3600 * 1000;

/**
 * Removes images that no tip, draft, revision, comment, request or template names any more and
 * that are older than `graceSeconds` (an image just uploaded into an editor is not referenced
 * until the draft is saved). What names what is the image_refs table (refs.ts), which the
 * triggers of migration 0030 keep exact in the same transaction as each write, so the check and
 * the deletion are one statement: an image put back into a tip meanwhile is never removed.
 * Upload-log rows older than two days (past any daily quota window) are dropped too.
 */
export async function sweepImages(db: Database, now: Date, graceSeconds: number): Promise<SweepResult> {
  const cutoff = new Date(now.getTime() - graceSeconds * 1000).toISOString();
  return db.transaction((): SweepResult => {
    const unused = db.prepare(`SELECT hash, size FROM images i WHERE created_at < ?
      AND NOT EXISTS (SELECT 1 FROM image_refs r WHERE r.hash = i.hash)`).all(cutoff) as { hash: string; size: number }[];
    const remove = db.prepare('DELETE FROM images WHERE hash = ?');
    // Members' own copies of the bytes (migration 0035) go with the image.
    const copies = db.prepare('SELECT count(*) FROM image_copies WHERE hash = ?').pluck();
    let bytes = 0;
    let deleted = 0;
    for (const { hash, size } of unused) {
      const stored = 1 + (copies.get(hash) as number);
      const changes = remove.run(hash).changes;
      deleted += changes;
      bytes += changes * size * stored;
    }
    db.prepare('DELETE FROM image_uploads WHERE created_at < ?').run(new Date(now.getTime() - 2 * DAY_MS).toISOString());
    return { candidates: unused.length, deleted, bytes };
  })();
}

/** Runs the sweep every `imageSweepInterval` seconds in the server process (0: never); stops on close. */
export function scheduleImageSweep(app: FastifyInstance, ctx: Context): void {
  const every = ctx.config.imageSweepInterval;
  if (every <= 0) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepImages(ctx.db, ctx.now(), ctx.config.imageSweepGrace)
      .then((r) => { if (r.deleted > 0) app.log.info(r, 'unreferenced images removed'); })
      .catch((err: unknown) => { app.log.error({ err }, 'image sweep failed'); })
      .finally(() => { running = false; });
  }, every * 1000);
  timer.unref();
  app.addHook('onClose', async () => { clearInterval(timer); });
}
