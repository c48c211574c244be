import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { redactToken } from '../../server/feeds/tokens';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app';

/** Personal feed tokens (issue 20 part 7): feed readers that cannot sign in, seeing only what their member may. */
describe('feed tokens', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  beforeEach(async () => {
    t = await createTestApp();
    alice = await t.user('alice');
    bob = await t.user('bob');
  });
  afterEach(() => t.close());

  const make = async (user: TestUser, label = 'Outlook') => t.as(user, { method: 'POST', url: '/api/me/feed-tokens', payload: { label } });
  const feed = (url: string) => t.as(null, { method: 'GET', url });

  it('a token is shown once, stored hashed, and opens the member’s feeds without a cookie', async () => {
    const res = await make(alice);
    expect(res.statusCode).toBe(201);
    const { token, id } = res.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM feed_tokens').all())).not.toContain(token);
    const list = (await t.as(alice, { method: 'GET', url: '/api/me/feed-tokens' })).json();
    expect(list.items).toEqual([{ id, label: 'Outlook', createdAt: expect.any(String), lastUsedAt: null }]);
    expect(JSON.stringify(list)).not.toContain(token);

    await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: 'マクロの有効化', body: '本文', tags: ['VBA'] } });
    for (const url of ['/api/feeds/tips.atom', '/api/feeds/tips.atom?tag=VBA', '/api/feeds/requests.atom']) {
      expect((await feed(url)).statusCode, url).toBe(401);
      const ok = await feed(`${url}${url.includes('?') ? '&' : '?'}token=${token}`);
      expect(ok.statusCode, url).toBe(200);
      expect(ok.headers['cache-control']).toMatch(/private/);
      expect(() => parseFeed(ok.body)).not.toThrow();
    }
    expect((await feed(`/api/feeds/tips.atom?token=${token}`)).body).toContain('マクロの有効化');
    expect((await t.as(alice, { method: 'GET', url: '/api/me/feed-tokens' })).json().items[0].lastUsedAt).not.toBeNull();
  });

  it('a token shows only what its member may see: another’s draft never, a moderator’s hidden view never in a feed', async () => {
    const { token } = (await make(bob)).json();
    await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: 'アリスの下書き', body: 'x', tags: ['秘密'], status: 'draft' } });
    const published = (await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '公開の手順', body: 'x', tags: [] } })).json();
    const body = (await feed(`/api/feeds/tips.atom?token=${token}`)).body;
    expect(body).toContain('公開の手順');
    expect(body).not.toContain('アリスの下書き');
    // A tag used only by a draft is as missing through a token as through a session.
    expect((await feed(`/api/feeds/tips.atom?tag=${encodeURIComponent('秘密')}&token=${token}`)).statusCode).toBe(404);
    expect(published.id).toBeGreaterThan(0);
  });

  it('a token opens feeds only: not the API, not writes', async () => {
    const { token } = (await make(alice)).json();
    for (const url of ['/api/me', '/api/posts', '/api/me/feed-tokens', '/api/search?q=x', '/api/moderation/audit']) {
      expect((await feed(`${url}${url.includes('?') ? '&' : '?'}token=${token}`)).statusCode, url).toBeGreaterThanOrEqual(400);
    }
    const write = await t.as(null, { method: 'POST', url: `/api/posts?token=${token}`, payload: { title: 'x', body: 'y', tags: [] } });
    expect(write.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('revoked, wrong, malformed or a suspended member’s tokens open nothing; only the owner revokes', async () => {
    const { token, id } = (await make(alice)).json();
    for (const bad of [token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), 'x', '', `${token}${token}`, encodeURIComponent("' OR 1=1 --")]) {
      expect((await feed(`/api/feeds/tips.atom?token=${bad}`)).statusCode, bad).toBeGreaterThanOrEqual(400);
    }
    expect((await t.as(bob, { method: 'DELETE', url: `/api/me/feed-tokens/${id}` })).statusCode).toBe(404);
    expect((await feed(`/api/feeds/tips.atom?token=${token}`)).statusCode).toBe(200);
    expect((await t.as(alice, { method: 'DELETE', url: `/api/me/feed-tokens/${id}` })).statusCode).toBe(204);
    expect((await feed(`/api/feeds/tips.atom?token=${token}`)).statusCode).toBe(401);

    const second = (await make(alice)).json();
    const suspend = await t.as(t.admin, { method: 'PATCH', url: `/api/users/${alice.id}`, payload: { suspended: true } });
    expect(suspend.statusCode).toBe(200);
    expect((await feed(`/api/feeds/tips.atom?token=${second.token}`)).statusCode).toBe(403);
  });

  it('labels are required and tokens are limited per member', async () => {
    expect((await make(alice, '   ')).statusCode).toBe(400);
    expect((await t.as(alice, { method: 'POST', url: '/api/me/feed-tokens', payload: {} })).statusCode).toBe(400);
    for (let i = 0; i < 10; i++) expect((await make(alice, `reader ${i}`)).statusCode).toBe(201);
    const over = await make(alice, 'one more');
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toBe('conflict');
    expect((await make(bob)).statusCode).toBe(201);
  });

  it('logs never hold a token', () => {
    expect(redactToken('/api/feeds/tips.atom?tag=VBA&token=abc_DEF-123&x=1')).toBe('/api/feeds/tips.atom?tag=VBA&token=[redacted]&x=1');
    expect(redactToken('/api/feeds/requests.atom?TOKEN=abc')).toBe('/api/feeds/requests.atom?TOKEN=[redacted]');
  });
});
