import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database';
import { createReadCache, writeUnseenByCache } from '../../server/db/read-cache';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let db: Database | undefined;
let t: TestApp | undefined;
afterEach(async () => { db?.close(); db = undefined; await t?.close(); t = undefined; });

describe('the read cache', () => {
  it('computes once between writes, and again after any write to any table', () => {
    db = openDatabase(':memory:');
    db.exec('CREATE TABLE a (x); CREATE TABLE b (y)');
    const cache = createReadCache(db);
    let computed = 0;
    const read = () => cache.get('k', () => { computed++; return db!.prepare('SELECT count(*) FROM a').pluck().get(); });
    expect([read(), read(), read()]).toEqual([0, 0, 0]);
    expect(computed).toBe(1);
    db.prepare('INSERT INTO a VALUES (1)').run();
    expect(read()).toBe(1);
    expect(computed).toBe(2);
    db.prepare('INSERT INTO b VALUES (1)').run(); // another table: the cache does not know what a reads
    read();
    expect(computed).toBe(3);
    db.prepare('UPDATE b SET y = 2').run();
    read();
    expect(computed).toBe(4);
  });

  it('is not emptied by writes no cached answer shows (a session\'s last-seen time), and still by every other', () => {
    db = openDatabase(':memory:');
    db.exec('CREATE TABLE a (x); CREATE TABLE seen (t)');
    // A trigger's rows count too: the write below changes two rows.
    db.exec('CREATE TABLE log (t); CREATE TRIGGER seen_log AFTER INSERT ON seen BEGIN INSERT INTO log VALUES (NEW.t); END');
    const cache = createReadCache(db);
    let computed = 0;
    const read = () => cache.get('k', () => { computed++; return db!.prepare('SELECT count(*) FROM a').pluck().get(); });
    read();
    for (let i = 0; i < 3; i++) writeUnseenByCache(db, () => db!.prepare('INSERT INTO seen VALUES (?)').run(i));
    read();
    expect(computed).toBe(1);
    db.prepare('INSERT INTO a VALUES (1)').run();
    expect(read()).toBe(1);
    expect(computed).toBe(2);
    // A second cache on the same connection agrees.
    const other = createReadCache(db);
    other.get('k', () => 0);
    writeUnseenByCache(db, () => db!.prepare('INSERT INTO seen VALUES (9)').run());
    expect(other.get('k', () => 1)).toBe(0);
  });

  it('keeps nothing read inside a transaction, which may yet roll back', () => {
    db = openDatabase(':memory:');
    db.exec('CREATE TABLE a (x)');
    const cache = createReadCache(db);
    const count = () => cache.get('n', () => db!.prepare('SELECT count(*) FROM a').pluck().get());
    expect(() => db!.transaction(() => {
      db!.prepare('INSERT INTO a VALUES (1)').run();
      expect(count()).toBe(1);
      throw new Error('roll back');
    })()).toThrow('roll back');
    expect(count()).toBe(0);
  });

  it('never shows a list older than the last write: likes, new, hidden and deleted tips, per-reader marks', async () => {
    t = await createTestApp();
    const alice = await t.user('alice');
    const bob = await t.user('bob');
    const a = await postTip(t, alice, { title: 'ピボットテーブル入門', tags: ['Excel'] });
    const b = await postTip(t, alice, { title: 'PDFの結合', tags: ['PDF'] });
    const list = async (user = bob, query = '') => (await t!.as(user, { method: 'GET', url: `/api/posts?sort=trending${query}` })).json().items as
      { id: number; likeCount: number; likedByMe: boolean; bookmarkedByMe: boolean }[];
    expect((await list()).map((i) => i.id)).toEqual([b.id, a.id]);
    await t.as(bob, { method: 'PUT', url: `/api/posts/${a.id}/like` });
    let items = await list();
    expect(items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(items[0]).toMatchObject({ likeCount: 1, likedByMe: true, bookmarkedByMe: false });
    expect((await list(alice))[0]).toMatchObject({ id: a.id, likeCount: 1, likedByMe: false });
    await t.as(alice, { method: 'PUT', url: `/api/posts/${b.id}/bookmark` });
    expect((await list(alice)).find((i) => i.id === b.id)).toMatchObject({ bookmarkedByMe: true });
    expect((await list(bob)).find((i) => i.id === b.id)).toMatchObject({ bookmarkedByMe: false });
    const c = await postTip(t, bob, { title: '新しいコツ', tags: ['Excel'] });
    expect((await list(bob, '&tag=Excel')).map((i) => i.id).sort()).toEqual([a.id, c.id].sort());
    await t.as(t.admin, { method: 'POST', url: `/api/posts/${a.id}/hide`, payload: { reason: '確認中' } });
    items = await list();
    expect(items.map((i) => i.id)).not.toContain(a.id);
    await t.as(bob, { method: 'DELETE', url: `/api/posts/${c.id}` });
    expect((await list(bob, '&tag=Excel')).map((i) => i.id)).toEqual([]);
  });

  it('never shows a ranking older than the last write, with every reader seeing their own marks', async () => {
    t = await createTestApp();
    const alice = await t.user('alice');
    const bob = await t.user('bob');
    const carol = await t.user('carol');
    const a = await postTip(t, alice, { title: '差し込み印刷', tags: ['Word'] });
    const b = await postTip(t, alice, { title: '条件付き書式', tags: ['Excel'] });
    const ranking = async (user = bob) => (await t!.as(user, { method: 'GET', url: '/api/rankings?period=week' })).json().items as
      { rank: number; views: number; likes: number; post: { id: number; likedByMe: boolean } }[];
    const view = (user: typeof bob, id: number) => t!.as(user, { method: 'POST', url: `/api/posts/${id}/views` });
    await view(bob, a.id);
    expect((await ranking()).map((i) => [i.post.id, i.views])).toEqual([[a.id, 1]]);
    await view(bob, b.id);
    await view(carol, b.id);
    expect((await ranking()).map((i) => [i.post.id, i.views])).toEqual([[b.id, 2], [a.id, 1]]);
    await t.as(bob, { method: 'PUT', url: `/api/posts/${b.id}/like` });
    expect((await ranking(bob))[0]).toMatchObject({ likes: 1, post: { id: b.id, likedByMe: true } });
    expect((await ranking(carol))[0]).toMatchObject({ likes: 1, post: { id: b.id, likedByMe: false } });
  });
});
