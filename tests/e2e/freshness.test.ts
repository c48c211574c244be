import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, expectAccessible, launchBrowser, setupAdmin, startServer, type TestServer, signedInPage } from './harness';

/**
 * Freshness (issue 20 part 5) in a real browser: a tip unchanged for over a year shows its age
 * to every reader; its author confirms it still valid from the tip or from マイコツ.
 */
describe('freshness', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let aliceCookie = '';
  let bobCookie = '';

  const pageFor = (username: string, width?: number): Promise<Page> => signedInPage(browser, server, contexts, username, width);

  /** A tip last edited `days` ago: written now, its date moved back as a year-old tip's would be. */
  async function oldTip(title: string, days: number): Promise<number> {
    const res = await apiCall(server, 'POST', '/api/posts', { title, body: '手順です。', tags: ['Excel'] }, aliceCookie);
    const at = new Date(Date.now() - days * 86_400_000).toISOString();
    server.app.ctx.db.prepare('UPDATE posts SET created_at = ?, updated_at = ? WHERE id = ?').run(at, at, res.json.id);
    return res.json.id as number;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    aliceCookie = await createUser(server, admin, 'alice', { displayName: '佐藤 花子' });
    bobCookie = await createUser(server, admin, 'bob');
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('readers see the age of a tip due for a look; only its author can confirm it, and then it says so', async () => {
    const id = await oldTip('年度更新の手順', 400);
    const bob = await pageFor('bob');
    await bob.goto(`/tips/${id}`);
    const notice = bob.locator('.notice.stale');
    await expect.poll(() => notice.textContent()).toContain('1年1か月');
    expect(await notice.getByRole('button').count()).toBe(0);
    await expectAccessible(bob, 'a tip due for a look');

    const alice = await pageFor('alice', 360);
    await alice.goto(`/tips/${id}`);
    await alice.getByRole('button', { name: '今も有効と確認する' }).click();
    await expect.poll(() => alice.locator('.notice.stale').count()).toBe(0);
    await expect.poll(() => alice.locator('.checked').textContent()).toMatch(/確認済み（\d{4}年\d{1,2}月\d{1,2}日）/);
    // Confirming is not editing: the history still has one version and no new "updated" date.
    expect((await apiCall(server, 'GET', `/api/posts/${id}/revisions`, undefined, bobCookie)).json.items).toHaveLength(1);
    await bob.reload();
    await expect.poll(() => bob.locator('.checked').count()).toBe(1);
    expect(await bob.locator('.notice.stale').count()).toBe(0);
  });

  it('a fresh tip shows no notice', async () => {
    const res = await apiCall(server, 'POST', '/api/posts', { title: '新しい手順', body: '本文', tags: [] }, aliceCookie);
    const bob = await pageFor('bob');
    await bob.goto(`/tips/${res.json.id}`);
    await bob.locator('h1', { hasText: '新しい手順' }).waitFor();
    expect(await bob.locator('kotsu-freshness-notice .notice').count()).toBe(0);
  });

  it('マイコツ lists the author’s tips due for a look, longest first; 今も有効 takes one off', async () => {
    const older = await oldTip('給与明細の配布', 800);
    const newer = await oldTip('旅費の精算', 500);
    const alice = await pageFor('alice', 360);
    await alice.goto('/my-tips');
    const list = alice.locator('kotsu-review-list li');
    await expect.poll(() => list.locator('a').first().allTextContents()).toEqual(['給与明細の配布']);
    expect(await list.count()).toBe(2);
    expect(await list.nth(1).locator('a').first().textContent()).toBe('旅費の精算');
    await alice.getByRole('button', { name: '今も有効: 給与明細の配布' }).click();
    await expect.poll(() => list.count()).toBe(1);
    expect((await apiCall(server, 'GET', '/api/me/review', undefined, aliceCookie)).json.items.map((i: { post: { id: number } }) => i.post.id)).toEqual([newer]);
    expect(older).toBeGreaterThan(0);
    expect(await alice.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);
    await expectAccessible(alice, 'my tips with tips to look at again');
    // Somebody else's list does not show them.
    expect((await apiCall(server, 'GET', '/api/me/review', undefined, bobCookie)).json.items).toEqual([]);
  });
});
