import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { proxyApp } from './helpers';

/**
 * Tags and login names are path segments (`/api/tags/:name/follow`, `/api/profiles/:username`, the
 * web app's `/tags/:name`, `/users/:username`). Every name of these shapes that can be stored must
 * reach its own routes when the web app puts it in a path (`encodeURIComponent`, then the URL
 * parser, which light-my-request applies like a browser): `.` and `..` are dot segments that the
 * parser resolves away (`/api/tags/../follow` is `/api/follow`), so they are refused wherever a
 * tag or a login name is made. Every route taking :name or :username comes from the register.
 */
const TAGS = ['.', '..', '...', '.a', 'a.', '..a', '%2e', '%2e%2e', '.%2e', '..%2F', 'a/b', '?', '#', '%', '\\', '..\\', ' .. ', '．．', '.\u3000.', ';', 'a;b'];
const USERNAMES = ['.', '..', '...', '.a', 'a.', '@', '-', '_', '.@.', '..-'];
const NO_ROUTE = (body: string) => { try { return (JSON.parse(body) as { message?: string }).message?.startsWith('no route') === true; } catch { return false; } };

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); }, 60_000);
afterAll(async () => { await t.close(); });

const pathOf = (rule: string, param: 'name' | 'username', value: string) =>
  rule.replace(`:${param}`, encodeURIComponent(value)).replace(/:[A-Za-z]+/g, '1');

describe('names that are path segments', () => {
  it('every tag that can be stored reaches each route that takes a tag name; dot segments are refused', async () => {
    const author = await t.user('author');
    const rules = t.app.routeRules.filter((r) => r.url.includes(':name') && r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(rules.length).toBeGreaterThanOrEqual(4);
    const failures: string[] = [];
    for (const tag of TAGS) {
      const res = await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: `tag ${tag}`, body: '', tags: [tag] } });
      if (res.statusCode !== 201) {
        if (!['.', '..'].includes(tag.trim())) failures.push(`${JSON.stringify(tag)} refused: ${res.body}`);
        continue;
      }
      const stored = res.json().tags[0] as string;
      if (['.', '..'].includes(stored)) failures.push(`${JSON.stringify(tag)} stored as a dot segment`);
      for (const rule of rules) {
        const body = rule.method === 'PATCH' ? { payload: { name: `${stored}x` } } : {};
        const r = await t.as(rule.method === 'PATCH' ? t.admin : author, { method: rule.method as 'GET', url: pathOf(rule.url, 'name', stored), ...body });
        if (NO_ROUTE(r.body)) failures.push(`${rule.method} ${rule.url} with ${JSON.stringify(stored)}: ${r.statusCode} ${r.body.slice(0, 80)}`);
        // A rename moved it: put it back for the next route.
        if (rule.method === 'PATCH' && r.statusCode === 200) await t.as(t.admin, { method: 'PATCH', url: pathOf(rule.url, 'name', `${stored}x`), payload: { name: stored } });
      }
    }
    expect(failures).toEqual([]);
    expect(t.db.prepare("SELECT count(*) FROM tags WHERE name IN ('.', '..')").pluck().get()).toBe(0);
  }, 120_000);

  it('nor can a dot-segment tag be made by an edit, a template, a rename or a merge', async () => {
    const author = await t.user('author2');
    const tip = await postTip(t, author, { title: 'tip', tags: ['kept'] });
    const calls = [
      t.as(author, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { tags: ['..'] } }),
      t.as(t.admin, { method: 'POST', url: '/api/templates', payload: { name: 'dots', body: 'b', tags: ['.'] } }),
      t.as(t.admin, { method: 'PATCH', url: '/api/tags/kept', payload: { name: '..' } }),
      t.as(t.admin, { method: 'POST', url: '/api/tags/merge', payload: { from: ['kept'], into: '.' } }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'bad_request', reason: 'tag_dot_segment' });
    }
    expect(t.db.prepare("SELECT count(*) FROM tags WHERE name IN ('.', '..')").pluck().get()).toBe(0);
  });

  it('every login name that can be made reaches each route that takes a username; dot segments are refused', async () => {
    const viewer = await t.user('viewer');
    const rules = t.app.routeRules.filter((r) => r.url.includes(':username') && r.url.startsWith('/api/') && r.method !== 'HEAD');
    expect(rules.length).toBeGreaterThanOrEqual(3);
    const failures: string[] = [];
    for (const username of USERNAMES) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/users', payload: { username, password: 'correct horse battery staple', displayName: 'x' } });
      if (res.statusCode !== 201) {
        if (!['.', '..'].includes(username)) failures.push(`${username} refused: ${res.body}`);
        else if (res.json().reason !== 'username_dot_segment') failures.push(`${username}: ${res.body}`);
        continue;
      }
      if (['.', '..'].includes(username)) failures.push(`${username} created`);
      for (const rule of rules) {
        const r = await t.as(viewer, { method: rule.method as 'GET', url: pathOf(rule.url, 'username', username) });
        if (NO_ROUTE(r.body) || r.statusCode === 404) failures.push(`${rule.method} ${rule.url} with ${username}: ${r.statusCode} ${r.body.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
    // The staff CSV says so row by row.
    const csv = await t.as(t.admin, { method: 'POST', url: '/api/users/import', headers: { 'content-type': 'text/csv' }, payload: 'ユーザー名,氏名\n..,点\n' });
    expect(csv.statusCode).toBe(400);
    expect(csv.body).toContain('username_dot_segment');
    expect(t.db.prepare("SELECT count(*) FROM users WHERE username IN ('.', '..')").pluck().get()).toBe(0);
  }, 120_000);

  it('a proxy\'s identity header naming a dot segment is no identity', async () => {
    const a = await proxyApp();
    try {
      for (const user of ['.', '..']) {
        const res = await a.app.inject({ method: 'GET', url: '/api/me', remoteAddress: '127.0.0.1', headers: { 'x-remote-user': user } });
        expect(res.statusCode, user).toBe(401);
      }
      expect(a.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    } finally {
      await a.close();
    }
  });
});
