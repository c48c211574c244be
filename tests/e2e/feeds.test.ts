import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, expectAccessible, launchBrowser, newContext, setupAdmin, startServer, uiLogin, type TestServer } from './harness';

/** Feeds a feed reader can read (issue 20 part 7): personal tokens made and revoked on /feeds, feeds linked from their pages. */
describe('feeds', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cookie = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    cookie = await createUser(server, admin, 'alice');
    await apiCall(server, 'POST', '/api/posts', { title: 'RPAの始め方', body: '本文', tags: ['RPA'] }, cookie);
    context = await newContext(browser, server, { width: 360 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    await uiLogin(page, 'alice');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const alternates = () => page.evaluate(() => [...document.head.querySelectorAll('link[rel=alternate]')].map((l) => `${(l as HTMLLinkElement).type} ${l.getAttribute('href')}`));

  it('each page links its own feed in the head, and only its own', async () => {
    await page.goto('/');
    await expect.poll(alternates).toEqual(['application/atom+xml /api/feeds/tips.atom']);
    await page.goto(`/tags/${encodeURIComponent('RPA')}`);
    await expect.poll(alternates).toEqual([`application/atom+xml /api/feeds/tips.atom?tag=RPA`]);
    await page.goto('/requests');
    await expect.poll(alternates).toEqual(['application/atom+xml /api/feeds/requests.atom']);
    await page.goto('/my-tips');
    await page.locator('h1').first().waitFor();
    await expect.poll(alternates).toEqual([]);
  });

  it('a token made on /feeds gives addresses a feed reader opens without signing in; revoking closes them', async () => {
    await page.goto('/feeds');
    await page.getByLabel('名前（どこで使うか）').fill('Outlook（職場のPC）');
    await page.getByRole('button', { name: 'トークンを作る' }).click();
    const urls = page.locator('.new code');
    await expect.poll(() => urls.count()).toBe(2);
    const tipsUrl = (await urls.first().textContent())!;
    expect(tipsUrl).toMatch(new RegExp(`^${server.url}/api/feeds/tips\\.atom\\?token=[A-Za-z0-9_-]{43}$`));
    await page.locator('.new').getByRole('button', { name: 'リンクをコピー' }).first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(tipsUrl);
    // A feed reader: no cookie at all.
    const read = await fetch(tipsUrl);
    expect(read.status).toBe(200);
    expect(await read.text()).toContain('RPAの始め方');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page, 'the feeds page with a new token');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);

    await page.getByRole('button', { name: '取り消す: Outlook（職場のPC）' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(0);
    expect((await fetch(tipsUrl)).status).toBe(401);
  });
});
