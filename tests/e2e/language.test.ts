import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, launchBrowser, newContext, setupAdmin, startServer, uiLogin, type TestServer } from './harness';

/**
 * One language at a time (issue 18, item 5): after a switch to English, `<html lang>`, the tab
 * title and every later page load stay English; English plurals are right; an API error shows
 * the web app's own message for its reason, in the user's language only.
 */
describe('language', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const adminCookie = await setupAdmin(server);
    const authorCookie = await createUser(server, adminCookie, 'sato', { displayName: '佐藤 花子', department: '税務課' });
    const readerCookie = await createUser(server, adminCookie, 'tanaka', { displayName: '田中 一郎', department: '財政課' });
    const tip = await apiCall(server, 'POST', '/api/posts', { title: 'ピボットテーブルの基本', body: '手順です。', tags: ['Excel'] }, authorCookie);
    await apiCall(server, 'POST', `/api/posts/${tip.json.id}/comments`, { body: '助かりました' }, readerCookie);
    context = await newContext(browser, server);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows API errors in the user\'s language only, never "日本語 / English"', async () => {
    await page.goto('/login');
    await page.getByLabel('ユーザー名').fill('tanaka');
    await page.getByLabel('パスワード').fill('not the password at all');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('ユーザー名またはパスワードが違います。');
    expect(await page.getByRole('alert').textContent()).not.toMatch(/wrong|\s\/\s/);
  });

  it('after switching to English, lang, title and later page loads stay English; plurals are right', async () => {
    await uiLogin(page, 'tanaka');
    await page.goto('/rankings');
    await expect.poll(() => page.title()).toBe('ランキング | Kotsu');
    await page.getByRole('button', { name: /田中 一郎/ }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.title()).toBe('Rankings | Kotsu');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Rankings');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.title()).toBe('Rankings | Kotsu');
    await page.goto('/');
    await expect.poll(() => page.title()).toBe('Home | Kotsu');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // One comment on the tip: "1 comment", not "1 comments".
    await expect.poll(() => page.getByText('1 comment', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText('1 comments').count()).toBe(0);
  });
});
