import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { auditRows, hide, ok } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

const merge = (t: TestApp, user: Parameters<TestApp['as']>[0], payload: Record<string, unknown>) =>
  t.as(user, { method: 'POST', url: '/api/tags/merge', payload });
const tagsOf = async (t: TestApp, id: number) => (await ok(t, t.admin, 200, { method: 'GET', url: `/api/posts/${id}` })).tags;

describe('merging tags', () => {
  it('is for moderators and admins only', async () => {
    t = await createTestApp();
    const member = await t.user('member');
    const mod = await t.user('mod', { role: 'moderator' });
    await postTip(t, member, { title: 'x', tags: ['エクセル'] });
    expect((await merge(t, member, { from: ['エクセル'], into: 'Excel' })).statusCode).toBe(403);
    expect((await merge(t, mod, { from: ['エクセル'], into: 'Excel' })).statusCode).toBe(200);
  });

  it('retags every tip, keeps each tip\'s other tags and their order, and removes the old tags', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const one = await postTip(t, author, { title: 'one', tags: ['VBA', 'エクセル', '集計'] });
    const both = await postTip(t, author, { title: 'both', tags: ['Excel', 'えくせる', 'エクセル'] });
    const untouched = await postTip(t, author, { title: 'none', tags: ['Word'] });
    const res = await merge(t, t.admin, { from: ['エクセル', 'えくせる'], into: 'Excel' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'Excel', count: 2 });
    expect(await tagsOf(t, one.id)).toEqual(['VBA', 'Excel', '集計']);
    expect(await tagsOf(t, both.id)).toEqual(['Excel']);
    expect(await tagsOf(t, untouched.id)).toEqual(['Word']);
    const tags = (await ok(t, author, 200, { method: 'GET', url: '/api/tags' })).items;
    expect(tags).toEqual(expect.arrayContaining([{ name: 'Excel', count: 2 }, { name: 'VBA', count: 1 }]));
    expect(tags.map((x: { name: string }) => x.name)).not.toContain('エクセル');
    expect(t.db.prepare("SELECT count(*) FROM tags WHERE name IN ('エクセル', 'えくせる')").pluck().get()).toBe(0);
    const byTag = (await ok(t, author, 200, { method: 'GET', url: '/api/posts?tag=Excel' })).items.map((p: { id: number }) => p.id);
    expect(byTag.sort()).toEqual([one.id, both.id].sort());
  });

  it('creates the target tag when it does not exist yet, and counts hidden tips out', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const shown = await postTip(t, author, { title: 'shown', tags: ['パワオト'] });
    const hidden = await postTip(t, author, { title: 'hidden', tags: ['パワオト'] });
    await hide(t, t.admin, hidden.id);
    const res = await merge(t, t.admin, { from: ['パワオト'], into: 'Power Automate' });
    expect(res.json()).toEqual({ name: 'Power Automate', count: 1 });
    expect(await tagsOf(t, shown.id)).toEqual(['Power Automate']);
    expect(await tagsOf(t, hidden.id)).toEqual(['Power Automate']);
  });

  it('keeps the search index in step', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: '表計算の小技', tags: ['エクセル'] });
    await merge(t, t.admin, { from: ['エクセル'], into: 'Excel' });
    const byNew = await ok(t, author, 200, { method: 'GET', url: '/api/search?tag=Excel' });
    expect(byNew.items.map((i: { id: number; tags: string[] }) => [i.id, i.tags])).toEqual([[tip.id, ['Excel']]]);
    const byOld = await ok(t, author, 200, { method: 'GET', url: `/api/search?tag=${encodeURIComponent('エクセル')}` });
    expect(byOld.total).toBe(0);
  });

  it('answers 404 for an unknown tag and 400 when there is nothing to merge; nothing changes', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: 'x', tags: ['Excel', 'VBA'] });
    const start = auditRows(t).length;
    expect((await merge(t, t.admin, { from: ['VBA', 'ない'], into: 'Excel' })).statusCode).toBe(404);
    expect((await merge(t, t.admin, { from: ['excel'], into: 'EXCEL' })).statusCode).toBe(400);
    expect((await merge(t, t.admin, { from: [], into: 'Excel' })).statusCode).toBe(400);
    expect((await merge(t, t.admin, { from: ['VBA'], into: 'x'.repeat(41) })).statusCode).toBe(400);
    expect((await merge(t, t.admin, { from: ['VBA'], into: 'Excel', extra: true })).statusCode).toBe(400);
    expect(await tagsOf(t, tip.id)).toEqual(['Excel', 'VBA']);
    expect(auditRows(t).length).toBe(start);
  });

  it('writes one audit entry naming the tags', async () => {
    t = await createTestApp();
    const mod = await t.user('mod', { role: 'moderator' });
    await postTip(t, mod, { title: 'x', tags: ['エクセル'] });
    const start = auditRows(t).length;
    await merge(t, mod, { from: ['エクセル'], into: 'Excel' });
    const rows = auditRows(t).slice(start);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'tag.merge', actor_id: mod.id, target_type: 'tag' });
    expect(JSON.parse(rows[0].detail)).toEqual({ from: ['エクセル'], into: 'Excel', posts: 1 });
  });
});

describe('renaming a tag', () => {
  const rename = (t: TestApp, user: Parameters<TestApp['as']>[0], from: string, name: string) =>
    t.as(user, { method: 'PATCH', url: `/api/tags/${encodeURIComponent(from)}`, payload: { name } });

  it('changes the spelling on every tip, audited; moderators only', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, author, { title: '表の小技', tags: ['VBA', 'excel'] });
    expect((await rename(t, author, 'excel', 'Excel')).statusCode).toBe(403);
    const res = await rename(t, mod, 'excel', 'Excel');
    expect(res.json()).toEqual({ name: 'Excel', count: 1 });
    expect(await tagsOf(t, tip.id)).toEqual(['VBA', 'Excel']);
    const last = auditRows(t).at(-1)!;
    expect(last).toMatchObject({ action: 'tag.rename', actor_id: mod.id });
    expect(JSON.parse(last.detail)).toEqual({ before: { name: 'excel' }, after: { name: 'Excel' } });
    // A new spelling that matches differently: the old name is gone.
    await rename(t, mod, 'Excel', '表計算');
    expect(await tagsOf(t, tip.id)).toEqual(['VBA', '表計算']);
    expect((await ok(t, author, 200, { method: 'GET', url: '/api/posts?tag=excel' })).items).toEqual([]);
    const found = await ok(t, author, 200, { method: 'GET', url: `/api/search?tag=${encodeURIComponent('表計算')}` });
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([tip.id]);
  });

  it('answers 409 when the new name is another tag, and 404 for an unknown tag', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    await postTip(t, author, { title: 'x', tags: ['Excel', 'エクセル'] });
    const clash = await rename(t, t.admin, 'エクセル', 'EXCEL');
    expect(clash.statusCode).toBe(409);
    expect(clash.json().message).toMatch(/merge/);
    expect((await rename(t, t.admin, 'ない', 'x')).statusCode).toBe(404);
    expect((await rename(t, t.admin, 'Excel', ' ')).statusCode).toBe(400);
  });
});
