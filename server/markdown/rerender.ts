/**
 * Renders stored HTML again when the renderer's output has changed (version.ts): tips, comments and
 * 教えて requests, oldest first, a batch at a time in the background after start-up, so the app
 * serves at once and a fix reaches old rows without anyone editing them. Only the HTML changes: no
 * edit time, revision, notification or audit entry — the text is the one its author wrote. A tip's
 * search entry follows its new HTML. Progress is kept per table (render_state), so a restart goes
 * on where it stopped; rows written meanwhile are rendered by the current version already, and
 * rendering them again changes nothing.
 */
import type { FastifyInstance } from 'fastify';
import type { Context } from '../context';
import { RENDER_VERSION } from './version';

const SOURCES = ['posts', 'comments', 'tip_requests'] as const;
type Source = (typeof SOURCES)[number];
/** Rows rendered in one step (one transaction): a few hundred milliseconds at most, then other work runs. */
export const RERENDER_BATCH = 100;

export interface RerenderStep { done: boolean; rendered: number; changed: number }

/**
 * Renders the next batch of the first table not yet done for RENDER_VERSION; `done` once none is
 * left. Bodies render as any other does (ctx.markdown: a long one in a render thread, within its
 * time limit), so a costly body holds up nothing else; one that fails keeps its HTML. A row whose
 * body changed while it rendered (an edit, which wrote its own fresh HTML) is left as it is.
 */
export async function rerenderStep(ctx: Context, limit = RERENDER_BATCH): Promise<RerenderStep> {
  const { db } = ctx;
  const stateOf = db.prepare('SELECT version, after_id FROM render_state WHERE source = ?');
  for (const source of SOURCES) {
    const state = stateOf.get(source) as { version: number; after_id: number } | undefined;
    if (state && state.version === RENDER_VERSION && state.after_id === -1) continue;
    const after = state && state.version === RENDER_VERSION ? state.after_id : 0;
    return step(ctx, source, after, limit);
  }
  return { done: true, rendered: 0, changed: 0 };
}

async function step(ctx: Context, source: Source, after: number, limit: number): Promise<RerenderStep> {
  const { db } = ctx;
  const rows = db.prepare(`SELECT id, body, html FROM ${source} WHERE id > ? ORDER BY id LIMIT ?`).all(after, limit) as { id: number; body: string; html: string }[];
  const fresh: (string | null)[] = [];
  for (const row of rows) fresh.push(await ctx.markdown.render(row.body).catch(() => null));
  const write = db.prepare(`UPDATE ${source} SET html = ? WHERE id = ? AND body = ?`);
  const setState = db.prepare(`INSERT INTO render_state (source, version, after_id) VALUES (?, ?, ?)
    ON CONFLICT(source) DO UPDATE SET version = excluded.version, after_id = excluded.after_id`);
  return db.transaction(() => {
    let changed = 0;
    rows.forEach((row, i) => {
      const html = fresh[i];
      if (html === null || html === row.html || write.run(html, row.id, row.body).changes === 0) return;
      if (source === 'posts') ctx.search.reindex(row.id);
      changed++;
    });
    setState.run(source, RENDER_VERSION, rows.length < limit ? -1 : rows[rows.length - 1].id);
    return { done: false, rendered: rows.length, changed };
  })();
}

/**
 * Records that every row was rendered by the current version (a benchmark's database filled by
 * this renderer: its server would otherwise render every row again while it is measured).
 */
export function markRendered(db: Context['db']): void {
  const set = db.prepare(`INSERT INTO render_state (source, version, after_id) VALUES (?, ?, -1)
    ON CONFLICT(source) DO UPDATE SET version = excluded.version, after_id = -1`);
  db.transaction(() => { for (const s of SOURCES) set.run(s, RENDER_VERSION); })();
}

/** Renders everything left, step by step, yielding to other work between steps; stops with the app. */
export function scheduleRerender(app: FastifyInstance, ctx: Context): void {
  if (ctx.db.readonly) return;
  let closed = false;
  let total = 0;
  app.addHook('onClose', async () => { closed = true; });
  app.addHook('onReady', async () => {
    const next = () => {
      if (closed) return;
      rerenderStep(ctx).then((r) => {
        total += r.changed;
        if (!r.done) setImmediate(next);
        else if (total > 0) app.log.info({ changed: total, version: RENDER_VERSION }, 'stored HTML rendered again');
      }, (err: unknown) => {
        if (!closed) app.log.error({ err }, 'rendering stored HTML again failed');
      });
    };
    setImmediate(next);
  });
}
