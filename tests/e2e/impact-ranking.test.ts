import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, apiLogin, createUser, expectAccessible, launchBrowser, setupAdmin, startServer, type TestServer, signedInPage,
} from './harness';
import { overflowCulprits } from './layout-checks';

const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36';
const SHOTS = process.env.KOTSU_SHOTS; // e.g. /work/wt/notes/impact18 — screenshots saved there when set

/**
 * Issue 18 items 7 and 9 in the browser: the 使ってみた form in one unit (uses a month × minutes
 * per use, the author's estimate prefilled), the impact page's fiscal year and empty states, the
 * ranking's "もっと見る", any-department filter and department leaderboard, at 1280 and 360 px.
 */
describe('impact in one unit, fiscal year, ranking pages and departments', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let tipId = 0;
  const TIP = '会議録の文字起こしを自動で整える';
  const PLAN = '企画課の予算要求チェックリスト';
  // The current fiscal year in Japan time (April–March).
  const jst = new Date(Date.now() + 9 * 3600_000);
  const FY = jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;

  const pageFor = (username: string, width?: number): Promise<Page> => signedInPage(browser, server, contexts, username, width);
  async function viewAs(cookie: string, postId: number): Promise<void> {
    const res = await fetch(`${server.url}/api/posts/${postId}/views`, { method: 'POST', headers: { cookie, 'user-agent': BROWSER_UA, origin: server.url } });
    expect(res.status).toBe(200);
  }
  const noSideways = async (page: Page, where: string) =>
    expect(await overflowCulprits(page), `${where} scrolls sideways`).toEqual([]);
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}-${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const sato = await createUser(server, admin, 'sato', { displayName: '佐藤 花子', department: '市民課' });
    await createUser(server, admin, 'yamada', { displayName: '山田 太郎', department: '税務課' });
    const erin = await createUser(server, admin, 'erin', { displayName: '江藤 恵', department: '企画課' });
    const ito = await createUser(server, admin, 'ito', { department: '財政課' });
    tipId = (await apiCall(server, 'POST', '/api/posts', { title: TIP, body: '手順です。', tags: ['議事録'], minutesSavedPerUse: 20 }, sato)).json.id;
    await viewAs(ito, tipId);
    await viewAs(erin, tipId);
    // 22 more tips, each read once: more than one page (20) of the ranking.
    for (let i = 1; i <= 22; i++) {
      const id = (await apiCall(server, 'POST', '/api/posts', { title: `市民課のコツ その${i}`, body: '本文', tags: [] }, sato)).json.id;
      await viewAs(ito, id);
    }
    const plan = (await apiCall(server, 'POST', '/api/posts', { title: PLAN, body: '本文', tags: [] }, erin)).json.id;
    await viewAs(ito, plan);
    server.app.ctx.views.flush();
  }, 600_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('the 使ってみた form asks uses a month and minutes per use (the estimate prefilled) and shows minutes a month', async () => {
    for (const width of [360, 1280]) {
      const page = await pageFor('yamada', width);
      await page.goto(`/tips/${tipId}`);
      await page.getByRole('button', { name: '使ってみた' }).click();
      const dialog = page.getByRole('dialog', { name: '使ってみた' });
      expect(await dialog.getByLabel('1回あたりの削減時間（分/回）').inputValue()).toBe('20');
      expect(await dialog.textContent()).toContain('投稿者の見積もりは 20 分/回です');
      // Nothing to send until the uses are given (first report only; a correction starts from the report).
      if (width === 360) expect(await dialog.getByRole('button', { name: '報告する' }).isDisabled()).toBe(true);
      await dialog.getByLabel('使う回数（回/月）').fill(width === 360 ? '6' : '9');
      await dialog.getByLabel('1回あたりの削減時間（分/回）').fill(width === 360 ? '20' : '10');
      await expect.poll(() => dialog.locator('.derived').textContent()).toContain(width === 360 ? '120 分/月（2 時間/月）' : '90 分/月（1.5 時間/月）');
      if (width === 360) {
        await noSideways(page, 'tip page with the 使ってみた dialog at 360 px');
        await shot(page, 'adopt-360');
        await expectAccessible(page, '使ってみた dialog');
      }
      await dialog.getByRole('button', { name: '報告する' }).click();
      const mine = width === 360 ? '月 6 回 × 20 分 = 120 分/月' : '月 9 回 × 10 分 = 90 分/月';
      await expect.poll(() => page.locator('kotsu-tip-impact .mine').textContent()).toContain(mine);
      expect(await page.locator('kotsu-tip-impact .adoption-count').textContent()).toBe('1 件');
      // Reopened, the form shows the report's own figures, not the estimate.
      if (width === 1280) {
        await page.getByRole('button', { name: '使ってみた（報告を修正）' }).click();
        expect(await dialog.getByLabel('使う回数（回/月）').inputValue()).toBe('9');
        expect(await dialog.getByLabel('1回あたりの削減時間（分/回）').inputValue()).toBe('10');
        await dialog.getByRole('button', { name: 'キャンセル' }).click();
      }
    }
    const mine = (await apiCall(server, 'GET', `/api/posts/${tipId}/adoptions`, undefined, await apiLogin(server, 'yamada'))).json.mine;
    expect(mine).toMatchObject({ usesPerMonth: 9, minutesSavedPerUse: 10, minutesSavedPerMonth: 90, department: '税務課' });
  });

  it('the impact page offers the fiscal year, states units and whose department, and shows empty states', async () => {
    // An RPA robot's call in the older body still counts (stored as given).
    await apiCall(server, 'POST', `/api/posts/${tipId}/adoptions`, { minutesSavedPerMonth: 30 }, await apiLogin(server, 'ito'));
    for (const width of [1280, 360]) {
      const page = await pageFor('yamada', width);
      await page.goto('/impact');
      await expect.poll(() => page.locator('.total-adoptions').textContent()).toBe('2');
      expect(await page.locator('.total-hours').textContent()).toBe('2 時間'); // 90 + 30 minutes a month
      const text = await page.locator('kotsu-impact-page').evaluate((el) => el.shadowRoot?.textContent ?? '');
      expect(text).toContain('使ってみた報告（件）');
      expect(text).toContain('削減時間（時間/月）');
      expect(text).toContain('報告者の所属（報告時）');
      expect(text).not.toContain('導入件数');
      await page.getByRole('link', { name: '年度' }).click();
      await page.waitForURL((u) => u.searchParams.get('period') === 'fy');
      const fySelect = page.getByRole('combobox', { name: '年度を選ぶ' });
      await expect.poll(() => fySelect.inputValue()).toBe(String(FY));
      expect(await page.locator('.fy-range').textContent()).toContain(`${FY}年4月1日〜${FY + 1}年3月31日`);
      expect(await page.locator('.total-adoptions').textContent()).toBe('2');
      expect(await page.locator('kotsu-month-chart').count()).toBe(1);
      await noSideways(page, `/impact?period=fy at ${width}`);
      await shot(page, `impact-${width}`);

      // A fiscal year with nothing: empty states, no "0 / 0 / 0" axes.
      await page.goto('/impact?period=fy&fy=2020');
      await expect.poll(() => page.locator('.empty-chart').textContent()).toContain('グラフはありません');
      expect(await page.locator('kotsu-month-chart').count()).toBe(0);
      expect(await page.locator('kotsu-bar-chart').count()).toBe(0);
      expect(await page.locator('.total-adoptions').textContent()).toBe('0');
      expect(await page.getByRole('link', { name: '所属別 CSV' }).getAttribute('href')).toBe('/api/impact.csv?period=fy&fy=2020&table=departments');
      await noSideways(page, `empty fiscal year at ${width}`);
      if (width === 360) await shot(page, 'impact-empty-360');
      await expectAccessible(page, `/impact empty fiscal year at ${width}`);
      // Back to this year from the choice.
      await page.getByRole('combobox', { name: '年度を選ぶ' }).selectOption(String(FY));
      await page.waitForURL((u) => u.searchParams.get('fy') === String(FY));
      await expect.poll(() => page.locator('.total-adoptions').textContent()).toBe('2');
    }
  });

  it('the ranking pages with もっと見る, filters by any department and ranks departments', async () => {
    server.app.ctx.views.flush(); // yamada's reads of the tip page count too (once a day)
    for (const width of [1280, 360]) {
      const page = await pageFor('yamada', width);
      await page.goto('/rankings?period=all');
      const titles = () => page.locator('kotsu-rankings-page ol a.title').allTextContents();
      await expect.poll(async () => (await titles()).length).toBe(20);
      expect((await titles())[0]).toBe(TIP);
      await page.getByRole('button', { name: 'もっと見る' }).click();
      await expect.poll(async () => (await titles()).length).toBe(24);
      const all = await titles();
      expect(new Set(all).size).toBe(24);
      const ranks = await page.locator('kotsu-rankings-page ol .rank').allTextContents();
      expect(ranks).toEqual(Array.from({ length: 24 }, (_, i) => `${i + 1}位`));
      expect(await page.getByRole('button', { name: 'もっと見る' }).count()).toBe(0);
      expect(await page.locator('.ranking-end').textContent()).toContain('24 件');

      // The leaderboard: views, tips written and 使ってみた reports per department.
      const board = page.locator('table.leaderboard');
      const row = (dept: string) => board.locator('tbody tr', { hasText: dept }).locator('td').allTextContents();
      expect(await row('市民課')).toEqual(['25', '23', '2', '0']);
      expect(await row('企画課')).toEqual(['1', '1', '0', '0']);
      expect(await row('税務課')).toEqual(['0', '0', '0', '1']);
      await noSideways(page, `/rankings at ${width}`);
      await shot(page, `rankings-${width}`);
      if (SHOTS) await board.screenshot({ path: `${SHOTS}-leaderboard-${width}.png` });
      await expectAccessible(page, `/rankings at ${width}`);

      // Any department, not only the reader's own (yamada is in 税務課).
      const select = page.getByRole('combobox', { name: '所属（投稿者）' });
      expect(await select.locator('option').allTextContents()).toEqual(expect.arrayContaining(['税務課（自分の所属）', '企画課', '市民課', '財政課']));
      await select.selectOption('企画課');
      await page.waitForURL((u) => u.searchParams.get('department') === '企画課');
      await expect.poll(titles).toEqual([PLAN]);
    }
  });
});
