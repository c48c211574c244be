import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, launchBrowser, setupAdmin, startServer, type TestServer, signedInPage, pageCookie } from './harness';

/**
 * What a part of the tip page changes stays changed when the page draws itself again. The page
 * hands its parts the data it loaded; it draws again whenever its own state moves (the view is
 * counted 1.5 s after the tip is on screen, a link is copied, a like is given). A part that wrote
 * its news over the data it was handed had it put back by the next drawing: on a loaded CI machine
 * the view arrived after a nomination, which vanished, and the 推薦 button came back.
 *
 * Each case acts in a part after the view has been counted, then makes the page draw again by
 * copying the tip's link (state of the page itself), and looks again.
 */
describe('tip page parts keep their changes when the page draws again', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let tipId = 0;
  let roundId = 0;

  const pageFor = (username: string): Promise<Page> => signedInPage(browser, server, contexts, username);

  /**
   * Makes the tip page draw again from its own state: the reader copies the tip's link, which the
   * page says in its own status line (copied or not, the page has drawn again by then).
   */
  async function redraw(page: Page): Promise<void> {
    const status = page.locator('kotsu-tip-page .meta [role="status"]');
    expect(await status.textContent()).toBe('');
    await page.getByRole('button', { name: 'リンクをコピー' }).click();
    await expect.poll(() => status.textContent()).not.toBe('');
    // The parts draw in the next microtask after the page; a moment more lets a wrong one show.
    await page.waitForTimeout(200);
  }

  /** Opens the tip and waits until its view is counted (the page's own redraw, out of the way). */
  async function openTip(page: Page): Promise<void> {
    const counted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/posts/${tipId}/views`);
    await page.goto(`/tips/${tipId}`);
    expect((await counted).ok()).toBe(true);
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const author = await createUser(server, admin, 'sato', { displayName: '佐藤 花子', department: '税務課' });
    await createUser(server, admin, 'yamada', { displayName: '山田 太郎', department: '土木部' });
    await createUser(server, admin, 'judge', { displayName: '審査 一郎', department: 'デジタル戦略局' });
    const tip = await apiCall(server, 'POST', '/api/posts', { title: '照合をRPAで自動化', body: '手順です。', tags: ['RPA'], minutesSavedPerUse: 30 }, author);
    tipId = tip.json.id;
    const round = await apiCall(server, 'POST', '/api/awards', {
      title: '令和8年度 DX賞', categories: ['事業部門', '業務改善部門'], judges: ['judge'],
      criteria: [{ key: 'effect', label: '効果', weight: 1 }],
    }, admin);
    expect(round.status).toBe(201);
    roundId = round.json.id;
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('a nomination made on the page stays shown, and the 推薦 button stays gone', async () => {
    const member = await pageFor('yamada');
    await openTip(member);
    await member.getByRole('button', { name: 'DX賞に推薦' }).click();
    const dialog = member.getByRole('dialog', { name: 'このコツをDX賞に推薦する' });
    await dialog.getByLabel('部門').selectOption('業務改善部門');
    await dialog.getByLabel('推薦理由・効果').fill('照合が月20時間から2時間になりました。');
    await dialog.getByRole('button', { name: '推薦する' }).click();
    const shown = member.getByText('「令和8年度 DX賞」業務改善部門に推薦されています');
    await expect.poll(() => shown.count()).toBe(1);
    await redraw(member);
    expect(await shown.count()).toBe(1);
    expect(await member.getByRole('button', { name: 'DX賞に推薦' }).count()).toBe(0);
    const stored = await apiCall(server, 'GET', `/api/awards/${roundId}/nominations`, undefined, await pageCookie(member));
    expect(stored.json.items.map((n: { category: string }) => n.category)).toEqual(['業務改善部門']);
  });

  it('an estimate the author saves stays shown', async () => {
    const author = await pageFor('sato');
    await openTip(author);
    await author.getByLabel('1回あたりの削減時間（分）').fill('45');
    await author.locator('kotsu-tip-impact form.estimate').getByRole('button', { name: '保存' }).click();
    const line = author.locator('kotsu-tip-impact .figures');
    await expect.poll(() => line.textContent()).toContain('約 45 分');
    await redraw(author);
    expect(await line.textContent()).toContain('約 45 分');
    expect(await author.getByLabel('1回あたりの削減時間（分）').inputValue()).toBe('45');
  });

  it('a 使ってみた report stays counted', async () => {
    const member = await pageFor('yamada');
    await openTip(member);
    await member.getByRole('button', { name: '使ってみた' }).click();
    const adopt = member.getByRole('dialog', { name: '使ってみた' });
    await adopt.getByLabel('使う回数（回/月）').fill('4');
    await adopt.getByRole('button', { name: '報告する' }).click();
    const count = member.locator('kotsu-tip-impact .adoption-count');
    await expect.poll(() => count.textContent()).toBe('1 件');
    await redraw(member);
    expect(await count.textContent()).toBe('1 件');
  });
});
