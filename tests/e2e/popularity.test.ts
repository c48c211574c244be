import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, apiLogin, createUser, expectAccessible, externalRequests, launchBrowser, setupAdmin, startServer, type TestServer, signedInPage,
} from './harness';

const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36';

/**
 * Popularity in the browser (issue 4): the like and bookmark buttons answer at once and recover
 * when the server fails, my bookmarks, the ranking page's switches, the home widgets and the
 * author's "my tips" page with its chart.
 */
describe('popularity', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let excelTip = 0;
  let wordTip = 0;
  let reader: Page;
  const EXCEL = 'XLOOKUPで台帳を突き合わせる';
  const WORD = '差し込み印刷で通知文を作る';

  const pageFor = (username: string, width?: number): Promise<Page> => signedInPage(browser, server, contexts, username, width);

  /** A view as the web page sends it (a browser's User-Agent), written at once. */
  async function viewAs(cookie: string, postId: number): Promise<void> {
    const res = await fetch(`${server.url}/api/posts/${postId}/views`, { method: 'POST', headers: { cookie, 'user-agent': BROWSER_UA, origin: server.url } });
    expect(res.status).toBe(200);
  }

  const flushViews = () => server.app.ctx.views.flush();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const sato = await createUser(server, admin, 'sato', { displayName: '佐藤 花子', department: '市民課' });
    await createUser(server, admin, 'yamada', { displayName: '山田 太郎', department: '税務課' });
    const excel = await apiCall(server, 'POST', '/api/posts', { title: EXCEL, body: '`=XLOOKUP(A2,台帳!A:A,台帳!C:C)`', tags: ['Excel'] }, sato);
    const word = await apiCall(server, 'POST', '/api/posts', { title: WORD, body: '差し込み文書タブから。', tags: ['Word'] }, sato);
    excelTip = excel.json.id;
    wordTip = word.json.id;
    // Three colleagues read the Excel tip, one the Word tip; a script's read is not counted.
    for (const name of ['ito', 'kato', 'mori']) {
      await createUser(server, admin, name, { department: '財政課' });
      await viewAs(await apiLogin(server, name), excelTip);
    }
    await viewAs(await apiLogin(server, 'ito'), wordTip);
    await apiCall(server, 'POST', `/api/posts/${wordTip}/views`, undefined, await apiLogin(server, 'kato'));
    flushViews();
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('counts the reader once the tip has been on screen, and the like and bookmark buttons answer at once', async () => {
    reader = await pageFor('yamada');
    await reader.goto(`/tips/${excelTip}`);
    await expect.poll(() => reader.getByRole('heading', { level: 1 }).textContent()).toBe(EXCEL);
    const like = reader.locator('kotsu-tip-reactions button.like');
    const bookmark = reader.locator('kotsu-tip-reactions button.bookmark');
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('false');
    expect(await reader.locator('kotsu-tip-reactions .viewers').textContent()).toContain('3 人が閲覧');
    await expectAccessible(reader, 'tip page with reactions');

    await like.click();
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => like.textContent()).toContain('1 人');
    // The tip's own line of counts follows once the server has confirmed.
    await expect.poll(() => reader.locator('kotsu-tip-page .meta').textContent()).toContain('役に立った 1');
    await bookmark.click();
    await expect.poll(() => bookmark.textContent()).toContain('ストック済み');

    // The page sent the view after the tip was visible for a moment.
    await expect.poll(async () => { flushViews(); return (await apiCall(server, 'GET', `/api/posts/${excelTip}`, undefined, await apiLogin(server, 'sato'))).json.viewCount; }, { timeout: 10_000 }).toBe(4);

    await reader.reload();
    await expect.poll(() => reader.locator('kotsu-tip-reactions button.like').getAttribute('aria-pressed')).toBe('true');
    expect(await reader.locator('kotsu-tip-reactions button.bookmark').getAttribute('aria-pressed')).toBe('true');
  });

  it('puts a button back and says so when the server refuses', async () => {
    await reader.goto(`/tips/${wordTip}`);
    const like = reader.locator('kotsu-tip-reactions button.like');
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('false');
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await reader.route(`**/api/posts/${wordTip}/like`, async (route) => {
      await held;
      await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'internal', reason: 'internal', message: 'internal error' }) });
    });
    await like.click();
    // Shown at once, before the server has answered …
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('true');
    expect(await like.textContent()).toContain('1 人');
    release();
    // … and put back when it fails.
    await expect.poll(() => like.getAttribute('aria-pressed')).toBe('false');
    expect(await like.textContent()).toContain('0 人');
    await expect.poll(() => reader.locator('kotsu-tip-reactions [role="alert"]').textContent()).toContain('保存できませんでした');
    await reader.unroute(`**/api/posts/${wordTip}/like`);
    expect((await apiCall(server, 'GET', `/api/posts/${wordTip}`, undefined, await apiLogin(server, 'yamada'))).json.likedByMe).toBe(false);
  });

  it('lists my bookmarks', async () => {
    await reader.goto('/bookmarks');
    const list = reader.locator('kotsu-bookmarks-page kotsu-post-list');
    await expect.poll(() => list.locator('a.title').allTextContents()).toEqual([EXCEL]);
    await expectAccessible(reader, '/bookmarks');
  });

  it('shows the ranking with period and tag switches that keep the address', async () => {
    flushViews();
    await reader.goto('/rankings');
    const titles = () => reader.locator('kotsu-rankings-page ol a.title').allTextContents();
    await expect.poll(titles).toEqual([EXCEL, WORD]);
    expect(await reader.locator('kotsu-rankings-page li').first().textContent()).toContain('期間の閲覧 4');
    await expectAccessible(reader, '/rankings');
    await reader.getByRole('link', { name: 'すべて' }).click();
    await reader.waitForURL('**/rankings?period=all');
    await expect.poll(() => reader.locator('kotsu-rankings-page .range').textContent()).toContain('公開以来');
    await reader.getByRole('combobox', { name: 'タグ' }).selectOption('Word');
    await reader.waitForURL('**/rankings?period=all&tag=Word');
    await expect.poll(titles).toEqual([WORD]);
    await reader.getByRole('combobox', { name: '所属（投稿者）' }).selectOption('税務課');
    await reader.waitForURL((u) => u.searchParams.get('department') === '税務課' && u.searchParams.get('tag') === 'Word');
    await expect.poll(() => reader.getByText('この条件で閲覧されたコツはまだありません。').count()).toBe(1);
  });

  it('shows trending, this week and other departments on the home page, each tip in one box only, also at 360 px', async () => {
    const narrow = await pageFor('yamada', 360);
    const widgets = narrow.locator('kotsu-home-popularity');
    const box = (id: string) => widgets.locator(`section[aria-labelledby="${id}"]`);
    // The week's ranking keeps its true top; the other boxes do not repeat what it lists (issue 18).
    await expect.poll(() => box('week-ranking').locator('a.title').allTextContents()).toEqual([EXCEL, WORD]);
    for (const id of ['trending', 'other-departments', 'popular']) {
      await expect.poll(() => box(id).textContent()).toContain('ほかの欄に挙がっているコツのほかには、まだありません。');
      expect(await box(id).locator('a.title').count()).toBe(0);
    }
    const all = await widgets.locator('a.title').allTextContents();
    expect(all.length).toBe(new Set(all).size);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(narrow, 'home at 360 px');
  });

  it("gives the author this month's numbers and a chart of views per day", async () => {
    flushViews();
    const satoCookie = await apiLogin(server, 'sato');
    const stats = (await apiCall(server, 'GET', '/api/me/stats', undefined, satoCookie)).json;
    const word = (await apiCall(server, 'GET', `/api/posts/${wordTip}`, undefined, satoCookie)).json;
    expect(stats.totals.views).toBeGreaterThanOrEqual(5); // 4 of the Excel tip, 1 or 2 of the Word tip
    const author = await pageFor('sato');
    await author.goto('/my-tips');
    await expect.poll(() => author.locator('kotsu-my-tips-page .total-views').textContent()).toBe(String(stats.totals.views));
    expect(await author.locator('kotsu-my-tips-page .month-views').textContent()).toBe(String(stats.totals.views));
    expect(await author.locator('kotsu-my-tips-page .total-likes').textContent()).toBe('1');
    const chart = author.locator('kotsu-daily-chart svg[role="img"]');
    await expect.poll(() => chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toContain(`合計 ${stats.totals.views}`);
    expect(await author.locator('kotsu-daily-chart rect.bar').count()).toBe(30);
    await expectAccessible(author, '/my-tips');
    await author.getByLabel('対象').selectOption({ label: WORD });
    await author.waitForURL(`**/my-tips?post=${wordTip}`);
    await expect.poll(() => author.locator('kotsu-daily-chart svg').getAttribute('aria-label')).toContain(`合計 ${word.viewCount}、`);
    // The author's own tip offers no "useful" button to press.
    await author.goto(`/tips/${excelTip}`);
    await expect.poll(() => author.locator('kotsu-tip-reactions button.like').isDisabled()).toBe(true);
  });
});
