import { afterEach, describe, expect, it } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

async function world() {
  t = await createTestApp();
  const alice = await t.user('alice');
  const bob = await t.user('bob');
  const mod = await t.user('mod', { role: 'moderator' });
  const published = await postTip(t, alice, { title: 'Aliceの公開Tips', body: 'public', tags: ['excel'] });
  const hidden = await postTip(t, alice, { title: 'Aliceの非公開Tips', body: 'secret body', tags: ['secret-tag'] });
  setPostStatus(t.app.ctx, hidden.id, 'hidden', 'spam');
  return { t, alice, bob, mod, published, hidden };
}

describe('IDOR: one member against another member\'s tips', () => {
  it('B cannot edit or delete A\'s published tip (403), and it stays unchanged', async () => {
    const { t, bob, published } = await world();
    const edit = await t.as(bob, { method: 'PATCH', url: `/api/posts/${published.id}`, payload: { title: 'pwned' } });
    expect(edit.statusCode).toBe(403);
    const del = await t.as(bob, { method: 'DELETE', url: `/api/posts/${published.id}` });
    expect(del.statusCode).toBe(403);
    const row = t.db.prepare('SELECT title, body FROM posts WHERE id = ?').get(published.id);
    expect(row).toEqual({ title: 'Aliceの公開Tips', body: 'public' });
  });

  it('B gets the same 404 for A\'s hidden tip as for a tip that never existed, on read, edit, delete and view', async () => {
    const { t, bob, hidden } = await world();
    const missing = 987654;
    for (const [method, suffix, payload] of [
      ['GET', '', undefined], ['PATCH', '', { title: 'x' }], ['DELETE', '', undefined], ['POST', '/views', undefined],
    ] as const) {
      const a = await t.as(bob, { method, url: `/api/posts/${hidden.id}${suffix}`, ...(payload ? { payload } : {}) });
      const b = await t.as(bob, { method, url: `/api/posts/${missing}${suffix}`, ...(payload ? { payload } : {}) });
      expect(a.statusCode, `${method} ${suffix}`).toBe(404);
      expect(a.json()).toEqual(b.json());
      expect(a.body).not.toContain('secret');
    }
    expect(t.db.prepare('SELECT title, status FROM posts WHERE id = ?').get(hidden.id)).toEqual({ title: 'Aliceの非公開Tips', status: 'hidden' });
  });

  it('every route under /api/posts/:id answers B about a hidden tip exactly as about a missing one', async () => {
    const { t, bob, hidden } = await world();
    const routes = t.app.routeRules.filter((r) => r.url.startsWith('/api/posts/:id') && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThanOrEqual(4);
    for (const r of routes) {
      const url = (id: number) => r.url.replace(':id', String(id)).replace(/:[A-Za-z]+/g, '1');
      const hasBody = !['GET', 'DELETE'].includes(r.method);
      const a = await t.as(bob, { method: r.method as 'GET', url: url(hidden.id), ...(hasBody ? { payload: {} } : {}) });
      const b = await t.as(bob, { method: r.method as 'GET', url: url(987654), ...(hasBody ? { payload: {} } : {}) });
      expect([r.method, r.url, a.statusCode]).toEqual([r.method, r.url, b.statusCode]);
      expect(a.json()).toEqual(b.json());
    }
  });

  it('hidden tips do not appear in lists, author lists or tag counts for B', async () => {
    const { t, bob, hidden } = await world();
    const list = (await t.as(bob, { method: 'GET', url: '/api/posts?limit=100' })).json();
    expect(list.items.map((p: { id: number }) => p.id)).not.toContain(hidden.id);
    const byAuthor = (await t.as(bob, { method: 'GET', url: '/api/posts?author=alice' })).json();
    expect(byAuthor.items.map((p: { id: number }) => p.id)).not.toContain(hidden.id);
    const tags = (await t.as(bob, { method: 'GET', url: '/api/tags?limit=100' })).json();
    expect(JSON.stringify(tags)).not.toContain('secret-tag');
  });

  it('the author and moderators still read the hidden tip; a moderator may edit but not delete it', async () => {
    const { t, alice, mod, hidden } = await world();
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${hidden.id}` })).json().status).toBe('hidden');
    expect((await t.as(mod, { method: 'GET', url: `/api/posts/${hidden.id}` })).statusCode).toBe(200);
    expect((await t.as(mod, { method: 'PATCH', url: `/api/posts/${hidden.id}`, payload: { title: '修正済み' } })).statusCode).toBe(200);
    expect((await t.as(mod, { method: 'DELETE', url: `/api/posts/${hidden.id}` })).statusCode).toBe(403);
  });

  it('an admin may delete someone else\'s tip, and that is audited', async () => {
    const { t, alice, published } = await world();
    expect((await t.as(t.admin, { method: 'DELETE', url: `/api/posts/${published.id}` })).statusCode).toBe(204);
    const audit = t.db.prepare("SELECT actor_id, target_id FROM audit_log WHERE action = 'post.delete'").all();
    expect(audit).toEqual([{ actor_id: t.admin.id, target_id: published.id }]);
    void alice;
  });

  it('ids that are not positive integers are 400, never another row and never a 500', async () => {
    const { t, bob } = await world();
    for (const id of ['0', '-1', '1.5', "1'", '1%20OR%201=1', '1;DROP%20TABLE%20posts', 'abc', '%00']) {
      const res = await t.as(bob, { method: 'GET', url: `/api/posts/${id}` });
      expect(res.statusCode, id).toBe(400);
    }
    expect([400, 404]).toContain((await t.as(bob, { method: 'GET', url: '/api/posts/99999999999999999999' })).statusCode);
    expect(t.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(2);
  });
});
