import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from '../../server/db/database';
import { migrate, readMigrations } from '../../server/db/migrate';
import { imageRefs } from '../../server/images/refs';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { PNG } from '../authoring/fixtures';

/**
 * Images of content that may not be seen do not leak (issue 16, part 5): an uploaded image is
 * shown to whoever uploaded its bytes and to whoever may read a tip, revision, comment, request
 * or template that names it, by the rules of those places' own routes; to anyone else it answers
 * exactly as an image that does not exist (status, body and headers), also to If-None-Match and HEAD.
 */
let t: TestApp;
let author: TestUser;
let member: TestUser;
let mod: TestUser;
beforeEach(async () => {
  t = await createTestApp();
  author = await t.user('author');
  member = await t.user('member');
  mod = await t.user('mod', { role: 'moderator' });
});
afterEach(async () => { await t.close(); });

let serial = 0;
/** A distinct valid PNG (bytes after IEND are ignored by readers). */
const png = () => { const pad = Buffer.alloc(16); pad.writeUInt32BE(++serial, 0); return Buffer.concat([PNG, pad]); };
async function upload(user: TestUser): Promise<{ url: string; hash: string }> {
  const res = await t.as(user, { method: 'POST', url: '/api/images', headers: { 'content-type': 'image/png' }, payload: png() });
  expect(res.statusCode).toBe(201);
  return res.json();
}
const MISSING_URL = `/api/images/${'e'.repeat(64)}.png`;

/** The answer's status, body and every header but the date, for comparing two answers. */
async function answer(user: TestUser | null, url: string, extra: { method?: 'GET' | 'HEAD'; headers?: Record<string, string> } = {}) {
  const res = await t.as(user, { method: extra.method ?? 'GET', url, headers: extra.headers });
  const { date: _date, ...headers } = res.headers;
  return { status: res.statusCode, body: res.body, headers };
}

/** Sees the image (200 with its bytes) or meets exactly what a missing image answers. */
async function sees(user: TestUser, url: string): Promise<boolean> {
  const res = await t.as(user, { method: 'GET', url });
  if (res.statusCode === 200) return true;
  const missing = await answer(user, MISSING_URL);
  const unseen = await answer(user, url);
  expect(unseen, `${user.username} ${url}`).toEqual(missing);
  expect(missing.status).toBe(404);
  // Nor do a revalidation or a HEAD tell it apart.
  const etag = `"${url.slice('/api/images/'.length, -4)}"`;
  expect(await answer(user, url, { headers: { 'if-none-match': etag } })).toEqual(await answer(user, MISSING_URL, { headers: { 'if-none-match': etag } }));
  expect(await answer(user, url, { method: 'HEAD' })).toEqual(await answer(user, MISSING_URL, { method: 'HEAD' }));
  return false;
}

const hide = async (kind: 'posts' | 'comments', id: number) =>
  expect((await t.as(mod, { method: 'POST', url: `/api/${kind}/${id}/hide`, payload: { reason: '確認中' } })).statusCode).toBe(200);
const restore = async (kind: 'posts' | 'comments', id: number) =>
  expect((await t.as(mod, { method: 'POST', url: `/api/${kind}/${id}/restore` })).statusCode).toBe(200);

describe('who sees an uploaded image', () => {
  it('its uploaders (also a second uploader of the same bytes) before anything names it; nobody else', async () => {
    const bytes = png();
    const first = (await t.as(author, { method: 'POST', url: '/api/images', headers: { 'content-type': 'image/png' }, payload: bytes })).json();
    const second = (await t.as(member, { method: 'POST', url: '/api/images', headers: { 'content-type': 'image/png' }, payload: bytes })).json();
    expect(second.url).toBe(first.url);
    const other = await t.user('other');
    expect(await sees(author, first.url)).toBe(true);
    expect(await sees(member, first.url)).toBe(true);
    expect(await sees(other, first.url)).toBe(false);
    expect(await sees(mod, first.url)).toBe(false);
    expect(await sees(t.admin, first.url)).toBe(false);
  });

  it('named only by a draft: its author only', async () => {
    const img = await upload(author);
    const draft = await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: '下書き', body: `![](${img.url})`, tags: [], status: 'draft' } });
    expect(draft.statusCode).toBe(201);
    // The uploader is someone else than the draft's author here: only the draft decides.
    const img2 = await upload(member);
    const draft2 = await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: '下書き2', body: `[link](${img2.url})`, tags: [], status: 'draft' } });
    expect(draft2.statusCode).toBe(201);
    expect(await sees(author, img2.url)).toBe(true);
    for (const who of [member, mod, t.admin]) expect(await sees(who, img.url)).toBe(false);
    const other = await t.user('other');
    expect(await sees(other, img2.url)).toBe(false);
    // Published, everyone sees it.
    expect((await t.as(author, { method: 'POST', url: `/api/posts/${draft.json().id}/publish` })).statusCode).toBe(200);
    for (const who of [member, mod, other]) expect(await sees(who, img.url)).toBe(true);
  });

  it('named by a tip that is hidden: its author and moderators; shown again once restored', async () => {
    const img = await upload(author);
    const tip = await postTip(t, author, { title: '画像付き', body: `手順:\n\n![画面](${img.url} "title")` });
    const other = await t.user('other');
    expect(await sees(other, img.url)).toBe(true);
    await hide('posts', tip.id);
    expect(await sees(other, img.url)).toBe(false);
    expect(await sees(member, img.url)).toBe(false);
    expect(await sees(author, img.url)).toBe(true);
    expect(await sees(mod, img.url)).toBe(true);
    expect(await sees(t.admin, img.url)).toBe(true);
    await restore('posts', tip.id);
    expect(await sees(other, img.url)).toBe(true);
  });

  it('named by a comment: hidden comment → its author and staff; a comment of a hidden tip → who may read the tip', async () => {
    const tipAuthor = await t.user('tipauthor');
    const tip = await postTip(t, tipAuthor, { title: 'コメント先' });
    const img = await upload(author);
    const comment = (await t.as(author, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: `これです ![](${img.url})` } })).json();
    expect(await sees(member, img.url)).toBe(true);
    await hide('comments', comment.id);
    expect(await sees(member, img.url)).toBe(false);
    expect(await sees(tipAuthor, img.url)).toBe(false);
    expect(await sees(author, img.url)).toBe(true);
    expect(await sees(mod, img.url)).toBe(true);
    await restore('comments', comment.id);
    expect(await sees(member, img.url)).toBe(true);
    await hide('posts', tip.id);
    expect(await sees(member, img.url)).toBe(false);
    // The tip's author still reads their hidden tip, and with it the visible comment's image.
    expect(await sees(tipAuthor, img.url)).toBe(true);
    expect(await sees(mod, img.url)).toBe(true);
  });

  it('named only by an earlier revision: whoever may read the tip (its history is readable)', async () => {
    const img = await upload(author);
    const tip = await postTip(t, author, { title: '版', body: `old ![](${img.url})` });
    expect((await t.as(author, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: 'new, without the image' } })).statusCode).toBe(200);
    expect(await sees(member, img.url)).toBe(true);
    await hide('posts', tip.id);
    expect(await sees(member, img.url)).toBe(false);
    expect(await sees(mod, img.url)).toBe(true);
  });

  it('named by a request or a template: every member', async () => {
    const a = await upload(author);
    const b = await upload(t.admin);
    expect((await t.as(author, { method: 'POST', url: '/api/requests', payload: { title: '教えて', body: `![](${a.url})` } })).statusCode).toBe(201);
    expect((await t.as(t.admin, { method: 'POST', url: '/api/templates', payload: { name: '画像入り', body: `![](${b.url})` } })).statusCode).toBe(201);
    expect(await sees(member, a.url)).toBe(true);
    expect(await sees(member, b.url)).toBe(true);
  });

  it('follows every write: an edit that removes it, a deletion, a second place that still names it', async () => {
    const img = await upload(author);
    const draft = (await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: '下書き', body: `![](${img.url})`, tags: [], status: 'draft' } })).json();
    const tip = await postTip(t, mod, { title: '公開', body: `同じ画像 ![](${img.url})` });
    expect(await sees(member, img.url)).toBe(true);
    expect((await t.as(mod, { method: 'DELETE', url: `/api/posts/${tip.id}` })).statusCode).toBe(204);
    expect(await sees(member, img.url)).toBe(false); // the draft still names it, for its author only
    expect(await sees(author, img.url)).toBe(true);
    const rows = () => t.db.prepare('SELECT source, source_id FROM image_refs WHERE hash = ? ORDER BY source').all(img.hash);
    expect(rows()).toEqual([{ source: 'post', source_id: draft.id }, { source: 'revision', source_id: expect.any(Number) }]);
    expect((await t.as(author, { method: 'DELETE', url: `/api/posts/${draft.id}` })).statusCode).toBe(204);
    expect(rows()).toEqual([]);
  });
});

describe('the reference table', () => {
  it('is looked up by index, not by scanning bodies', () => {
    const plan = (sql: string) => (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x'.repeat(64)) as { detail: string }[]).map((r) => r.detail).join('\n');
    const places = plan(`SELECT r.source FROM image_refs r
      LEFT JOIN comments c ON r.source = 'comment' AND c.id = r.source_id
      LEFT JOIN post_revisions v ON r.source = 'revision' AND v.id = r.source_id
      LEFT JOIN posts p ON p.id = CASE r.source WHEN 'post' THEN r.source_id WHEN 'revision' THEN v.post_id WHEN 'comment' THEN c.post_id END
      WHERE r.hash = ?`);
    expect(places).toMatch(/SEARCH r USING PRIMARY KEY/);
    expect(places).not.toMatch(/SCAN/);
  });

  it('names what the sweep and the route both use: each hash once, nothing but 64 hex digits after /api/images/', () => {
    const h = (c: string) => c.repeat(64);
    expect(imageRefs(`![](/api/images/${h('a')}.png) [x](/api/images/${h('a')}.png) /api/images/${h('b')}.gif`)).toEqual([h('a'), h('b')]);
    expect(imageRefs(`/api/images/${h('A')}.png /api/images/${'a'.repeat(63)}.png /api/images/${h('a')}png`)).toEqual([]);
  });

  it('is filled for content written before the migration', () => {
    const db = openDatabase(':memory:', { migrate: false });
    const all = readMigrations(MIGRATIONS_DIR);
    migrate(db, all.filter((m) => m.version < 30));
    const hash = 'c'.repeat(64);
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO users (username, username_norm, display_name, created_at, updated_at)
      VALUES ('u', 'u', 'u', ?, ?)`).run(now, now);
    db.prepare(`INSERT INTO images (hash, ext, mime, size, data, uploader_id, created_at) VALUES (?, 'png', 'image/png', 1, x'00', 1, ?)`).run(hash, now);
    db.prepare(`INSERT INTO posts (author_id, title, body, html, created_at, updated_at) VALUES (1, 't', ?, '', ?, ?)`).run(`![](/api/images/${hash}.png)`, now, now);
    migrate(db, all);
    expect(db.prepare('SELECT source FROM image_refs WHERE hash = ?').pluck().all(hash)).toEqual(['post']);
    expect(db.prepare('SELECT user_id FROM image_holders WHERE hash = ?').pluck().all(hash)).toEqual([1]);
    db.close();
  });
});
