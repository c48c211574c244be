import { afterEach, describe, expect, test } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { renderMarkdown } from '../../server/markdown/render';
import { rerenderStep } from '../../server/markdown/rerender';
import { RENDER_VERSION } from '../../server/markdown/version';
import { search } from '../../server/search/service';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/**
 * Stored HTML made by an older renderer is rendered again (markdown/rerender.ts). An older render
 * is simulated by writing other HTML into the rows, as a renderer before a fix left them.
 */
let t: TestApp;
afterEach(async () => { await t?.close(); });

const STALE = '<p>古い表示</p>';
/** Every row of the three tables given the old renderer's HTML, and the state of an older version. */
function age(db: TestApp['db']) {
  for (const table of ['posts', 'comments', 'tip_requests']) db.prepare(`UPDATE ${table} SET html = ?`).run(STALE);
  db.prepare('DELETE FROM render_state').run();
  db.prepare("INSERT INTO render_state (source, version, after_id) VALUES ('posts', ?, -1)").run(RENDER_VERSION - 1);
}
const all = (db: TestApp['db'], table: string) => db.prepare(`SELECT id, body, html, updated_at FROM ${table} ORDER BY id`).all() as { id: number; body: string; html: string; updated_at: string }[];
const finish = async (ctx: TestApp['app']['ctx'], limit?: number) => { let steps = 0; while (!(await rerenderStep(ctx, limit)).done) steps++; return steps; };

describe('stored HTML rendered again for a new renderer version', () => {
  async function seed() {
    t = await createTestApp();
    const tips = [];
    for (let i = 0; i < 5; i++) tips.push(await postTip(t, t.admin, { title: `手順${i}`, body: `- [x] 保存する\n- [ ] 印刷する${i}\n\n**【注意】**必ず確認`, tags: [] }));
    const c = await t.as(t.admin, { method: 'POST', url: `/api/posts/${tips[0].id}/comments`, payload: { body: 'コメントの**太字**です' } });
    expect(c.statusCode, c.body).toBe(201);
    const r = await t.as(t.admin, { method: 'POST', url: '/api/requests', payload: { title: '差し込み印刷の手順を知りたい', body: '宛名を**一度に**作りたい' } });
    expect(r.statusCode, r.body).toBe(201);
    return tips.map((x) => x.id as number);
  }

  test('every table is rendered as the current renderer does, and nothing else about a row changes', async () => {
    await seed();
    const before = { posts: all(t.db, 'posts'), revisions: t.db.prepare('SELECT count(*) FROM post_revisions').pluck().get(),
      notifications: t.db.prepare('SELECT count(*) FROM notifications').pluck().get(), audit: t.db.prepare('SELECT count(*) FROM audit_log').pluck().get() };
    age(t.db);
    await finish(t.app.ctx);
    for (const table of ['posts', 'comments', 'tip_requests']) {
      const rows = all(t.db, table);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) expect(row.html, `${table} ${row.id}`).toBe(renderMarkdown(row.body));
    }
    expect(all(t.db, 'posts').map((p) => p.updated_at)).toEqual(before.posts.map((p) => p.updated_at));
    expect(t.db.prepare('SELECT count(*) FROM post_revisions').pluck().get()).toBe(before.revisions);
    expect(t.db.prepare('SELECT count(*) FROM notifications').pluck().get()).toBe(before.notifications);
    expect(t.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before.audit);
    // Done for this version: rows changed by hand since are left as they are.
    t.db.prepare('UPDATE posts SET html = ?').run(STALE);
    expect(await rerenderStep(t.app.ctx)).toEqual({ done: true, rendered: 0, changed: 0 });
    expect(all(t.db, 'posts')[0].html).toBe(STALE);
  });

  test('a tip\'s search entry follows its new HTML', async () => {
    const ids = await seed();
    // The old HTML lacked a word the body has: not found until the row is rendered again.
    t.db.prepare('UPDATE posts SET html = ? WHERE id = ?').run(STALE, ids[2]);
    t.app.ctx.search.reindex(ids[2]);
    age(t.db);
    const found = () => search(t.app.ctx, { q: '印刷する2' }).items.map((i) => i.id);
    expect(found()).not.toContain(ids[2]);
    await finish(t.app.ctx);
    expect(found()).toContain(ids[2]);
  });

  test('goes on where it stopped, a batch at a time, and starts again for a newer version', async () => {
    const ids = await seed();
    age(t.db);
    expect(await rerenderStep(t.app.ctx, 2)).toEqual({ done: false, rendered: 2, changed: 2 });
    expect(t.db.prepare("SELECT after_id FROM render_state WHERE source = 'posts'").pluck().get()).toBe(ids[1]);
    expect(all(t.db, 'posts').filter((p) => p.html === STALE).map((p) => p.id)).toEqual(ids.slice(2));
    expect(await finish(t.app.ctx, 2)).toBeGreaterThanOrEqual(3);
    expect(all(t.db, 'posts').every((p) => p.html !== STALE)).toBe(true);
  });

  test('a row edited while it renders keeps its edit; a body that fails to render keeps its HTML', async () => {
    const ids = await seed();
    age(t.db);
    const md = t.app.ctx.markdown;
    const render = md.render.bind(md);
    const bodyOf = (id: number) => t.db.prepare('SELECT body FROM posts WHERE id = ?').pluck().get(id) as string;
    const [edited, failing] = [bodyOf(ids[1]), bodyOf(ids[3])];
    md.render = async (source: string) => {
      // An edit lands while this row renders: its own fresh HTML is written with its new body.
      if (source === edited) t.db.prepare('UPDATE posts SET body = ?, html = ? WHERE id = ?').run('新しい本文', '<p>新しい本文</p>', ids[1]);
      if (source === failing) throw new Error('render timed out');
      return render(source);
    };
    await finish(t.app.ctx);
    const html = new Map(all(t.db, 'posts').map((p) => [p.id, p.html]));
    expect(html.get(ids[1])).toBe('<p>新しい本文</p>');
    expect(html.get(ids[3])).toBe(STALE);
    expect(html.get(ids[0])).toBe(renderMarkdown(bodyOf(ids[0])));
  });

  test('an app started on an older database renders it again in the background, serving meanwhile', async () => {
    const db = openDatabase(':memory:');
    const config = loadConfig({}, { dbPath: ':memory:', webRoot: null, scryptCost: 1024 });
    const first = await buildApp({ config, db });
    await first.ready();
    const author = first.ctx.users.insert({ username: 'a', passwordHash: null, displayName: 'A', department: '総務課', role: 'member' });
    for (let i = 0; i < 250; i++) first.ctx.posts.insert({ authorId: author.id, title: `手順${i}`, body: `**【注意】**手順${i}`, html: STALE }, new Date().toISOString());
    db.prepare('DELETE FROM render_state').run();
    // Close the first app without closing the database: the second starts on it.
    const second = await buildApp({ config, db });
    await second.ready();
    for (let i = 0; i < 50 && (db.prepare('SELECT count(*) FROM posts WHERE html = ?').pluck().get(STALE) as number) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(db.prepare('SELECT count(*) FROM posts WHERE html = ?').pluck().get(STALE)).toBe(0);
    expect(db.prepare("SELECT version, after_id FROM render_state WHERE source = 'posts'").get()).toEqual({ version: RENDER_VERSION, after_id: -1 });
    await second.close();
    await first.close();
    db.close();
  });
});
