import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { setPostStatus } from '../../server/posts/service';
import type { TestApp } from '../helpers/app';
import { PASSWORD, login } from '../helpers/app';
import { clockedApp, members, postTip, view } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

const daily = (t: TestApp, postId: number) =>
  t.db.prepare('SELECT day, views FROM post_view_daily WHERE post_id = ? ORDER BY day').all(postId);

describe('POST /api/posts/:id/views', () => {
  it('counts one view per user per tip per Japan day, with daily totals and unique viewers', async () => {
    const c = await clockedApp('2026-04-01T23:50:00+09:00');
    t = c.t;
    const [alice, bob, carol] = await members(t, 'u', 3);
    const tip = await postTip(t, alice, { title: 'ピボットの作り方' });
    expect(await view(t, bob, tip.id)).toEqual({ viewCount: 1, uniqueViewers: 1, counted: true });
    expect((await view(t, bob, tip.id)).counted).toBe(false);
    await view(t, carol, tip.id);
    c.clock.set('2026-04-02T00:10:00+09:00'); // the next Japan day, still April 1 in UTC
    const again = await view(t, bob, tip.id);
    expect(again).toMatchObject({ viewCount: 3, uniqueViewers: 2, counted: true });
    expect((await view(t, bob, tip.id)).viewCount).toBe(3);
    expect(daily(t, tip.id)).toEqual([{ day: '2026-04-01', views: 2 }, { day: '2026-04-02', views: 1 }]);
    const read = (await t.as(carol, { method: 'GET', url: `/api/posts/${tip.id}` })).json();
    expect(read).toMatchObject({ viewCount: 3, viewerCount: 2 });
  });

  it('does not count the author, hidden tips, bots, link previews or prefetches', async () => {
    const c = await clockedApp('2026-04-01T12:00:00+09:00');
    t = c.t;
    const [alice, bob] = await members(t, 'u', 2);
    const tip = await postTip(t, alice, { title: 'A' });
    expect((await view(t, alice, tip.id)).counted).toBe(false);
    const machines: Record<string, string>[] = [
      { 'user-agent': 'curl/8.5.0' },
      { 'user-agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' },
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' },
      { 'sec-purpose': 'prefetch;prerender' },
      { purpose: 'prefetch' },
    ];
    for (const headers of machines) {
      expect((await view(t, bob, tip.id, headers)).counted, JSON.stringify(headers)).toBe(false);
    }
    setPostStatus(t.app.ctx, tip.id, 'hidden', '確認中');
    expect((await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/views` })).statusCode).toBe(404);
    expect((await view(t, alice, tip.id)).counted).toBe(false);
    expect(daily(t, tip.id)).toEqual([]);
    expect(t.db.prepare('SELECT view_count FROM posts WHERE id = ?').pluck().get(tip.id)).toBe(0);
  });

  it('counts concurrent posts exactly, written directly or in batches', async () => {
    for (const flushMs of [0, 60_000]) {
      const c = await clockedApp('2026-04-01T12:00:00+09:00');
      t = c.t;
      t.app.ctx.views.configure({ flushMs, maxPending: 1000 });
      const author = await t.user('author');
      const readers = await members(t, 'r', 12);
      const tips = [await postTip(t, author, { title: 'A' }), await postTip(t, author, { title: 'B' })];
      // Every reader posts every tip's view three times at once.
      const answers = await Promise.all(readers.flatMap((r) => tips.flatMap((tip) =>
        [0, 1, 2].map(() => t.as(r, { method: 'POST', url: `/api/posts/${tip.id}/views` })))));
      expect(answers.every((a) => a.statusCode === 200)).toBe(true);
      expect(answers.filter((a) => a.json().counted).length).toBe(24);
      if (flushMs > 0) {
        expect(t.app.ctx.views.pendingCount()).toBe(24);
        expect(t.app.ctx.views.flush()).toBe(24);
      }
      for (const tip of tips) {
        const row = t.db.prepare('SELECT view_count, viewer_count FROM posts WHERE id = ?').get(tip.id);
        expect(row, `flushMs ${flushMs}`).toEqual({ view_count: 12, viewer_count: 12 });
        expect(daily(t, tip.id)).toEqual([{ day: '2026-04-01', views: 12 }]);
      }
      expect(t.db.prepare('SELECT COUNT(*) FROM post_views').pluck().get()).toBe(24);
      expect(t.db.prepare(`SELECT SUM(views) FROM post_window_views WHERE period = 'week'`).pluck().get()).toBe(24);
      await t.close();
    }
    t = undefined as unknown as TestApp;
  });

  it('answers waiting views in the count and writes them on flush, skipping deleted tips', async () => {
    const c = await clockedApp('2026-04-01T12:00:00+09:00');
    t = c.t;
    t.app.ctx.views.configure({ flushMs: 60_000 });
    const [alice, bob, carol] = await members(t, 'u', 3);
    const keep = await postTip(t, alice, { title: 'keep' });
    const gone = await postTip(t, alice, { title: 'gone' });
    expect((await view(t, bob, keep.id)).viewCount).toBe(1);
    expect((await view(t, carol, keep.id)).viewCount).toBe(2);
    expect((await view(t, alice, keep.id)).viewCount).toBe(2); // the author sees the waiting views too
    await view(t, bob, gone.id);
    expect(t.db.prepare('SELECT view_count FROM posts WHERE id = ?').pluck().get(keep.id)).toBe(0);
    expect((await t.as(alice, { method: 'DELETE', url: `/api/posts/${gone.id}` })).statusCode).toBe(204);
    expect(t.app.ctx.views.flush()).toBe(3);
    expect(t.db.prepare('SELECT view_count FROM posts WHERE id = ?').pluck().get(keep.id)).toBe(2);
    expect(t.db.prepare('SELECT COUNT(*) FROM post_views WHERE post_id = ?').pluck().get(gone.id)).toBe(0);
  });

  it('writes waiting views when the app closes cleanly', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-views-'));
    const dbPath = path.join(dir, 'k.db');
    try {
      const config = loadConfig({}, { dbPath, webRoot: null, scryptCost: 1024 });
      const app = await buildApp({ config });
      const setup = await app.inject({ method: 'POST', url: '/api/setup',
        payload: { username: 'admin', password: PASSWORD, displayName: '管理者' } });
      expect(setup.statusCode).toBe(201);
      await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: await login(app, 'admin'), origin: 'http://localhost:3000' },
        payload: { username: 'bob', password: PASSWORD, displayName: 'ボブ' } });
      const admin = await login(app, 'admin');
      const bob = await login(app, 'bob');
      const tip = (await app.inject({ method: 'POST', url: '/api/posts', headers: { cookie: admin, origin: 'http://localhost:3000' },
        payload: { title: 'A', body: '', tags: [] } })).json();
      const res = await app.inject({ method: 'POST', url: `/api/posts/${tip.id}/views`,
        headers: { cookie: bob, 'user-agent': 'Mozilla/5.0 Chrome/126.0', origin: 'http://localhost:3000' } });
      expect(res.json()).toMatchObject({ viewCount: 1, counted: true });
      expect(app.ctx.views.pendingCount()).toBe(1); // a file database batches
      await app.close();
      const db = openDatabase(dbPath);
      expect(db.prepare('SELECT view_count FROM posts WHERE id = ?').pluck().get(tip.id)).toBe(1);
      db.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
