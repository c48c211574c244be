import type { FastifyInstance } from 'fastify';
import type { Context } from '../context';
import type { Database } from '../db/database';

/** Every place member-written Markdown is kept; an image any of them names is in use. */
const SOURCES = [
  { table: 'posts', column: 'body', changed: 'updated_at' }, // tips and drafts
  { table: 'post_revisions', column: 'body', changed: 'created_at' },
  { table: 'comments', column: 'body', changed: 'updated_at' },
  { table: 'tip_requests', column: 'body', changed: 'updated_at' },
  { table: 'templates', column: 'body', changed: 'updated_at' },
] as const;

// Linear: a fixed prefix, then exactly 64 hex digits.
const IMAGE_REF = /\/api\/images\/([0-9a-f]{64})\./g;
const PAGE = 500;

export interface SweepResult { candidates: number; deleted: number; bytes: number }

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Removes images that no tip, draft, revision, comment, request or template names any more and
 * that are older than `graceSeconds` (an image just uploaded into an editor is not referenced
 * until the draft is saved). The bodies are read page by page, yielding to the event loop
 * between pages; the final check and the deletion run in one transaction that also reads again
 * every row changed since the scan began, so an image put back into a tip meanwhile is kept.
 * Upload-log rows older than two days (past any daily quota window) are dropped too.
 */
export async function sweepImages(db: Database, now: Date, graceSeconds: number): Promise<SweepResult> {
  const started = now.toISOString(); // rows written from here on are read again before deleting
  const cutoff = new Date(now.getTime() - graceSeconds * 1000).toISOString();
  const candidates = new Set(db.prepare('SELECT hash FROM images WHERE created_at < ?').pluck().all(cutoff) as string[]);
  if (candidates.size > 0) {
    const collect = (text: string) => {
      for (const m of text.matchAll(IMAGE_REF)) candidates.delete(m[1]);
    };
    for (const s of SOURCES) {
      const page = db.prepare(`SELECT rowid AS id, ${s.column} AS text FROM ${s.table} WHERE rowid > ? ORDER BY rowid LIMIT ${PAGE}`);
      let after = 0;
      for (;;) {
        const rows = page.all(after) as { id: number; text: string }[];
        for (const r of rows) collect(r.text);
        if (rows.length < PAGE || candidates.size === 0) break;
        after = rows[rows.length - 1].id;
        await tick();
      }
      if (candidates.size === 0) break;
    }
    return db.transaction(() => {
      for (const s of SOURCES) {
        for (const text of db.prepare(`SELECT ${s.column} FROM ${s.table} WHERE ${s.changed} >= ?`).pluck().iterate(started)) {
          collect(text as string);
        }
      }
      const size = db.prepare('SELECT size FROM images WHERE hash = ?').pluck();
      const remove = db.prepare('DELETE FROM images WHERE hash = ?');
      let bytes = 0;
      let deleted = 0;
      for (const hash of candidates) {
        bytes += (size.get(hash) as number | undefined) ?? 0;
        deleted += remove.run(hash).changes;
      }
      db.prepare('DELETE FROM image_uploads WHERE created_at < ?').run(new Date(now.getTime() - 2 * 24 * 3600 * 1000).toISOString());
      return { candidates: candidates.size, deleted, bytes };
    })();
  }
  db.prepare('DELETE FROM image_uploads WHERE created_at < ?').run(new Date(now.getTime() - 2 * 24 * 3600 * 1000).toISOString());
  return { candidates: 0, deleted: 0, bytes: 0 };
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
