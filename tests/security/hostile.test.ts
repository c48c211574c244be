import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app';
import { ALL_CASES, BODY_CASES, TEXT_CASES } from './hostile-cases';
import { activeParts } from './inert';

let t: TestApp;
let author: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  author = await t.user('author');
});
afterAll(async () => { await t.close(); });

describe('the inertness check itself', () => {
  it('flags what would run', () => {
    expect(activeParts('<p>ok <a href="https://x.example">x</a> <img src="data:image/png;base64,AA" alt=""></p>')).toEqual([]);
    for (const bad of ['<script>x</script>', '<img src=x onerror=a()>', '<a href="java&#x09;script:a()">x</a>',
      '<a href=" JAVASCRIPT:a()">x</a>', '<svg></svg>', '<p style="background:url(x)">', '<img src="data:image/svg+xml,x">']) {
      expect(activeParts(bad), bad).not.toEqual([]);
    }
  });
});

describe(`hostile inputs (${ALL_CASES.length} cases)`, () => {
  it('there are at least 40, across body, title, tags, display name, department and query strings', () => {
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ALL_CASES.map((c) => c.field))).toEqual(new Set(['body', 'title', 'tags', 'displayName', 'department', 'query']));
  });

  it.each(BODY_CASES.map((c) => [c.name, c] as const))('body: %s', async (_name, c) => {
    const res = await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: c.name, body: c.value, tags: [] } });
    if (c.refused) {
      expect([400, 413]).toContain(res.statusCode);
      return;
    }
    expect(res.statusCode, res.body.slice(0, 200)).toBe(201);
    const post = res.json();
    expect(activeParts(post.html)).toEqual([]);
    // Stored exactly as accepted; what is shown again is the same inert rendering.
    const again = (await t.as(author, { method: 'GET', url: `/api/posts/${post.id}` })).json();
    expect(again.body).toBe(c.value);
    expect(again.html).toBe(post.html);
    const preview = await t.as(author, { method: 'POST', url: '/api/preview', payload: { body: c.value } });
    expect(preview.statusCode).toBe(200);
    expect(activeParts(preview.json().html)).toEqual([]);
  });

  it.each(TEXT_CASES.filter((c) => c.field === 'title').map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const res = await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: c.value, body: 'b', tags: [] } });
    if (c.refused) { expect(res.statusCode).toBe(400); return; }
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const post = res.json();
    expect(post.title).toBe(c.value); // text, never HTML: the page sets it as text
    expect(post.html).not.toContain(c.value.slice(0, 8));
    const list = (await t.as(author, { method: 'GET', url: '/api/posts?limit=100' })).json();
    expect(list.items.find((p: { id: number }) => p.id === post.id).title).toBe(c.value);
  });

  it.each(TEXT_CASES.filter((c) => c.field === 'tags').map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const res = await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: 't', body: 'b', tags: [c.value] } });
    expect([201, 400]).toContain(res.statusCode);
    if (res.statusCode === 201) {
      expect(res.json().tags).toEqual([c.value]);
      const tags = (await t.as(author, { method: 'GET', url: `/api/tags?q=${encodeURIComponent(c.value.slice(0, 5))}` })).json();
      expect(tags.items.map((x: { name: string }) => x.name)).toContain(c.value);
    }
  });

  it.each(TEXT_CASES.filter((c) => c.field === 'displayName' || c.field === 'department').map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const username = `u${Math.random().toString(36).slice(2, 10)}`;
    const res = await t.as(t.admin, { method: 'POST', url: '/api/users', payload: {
      username, password: 'a long enough passphrase', displayName: c.field === 'displayName' ? c.value : 'x',
      department: c.field === 'department' ? c.value : '' } });
    expect(res.statusCode).toBe(201);
    const user = await t.as(t.admin, { method: 'GET', url: `/api/profiles/${username}` });
    expect(user.json()[c.field]).toBe(c.value);
  });

  it.each(TEXT_CASES.filter((c) => c.field === 'query').map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const q = encodeURIComponent(c.value);
    const urls = [`/api/posts?tag=${q}`, `/api/posts?author=${q}`, `/api/tags?q=${q}`,
      ...t.app.routeRules.filter((r) => r.method === 'GET' && /^\/api\/search/.test(r.url)).map((r) => `${r.url}?q=${q}`)];
    for (const url of urls) {
      const res = await t.as(author, { method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      if (res.statusCode === 200) {
        for (const snippet of JSON.stringify(res.json()).match(/"snippet":"(?:[^"\\]|\\.)*"/g) ?? []) {
          expect(activeParts(JSON.parse(`{${snippet}}`).snippet)).toEqual([]);
        }
      }
    }
  });

  it('a search that matches hostile tips returns escaped snippets only', async () => {
    await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: 'スニペット検査', body: `検査語 <img src=x onerror=alert(1)> 検査語 <script>alert(1)</script>`, tags: [] } });
    const search = t.app.routeRules.find((r) => r.method === 'GET' && r.url === '/api/search');
    if (!search) return; // search not built in this tree
    const res = await t.as(author, { method: 'GET', url: `/api/search?q=${encodeURIComponent('検査語')}` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { snippet: string; title: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(activeParts(item.snippet)).toEqual([]);
  });
});
