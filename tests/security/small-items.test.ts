import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { rawRequest } from './raw-http';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

describe('read your own writes while views are batched', () => {
  it('a view just recorded shows in the next GET of the tip, before the batch is written', async () => {
    t = await createTestApp();
    t.app.ctx.views.configure({ flushMs: 60_000 }); // nothing is written during the test
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: '閲覧数' });
    const readers = [await t.user('r1'), await t.user('r2'), await t.user('r3')];
    let expected = 0;
    for (const reader of readers) {
      const view = await t.as(reader, { method: 'POST', url: `/api/posts/${tip.id}/views` });
      expect(view.json().counted).toBe(true);
      expected += 1;
      expect(t.app.ctx.views.pendingCount()).toBe(expected); // still waiting in memory
      for (const who of [reader, author, t.admin]) {
        const page = (await t.as(who, { method: 'GET', url: `/api/posts/${tip.id}` })).json();
        expect(page.viewCount).toBe(expected);
        expect(page.viewerCount).toBe(expected);
        expect(page.viewCount).toBe(view.json().viewCount);
      }
    }
    t.app.ctx.views.flush();
    expect((await t.as(readers[0], { method: 'GET', url: `/api/posts/${tip.id}` })).json().viewCount).toBe(3);
  });
});

describe('bodiless writes labelled JSON', () => {
  it('every route without a body answers an empty JSON body exactly as it answers no body', async () => {
    t = await createTestApp();
    const member = await t.user('member');
    await postTip(t, member, { title: 'x' });
    const rules = t.app.routeRules.filter((r) => ['POST', 'PUT', 'DELETE', 'PATCH'].includes(r.method) && !(r.schema as { body?: unknown } | undefined)?.body);
    expect(rules.length).toBeGreaterThan(10);
    const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1');
    const failures: string[] = [];
    for (const rule of rules) {
      // Logout and "sign out everywhere" end the session: each call gets a fresh member session.
      const who = await t.user(`m${failures.length}-${rules.indexOf(rule)}`);
      const bare = await t.as(who, { method: rule.method as 'POST', url: concrete(rule.url) });
      const who2 = await t.user(`n${failures.length}-${rules.indexOf(rule)}`);
      const labelled = await t.as(who2, { method: rule.method as 'POST', url: concrete(rule.url), headers: { 'content-type': 'application/json' }, payload: '' });
      if (labelled.statusCode !== bare.statusCode) failures.push(`${rule.method} ${rule.url}: ${labelled.statusCode} (${labelled.body}) vs ${bare.statusCode} without a body`);
    }
    expect(failures).toEqual([]);
  });

  it('over a real socket, with Content-Length: 0 and with no length at all', async () => {
    t = await createTestApp({ env: { KOTSU_PUBLIC_URL: 'http://kotsu.intra' } });
    const member = await t.user('member');
    const tip = await postTip(t, t.admin, { title: 'like me' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const headers = { cookie: member.cookie, origin: 'http://kotsu.intra', 'content-type': 'application/json' };
    const like = await rawRequest(port, 'PUT', `/api/posts/${tip.id}/like`, { ...headers, 'content-length': '0' });
    expect(like.status).toBe(200);
    expect(JSON.parse(like.body).likedByMe).toBe(true);
    const unlike = await rawRequest(port, 'DELETE', `/api/posts/${tip.id}/like`, headers);
    expect(unlike.status).toBe(200);
    const crlf = await rawRequest(port, 'PUT', `/api/posts/${tip.id}/bookmark`, headers, '\r\n');
    expect(crlf.status).toBe(200);
    // A route that needs a body still refuses an empty one, as invalid input (not a parser error).
    const post = await rawRequest(port, 'POST', '/api/posts', headers, '');
    expect(post.status).toBe(400);
    expect(JSON.parse(post.body).error).toBe('bad_request');
  });
});
