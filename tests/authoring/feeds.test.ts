import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { postTip, type TestUser } from '../helpers/app';
import { useClockedApp } from '../helpers/fixture';
import { PNG } from './fixtures';
import { FEED_HTML_MAX, summaryOf } from '../../server/feeds/service';

const BASE = 'https://kotsu.pref.example.lg.jp';
const { t, now, later, users: { alice, bob } } = useClockedApp({
  env: { KOTSU_PUBLIC_URL: `${BASE}/` },
  users: { alice: { displayName: '青木 花子' }, bob: {} },
});
const get = (url: string, user: TestUser | null = bob) => t.as(user, { method: 'GET', url });

describe('Atom feeds', () => {
  it('of new tips: valid Atom a feed reader parses, newest first, absolute links to the web pages', async () => {
    const { markdown } = (await t.as(alice, { method: 'POST', url: '/api/images', headers: { 'content-type': 'image/png' }, payload: PNG })).json();
    const first = await postTip(t, alice, { title: 'Ctrl+Shift+L でフィルター', body: '## 手順\n表を選んで押すだけ', tags: ['Excel', 'ショートカット'] });
    later();
    const second = await postTip(t, bob, { title: 'A & B <script>「引用」', body: `[見出しへ](#h-手順) [別のコツ](/tips/${first.id})\n\n${markdown}`, tags: ['Word'] });
    const hidden = await postTip(t, bob, { title: '非表示のコツ' });
    const mod = await t.user('mod', { role: 'moderator' });
    await t.as(mod, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: 'x' } });
    await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '下書きのコツ', body: '', tags: [], status: 'draft' } });

    const res = await get('/api/feeds/tips.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const feed = parseFeed(res.body);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Kotsu（コツ）: 新着のコツ');
    expect(feed.url).toBe(`${BASE}/`);
    expect(feed.self).toBe(`${BASE}/api/feeds/tips.atom`);
    expect(feed.updated?.toISOString()).toBe(second.updatedAt);
    expect(feed.items.map((i) => i.title)).toEqual(['A & B <script>「引用」', 'Ctrl+Shift+L でフィルター']);
    const [s, f] = feed.items;
    expect(s.url).toBe(`${BASE}/tips/${second.id}`);
    expect(s.id).toBe(`${BASE}/tips/${second.id}`);
    expect(s.authors).toEqual([{ name: 'bobさん', email: null, url: `${BASE}/users/bob` }]);
    expect(s.published?.toISOString()).toBe(second.createdAt);
    expect(s.content).toContain(`href="${BASE}/tips/${second.id}#h-${encodeURIComponent('手順')}"`);
    expect(s.content).toContain(`href="${BASE}/tips/${first.id}"`);
    expect(s.content).toMatch(new RegExp(`src="${BASE}/api/images/[0-9a-f]{64}\\.png"`));
    expect(f.categories.map((c) => c.term)).toEqual(['Excel', 'ショートカット']);
    expect(f.content).toContain('<h2 id="h-手順">手順</h2>');
    expect(f.description).toBe('手順 表を選んで押すだけ');
    expect(res.body).not.toContain('非表示');
    expect(res.body).not.toContain('下書き');
  });

  it('carries a tip longer than FEED_HTML_MAX as its summary and a link, still valid Atom; shorter tips whole', async () => {
    // Hostile and long: runs of Markdown openers, `<` that render as entities, a Japanese paragraph.
    const long = `冒頭の説明 **太字** <b>\n\n${'!['.repeat(20_000)}${'<'.repeat(20_000)}`;
    const big = await postTip(t, alice, { title: '長いコツ & <x>', body: long, tags: ['長文'] });
    later();
    const small = await postTip(t, bob, { title: '短いコツ', body: '**短い**本文', tags: ['長文'] });
    expect(big.html.length).toBeGreaterThan(FEED_HTML_MAX);
    for (const url of ['/api/feeds/tips.atom', '/api/feeds/tips.atom?tag=長文']) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.body.length).toBeLessThan(FEED_HTML_MAX);
      const feed = parseFeed(res.body);
      const [s, b] = feed.items;
      expect(s.title).toBe('短いコツ');
      expect(s.content).toBe(small.html.trim());
      expect(b.title).toBe('長いコツ & <x>');
      expect(summaryOf(long).startsWith('冒頭の説明 太字 <b')).toBe(true);
      expect(b.description?.startsWith('冒頭の説明 太字')).toBe(true);
      expect(b.content).toContain('<p>冒頭の説明 太字');
      // The summary is escaped as HTML, then the HTML as XML: `<b` arrives as text, never as a tag.
      expect(res.body).toContain(`&lt;p&gt;${summaryOf(long).replace(/&/g, '&amp;amp;').replace(/</g, '&amp;lt;')}…&lt;/p&gt;`);
      expect(b.content).toContain(`<a href="${BASE}/tips/${big.id}">`);
    }
  });

  it('of one tag, matching across width and case; 404 for an unknown tag', async () => {
    await postTip(t, alice, { title: 'Excel のコツ', tags: ['Excel'] });
    await postTip(t, alice, { title: 'Word のコツ', tags: ['Word'] });
    const feed = parseFeed((await get(`/api/feeds/tips.atom?tag=${encodeURIComponent('ＥＸＣＥＬ')}`)).body);
    expect(feed.title).toBe('Kotsu（コツ）: Excel の新着');
    expect(feed.url).toBe(`${BASE}/tags/Excel`);
    expect(feed.self).toBe(`${BASE}/api/feeds/tips.atom?tag=Excel`);
    expect(feed.items.map((i) => i.title)).toEqual(['Excel のコツ']);
    expect((await get('/api/feeds/tips.atom?tag=nothing')).statusCode).toBe(404);
  });

  it('of open requests, linking to the request pages', async () => {
    const open = (await t.as(alice, { method: 'POST', url: '/api/requests', payload: { title: 'Teams の会議を自動で録画したい', body: '毎回忘れます' } })).json();
    later();
    const solved = (await t.as(bob, { method: 'POST', url: '/api/requests', payload: { title: '解決した依頼' } })).json();
    await t.as(bob, { method: 'POST', url: `/api/requests/${solved.id}/solve`, payload: {} });
    await t.as(bob, { method: 'PUT', url: `/api/requests/${open.id}/vote` });
    const feed = parseFeed((await get('/api/feeds/requests.atom')).body);
    expect(feed.url).toBe(`${BASE}/requests`);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: 'Teams の会議を自動で録画したい', url: `${BASE}/requests/${open.id}`, description: '私も知りたい 1・回答 0' });
    expect(feed.items[0].content).toContain('毎回忘れます');
  });

  it('is a valid feed when empty, and needs a member', async () => {
    const feed = parseFeed((await get('/api/feeds/tips.atom')).body);
    expect(feed.items).toEqual([]);
    expect(feed.updated?.toISOString()).toBe(now().toISOString());
    expect((await get('/api/feeds/tips.atom', null)).statusCode).toBe(401);
    expect((await get('/api/feeds/requests.atom', null)).statusCode).toBe(401);
  });

  it('reaches a feed reader behind the SSO proxy', async () => {
    const db = openDatabase(':memory:');
    const config = loadConfig({ KOTSU_AUTH: 'proxy', KOTSU_PUBLIC_URL: BASE }, { dbPath: ':memory:', webRoot: null });
    const proxied = await buildApp({ config, db });
    try {
      const res = await proxied.inject({ method: 'GET', url: '/api/feeds/tips.atom', remoteAddress: '127.0.0.1', headers: { 'x-remote-user': 'feedreader' } });
      expect(res.statusCode).toBe(200);
      expect(parseFeed(res.body).meta.type).toBe('atom');
      const untrusted = await proxied.inject({ method: 'GET', url: '/api/feeds/tips.atom', remoteAddress: '10.0.0.9', headers: { 'x-remote-user': 'feedreader' } });
      expect(untrusted.statusCode).toBe(401);
    } finally {
      await proxied.close();
      db.close();
    }
  });
});
