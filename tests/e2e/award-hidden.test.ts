import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, createUser, expectAccessible, externalRequests, launchBrowser, screenshots, setupAdmin, signedInPage, startServer, type TestServer,
} from './harness';

/**
 * A nominated tip hidden by a moderator no longer counts in its DX賞 round (the server leaves it
 * out of counts, scoring, results and the showcase): members no longer see it anywhere in the
 * round; its author and staff, who still read it, see its nomination marked as not counted, and
 * without its prize.
 */
describe('DX award: a hidden tip\'s nomination', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let roundId = 0;
  let tipId = 0;
  const HIDDEN = '個人情報を含んでいた照合の手順';
  const KEPT = '残る照合の手順';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const author = await createUser(server, admin, 'sato', { displayName: '佐藤 花子', department: '税務課' });
    const member = await createUser(server, admin, 'yamada', { displayName: '山田 太郎', department: '土木部' });
    await createUser(server, admin, 'judge1', { displayName: '審査 一郎' });
    const round = await apiCall(server, 'POST', '/api/awards', {
      title: '令和8年度 DX賞', categories: ['事業部門'], criteria: [{ key: 'effect', label: '効果', weight: 1 }], judges: ['judge1'],
    }, admin);
    roundId = round.json.id;
    tipId = (await apiCall(server, 'POST', '/api/posts', { title: HIDDEN, body: '手順', tags: ['RPA'] }, author)).json.id;
    const kept = (await apiCall(server, 'POST', '/api/posts', { title: KEPT, body: '手順', tags: ['RPA'] }, author)).json.id;
    for (const postId of [tipId, kept]) {
      expect((await apiCall(server, 'POST', `/api/awards/${roundId}/nominations`, { postId, category: '事業部門', statement: '月10時間の削減' }, member)).status).toBe(201);
    }
    expect((await apiCall(server, 'POST', `/api/posts/${tipId}/hide`, { reason: '個人情報' }, admin)).status).toBe(200);
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('members see neither it nor its count on the round\'s page and the list of rounds', async () => {
    const page = await signedInPage(browser, server, contexts, 'yamada');
    await page.goto(`/awards/${roundId}`);
    await expect.poll(() => page.getByRole('link', { name: KEPT }).count()).toBe(1);
    expect(await page.getByText(HIDDEN).count()).toBe(0);
    await page.goto('/awards');
    await expect.poll(() => page.getByText('推薦 1 件').count()).toBe(1);
  });

  it('staff see it on the round\'s page marked as not counted', async () => {
    const page = await signedInPage(browser, server, contexts, 'admin');
    await page.goto(`/awards/${roundId}`);
    const item = page.locator('li', { hasText: HIDDEN });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('非公開のため審査・表彰の対象外');
    expect(await page.locator('li', { hasText: KEPT }).textContent()).not.toContain('対象外');
    await expectAccessible(page, 'round page with a hidden tip');
    await screenshots(page, 'award-round-hidden');
  });

  it('its author sees on her hidden tip that the nomination does not count', async () => {
    const page = await signedInPage(browser, server, contexts, 'sato');
    await page.goto(`/tips/${tipId}`);
    const nomination = page.locator('kotsu-tip-awards li');
    await expect.poll(() => nomination.count()).toBe(1);
    expect(await nomination.innerText()).toContain('「令和8年度 DX賞」事業部門に推薦されています');
    expect(await nomination.innerText()).toContain('非公開のため審査・表彰の対象外');
    await expectAccessible(page, 'hidden tip page');
    await screenshots(page, 'award-tip-hidden');
  });
});
