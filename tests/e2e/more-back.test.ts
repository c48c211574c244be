import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, createUser, externalRequests, launchBrowser, pageCookie, screenshots, setupAdmin, signedInPage, startServer, type TestServer } from './harness';

/**
 * A list grown with もっと見る, left for one of its items and returned to with Back (or
 * reloaded), shows as many items as before and the reader where she was — on every list that
 * grows so (router/shown-pages.ts), not only its first page. Search results page by address
 * (次へ), which Back keeps as it is.
 */
describe('Back to a list grown with もっと見る', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  const TAG = 'ピボットテーブル';

  beforeAll(async () => {
    // The history case saves 55 revisions in a moment: past the per-member write limit.
    server = await startServer({}, { writeLimitPerMinute: 1000 });
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const author = await createUser(server, admin, 'sato', { displayName: '佐藤 花子' });
    for (let i = 1; i <= 45; i++) {
      const title = `ピボットテーブルの集計 その${String(i).padStart(2, '0')}`;
      expect((await apiCall(server, 'POST', '/api/posts', { title, body: `ピボットテーブルの手順 ${i}`, tags: [TAG] }, author)).status).toBe(201);
    }
    for (let i = 1; i <= 35; i++) {
      expect((await apiCall(server, 'POST', '/api/requests', { title: `ピボットテーブルで集計したい その${i}`, body: '' }, author)).status).toBe(201);
    }
    page = await signedInPage(browser, server, contexts, 'sato');
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  const lists: [string, string, number][] = [
    ['/', 'kotsu-post-list a.title', 20],
    [`/tags/${encodeURIComponent(TAG)}`, 'kotsu-post-list a.title', 20],
    ['/users/sato', 'kotsu-post-list a.title', 20],
    ['/requests', 'kotsu-requests-page a.title', 30],
  ];
  for (const [list, selector, size] of lists) {
    it(`${decodeURIComponent(list)}: Back and a reload show the pages added and return to the item left`, async () => {
      await page.goto(list);
      const links = page.locator(selector);
      await expect.poll(() => links.count(), { message: list }).toBe(size);
      await page.getByRole('button', { name: 'もっと見る' }).click();
      await expect.poll(() => links.count(), { message: list }).toBeGreaterThan(size);
      const shown = await links.count();
      const target = links.nth(size + 3);
      const title = await target.textContent();
      await target.scrollIntoViewIfNeeded();
      const y = await page.evaluate(() => window.scrollY);
      if (list === '/') await screenshots(page, 'more-home');
      await target.click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      await page.goBack();
      await expect.poll(() => links.count(), { message: `${list} after Back` }).toBe(shown);
      await expect.poll(() => page.evaluate(() => window.scrollY), { message: `${list} after Back`, timeout: 10_000 }).toBeGreaterThan(y - 5);
      expect(Math.abs(await page.evaluate(() => window.scrollY) - y), list).toBeLessThanOrEqual(5);
      await page.reload();
      await expect.poll(() => links.count(), { message: `${list} after reload` }).toBe(shown);
      // One page more still adds to what is shown, and counts for the next Back.
      if (shown < 45 && list !== '/requests') {
        await page.getByRole('button', { name: 'もっと見る' }).click();
        await expect.poll(() => links.count()).toBe(45);
        await links.nth(42).click();
        await page.goBack();
        await expect.poll(() => links.count(), { message: `${list} after the third page` }).toBe(45);
      }
    });
  }

  it('a tip\'s history: the revisions added stay when an old one is compared (the address changes) and after leaving and coming Back', async () => {
    const cookie = await pageCookie(page);
    const tip = (await apiCall(server, 'POST', '/api/posts', { title: '版を重ねるコツ', body: '版 1', tags: [TAG] }, cookie)).json.id;
    for (let i = 2; i <= 55; i++) {
      expect((await apiCall(server, 'PATCH', `/api/posts/${tip}`, { body: `版 ${i}` }, cookie)).status).toBe(200);
    }
    await page.goto(`/tips/${tip}/history`);
    const items = page.getByRole('list', { name: '保存された版' }).locator(':scope > li');
    await expect.poll(() => items.count()).toBe(50);
    await page.getByRole('button', { name: 'もっと見る' }).click();
    await expect.poll(() => items.count()).toBe(55);
    await page.getByLabel('比較元').selectOption('2');
    await page.getByRole('button', { name: '比べる', exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?from=2&to=55');
    await page.getByRole('link', { name: '← 版を重ねるコツ' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('版を重ねるコツ');
    await page.goBack();
    await expect.poll(() => items.count(), { message: 'history after Back' }).toBe(55);
  });

  it('the audit log and the member list keep the pages added through a reload and Back; a member search is in the address', async () => {
    const cookie = await apiLogin(server, 'admin');
    // 25 more members: 27 accounts, and 27 audit entries (the set-up and each account made).
    for (let i = 1; i <= 25; i++) await createUser(server, cookie, `staff${String(i).padStart(2, '0')}`, { displayName: `職員 ${i}` });
    const admin = await signedInPage(browser, server, contexts, 'admin');
    for (const [list, rows] of [['/admin/audit', 'kotsu-audit-page tbody tr'], ['/admin/users', 'kotsu-users-admin-page table tbody tr']] as const) {
      await admin.goto(list);
      const items = admin.locator(rows);
      await expect.poll(() => items.count(), { message: list }).toBe(20);
      await admin.getByRole('button', { name: 'もっと見る' }).click();
      await expect.poll(() => items.count(), { message: list }).toBe(27);
      await admin.reload();
      await expect.poll(() => items.count(), { message: `${list} after reload` }).toBe(27);
      await admin.goto('/');
      await admin.goBack();
      await expect.poll(() => items.count(), { message: `${list} after Back` }).toBe(27);
    }
    // A search of members: its own address, kept by a reload, left with Back.
    const search = admin.getByRole('search', { name: '検索（名前・ユーザー名・所属）' });
    await search.getByRole('searchbox').fill('staff2');
    await search.getByRole('button', { name: '検索', exact: true }).click();
    await expect.poll(() => new URL(admin.url()).searchParams.get('q')).toBe('staff2');
    const found = admin.locator('kotsu-users-admin-page table tbody tr');
    await expect.poll(() => found.count()).toBe(6);
    await admin.reload();
    await expect.poll(() => found.count()).toBe(6);
    await admin.goBack();
    await expect.poll(() => found.count()).toBe(27);
  });

  it('a search\'s next page is in its address: Back returns to it and to the item left', async () => {
    await page.goto(`/search?q=${encodeURIComponent('ピボットテーブル')}`);
    await page.getByRole('link', { name: '次へ' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    const links = page.locator('kotsu-search-page ol.results a.title');
    await expect.poll(() => links.count()).toBe(20);
    const target = links.nth(15);
    const title = await target.textContent();
    await target.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    await target.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await page.goBack();
    await expect.poll(() => links.nth(15).textContent()).toBe(title);
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(y - 5);
  });
});
