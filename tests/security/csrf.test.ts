import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, postTip, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

const tipJson = JSON.stringify({ title: 'CSRF', body: 'x', tags: [] });
const count = () => t!.db.prepare('SELECT count(*) FROM posts').pluck().get();

describe('CSRF: only same-origin JSON writes are accepted with a session cookie', () => {
  it('refuses bodies a cross-site form can send (text/plain, form-encoded, multipart) with 415', async () => {
    t = await createTestApp();
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/posts', headers: { 'content-type': type }, payload: tipJson });
      expect(res.statusCode, type).toBe(415);
      expect(res.json().error).toBe('unsupported_media_type');
    }
    expect(count()).toBe(0);
  });

  it('refuses look-alike and malformed JSON content types, and bodies without one', async () => {
    t = await createTestApp();
    for (const type of ['application/jsonp', 'text/json', 'application/json-patch+json', 'application/x-json', 'json', '', 'application/json/../text']) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/posts', headers: { 'content-type': type }, payload: tipJson });
      expect([400, 415], `"${type}"`).toContain(res.statusCode);
    }
    const none = await t.app.inject({ method: 'POST', url: '/api/posts', headers: { cookie: t.admin.cookie, origin: 'http://localhost:3000' }, payload: Buffer.from(tipJson) });
    expect([400, 415]).toContain(none.statusCode);
    expect(count()).toBe(0);
    const ok = await t.as(t.admin, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'application/json; charset=utf-8' }, payload: tipJson });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses writes from another origin or a cross-site fetch, logout and login included', async () => {
    t = await createTestApp({ env: { KOTSU_PUBLIC_URL: 'http://kotsu.intra' } });
    const tip = await postTip(t, t.admin, { title: 'keep me' });
    const attempts = [
      { method: 'POST', url: '/api/posts', payload: JSON.parse(tipJson) },
      { method: 'DELETE', url: `/api/posts/${tip.id}` },
      { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { title: 'changed' } },
      { method: 'DELETE', url: '/api/session' },
      { method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } },
    ] as const;
    for (const headers of [
      { origin: 'http://evil.example' }, { origin: 'null' }, { origin: 'http://kotsu.intra.evil.example' },
      { origin: 'https://kotsu.intra' }, { 'sec-fetch-site': 'cross-site' },
    ]) {
      for (const a of attempts) {
        const res = await t.as(t.admin, { ...a, headers });
        expect(res.statusCode, `${a.method} ${a.url} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(t.db.prepare('SELECT title FROM posts').pluck().all()).toEqual(['keep me']);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/me' })).statusCode).toBe(200); // not logged out
    // Reads carry no risk and stay open to any origin header; same-origin writes pass.
    expect((await t.as(t.admin, { method: 'GET', url: '/api/me', headers: { origin: 'http://evil.example' } })).statusCode).toBe(200);
    const same = await t.as(t.admin, { method: 'POST', url: '/api/posts', headers: { origin: 'http://kotsu.intra', 'sec-fetch-site': 'same-origin' }, payload: JSON.parse(tipJson) });
    expect(same.statusCode).toBe(201);
  });

  it('the session cookie is SameSite=Lax and HttpOnly, so other sites cannot send or read it', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } });
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/);
  });
});

describe('body strictness', () => {
  it('rejects unknown properties, __proto__ and constructor keys with 400 and stores nothing', async () => {
    t = await createTestApp();
    const bodies = [
      '{"title":"a","body":"","tags":[],"authorId":1}',
      '{"title":"a","body":"","tags":[],"status":"hidden"}',
      '{"title":"a","body":"","tags":[],"__proto__":{"polluted":true}}',
      '{"title":"a","body":"","tags":[],"constructor":{"prototype":{"polluted":true}}}',
      '{"title":"a","body":"","tags":[{"__proto__":{"x":1}}]}',
    ];
    for (const payload of bodies) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().error).toBe('bad_request');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const patch = await t.as(t.admin, { method: 'PATCH', url: '/api/posts/1', payload: { title: 'x', viewCount: 9 } });
    expect([400, 404]).toContain(patch.statusCode);
    expect(count()).toBe(0);
  });

  it('does not coerce types: numbers, arrays, objects and null are not titles', async () => {
    t = await createTestApp();
    for (const title of [123, ['a'], { a: 1 }, null, true]) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title, body: '', tags: [] } });
      expect(res.statusCode, JSON.stringify(title)).toBe(400);
    }
    const tags = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: 't', body: '', tags: 'excel' } });
    expect(tags.statusCode).toBe(400);
    expect(count()).toBe(0);
  });

  it('answers malformed JSON with 400 and oversize bodies with 413, never 500', async () => {
    t = await createTestApp();
    for (const payload of ['{', '{"title":', '[]', '"str"', 'null', '{"title":"\\ud800"}', '\u0000']) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, payload).toBeLessThan(500);
    }
    const huge = await t.as(t.admin, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'x', body: 'a'.repeat(2 * 1024 * 1024), tags: [] }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toBe('too_large');
  });
});
