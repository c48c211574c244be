import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, createUser, expectAccessible, externalRequests, launchBrowser, newContext, setupAdmin, startServer, uiLogin,
  type TestServer,
} from './harness';

/**
 * A page costs one data request (issue 17): a tip page shows the tip, its comments, DX賞, impact
 * and the reader's own report state from GET /api/pages/tips/:id and records the view with one
 * small POST; the home page shows everything from GET /api/pages/home; a fresh load adds only
 * the shell's GET /api/session.
 */
describe('one data request per page', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tipId = 0;
  const TITLE = 'ピボットテーブルで課別に集計する';
  const calls: string[] = [];

  /** The /api requests the page made while `action` ran (and `settle` ms after). */
  async function apiRequests(action: () => Promise<unknown>, settle = 0): Promise<string[]> {
    calls.length = 0;
    await action();
    if (settle) await page.waitForTimeout(settle);
    return [...calls];
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const sato = await createUser(server, admin, 'sato', { displayName: '佐藤 花子', department: '財政課' });
    const yamada = await createUser(server, admin, 'yamada', { displayName: '山田 太郎', department: '税務課' });
    const tip = await apiCall(server, 'POST', '/api/posts', { title: TITLE, body: '1. 範囲を選ぶ\n2. 挿入 → ピボットテーブル', tags: ['Excel', '集計'] }, sato);
    tipId = tip.json.id;
    for (let i = 0; i < 3; i++) await apiCall(server, 'POST', '/api/posts', { title: `別のコツ ${i}`, body: '本文', tags: ['Word'] }, sato);
    expect((await apiCall(server, 'POST', `/api/posts/${tipId}/comments`, { body: '課の月報が**半日**早く出せました' }, yamada)).status).toBe(201);
    expect((await apiCall(server, 'POST', `/api/posts/${tipId}/adoptions`, { minutesSavedPerMonth: 120, note: '月報で' }, yamada)).status).toBe(201);
    expect((await apiCall(server, 'POST', `/api/posts/${tipId}/reports`, { reason: 'outdated' }, yamada)).status).toBe(201);
    expect((await apiCall(server, 'POST', '/api/awards', {
      title: '令和8年度 DX賞', categories: ['業務改善部門'], criteria: [{ key: 'effect', label: '効果', weight: 1 }], judges: ['admin'],
    }, admin)).status).toBe(201);

    context = await newContext(browser, server);
    page = await context.newPage();
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/api/')) calls.push(`${r.method()} ${url.pathname}${url.search}`);
    });
    await uiLogin(page, 'yamada');
    await page.locator('kotsu-home-page kotsu-post-list a', { hasText: TITLE }).first().waitFor();
    await page.waitForTimeout(300);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a tip page loaded afresh: the shell\'s session, the page, and the view', async () => {
    const made = await apiRequests(async () => {
      await page.goto(`/tips/${tipId}`);
      await expect.poll(() => page.locator('kotsu-tip-page h1').textContent()).toBe(TITLE);
      // The view is sent once the tip has been on screen for 1.5 s.
      await expect.poll(() => calls.some((c) => c.startsWith('POST '))).toBe(true);
    }, 500);
    expect(made).toEqual(['GET /api/session', `GET /api/pages/tips/${tipId}`, `POST /api/posts/${tipId}/views`]);

    // Everything the page shows came with that one answer.
    await expect.poll(() => page.locator('kotsu-comments li', { hasText: '課の月報が半日早く出せました' }).count()).toBe(1);
    expect(await page.locator('kotsu-tip-impact .adoption-count').textContent()).toMatch(/^\s*1\s*件\s*$/); // the count with its unit since item 7
    expect(await page.locator('kotsu-tip-impact .recent').textContent()).toContain('月報で');
    expect(await page.locator('kotsu-report-dialog .status').textContent()).toContain('報告');
    expect(await page.getByRole('button', { name: 'DX賞に推薦' }).count()).toBe(1);
    expect(await page.locator('kotsu-tip-reactions .like').count()).toBe(1);
    await expectAccessible(page, 'tip page from one request');
    expect(externalRequests(context)).toEqual([]);
  });

  it('the home page, reached in the app and loaded afresh', async () => {
    const inApp = await apiRequests(async () => {
      await page.locator('kotsu-app a.logo').click();
      await expect.poll(() => page.locator('kotsu-home-page kotsu-post-list a', { hasText: TITLE }).count()).toBeGreaterThan(0);
    }, 500);
    expect(inApp).toEqual(['GET /api/pages/home']);

    const fresh = await apiRequests(async () => {
      await page.goto('/');
      await expect.poll(() => page.locator('kotsu-home-page kotsu-post-list a', { hasText: TITLE }).count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('kotsu-home-page .tagcloud').textContent()).toContain('Excel');
    }, 500);
    expect(fresh).toEqual(['GET /api/session', 'GET /api/pages/home']);
    expect(await page.locator('kotsu-home-popularity a', { hasText: TITLE }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'home page from one request');
  });

  it('a tip page reached in the app: one request, then the view', async () => {
    const made = await apiRequests(async () => {
      await page.locator('kotsu-home-page kotsu-post-list a', { hasText: TITLE }).first().click();
      await expect.poll(() => page.locator('kotsu-tip-page h1').textContent()).toBe(TITLE);
      await expect.poll(() => calls.some((c) => c.startsWith('POST '))).toBe(true);
    }, 500);
    expect(made).toEqual([`GET /api/pages/tips/${tipId}`, `POST /api/posts/${tipId}/views`]);
  });
});
