import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, createUser, expectAccessible, externalRequests, launchBrowser, newContext, PASSWORD, startServer,
  uiLogin, type TestServer,
} from './harness';

/**
 * The newcomer walk from the foundation issue: first-run setup, login, write a tip with tags and
 * a live preview, publish, read, edit, find it on home and on its tag page, log out.
 */
describe('newcomer walk', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tipPath = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser, server);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a fresh install to first-run setup and creates the administrator', async () => {
    await page.goto('/');
    await page.waitForURL('**/setup');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('初期設定');
    await expectAccessible(page, '/setup');
    await page.getByLabel('ユーザー名').fill('suzuki');
    await page.getByLabel('表示名').fill('鈴木 花子');
    await page.getByLabel('所属').fill('デジタル推進課');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: '管理者を作成して始める' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ホーム');
    await expectAccessible(page, 'home (empty)');
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ username: 'suzuki', role: 'admin', department: 'デジタル推進課' });
  });

  it('writes a tip with tags while the preview follows the Markdown, and publishes it', async () => {
    await page.getByRole('link', { name: /コツを書く/ }).click();
    await page.waitForURL('**/new');
    await page.getByLabel('タイトル').fill('VLOOKUPで別シートから単価を引く');
    const tagInput = page.locator('#tag-input');
    await tagInput.fill('Excel');
    await tagInput.press('Enter');
    await tagInput.fill('関数');
    await tagInput.press('Enter');
    await page.getByLabel('本文（Markdown）').fill('## 手順\n\n| 列 | 意味 |\n|---|---|\n| A | 品番 |\n\n```excel\n=VLOOKUP(A2,単価表!A:B,2,FALSE)\n```\n\n<script>alert(1)</script>');
    const preview = page.locator('.preview kotsu-markdown');
    await expect.poll(() => preview.locator('h2').textContent()).toBe('手順');
    expect(await preview.locator('table td').first().textContent()).toBe('A');
    // Raw HTML is shown as text, never run.
    expect(await preview.locator('script').count()).toBe(0);
    expect(await preview.locator('.md').textContent()).toContain('<script>alert(1)</script>');
    await expectAccessible(page, '/new');
    await page.getByRole('button', { name: '公開する' }).click();
    await page.waitForURL(/\/tips\/\d+$/);
    tipPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('VLOOKUPで別シートから単価を引く');
    expect(await page.locator('kotsu-markdown pre code').textContent()).toContain('=VLOOKUP(A2,単価表!A:B,2,FALSE)');
    expect(await page.locator('article .tags a').allTextContents()).toEqual(['Excel', '関数']);
    expect(await page.locator('article .meta').textContent()).toContain('鈴木 花子（デジタル推進課）');
    await expectAccessible(page, 'tip page');
  });

  it('edits the tip', async () => {
    await page.getByRole('link', { name: '編集する' }).click();
    await page.waitForURL('**/edit');
    const title = page.getByLabel('タイトル');
    await expect.poll(() => title.inputValue()).toBe('VLOOKUPで別シートから単価を引く');
    await title.fill('VLOOKUPで別シートから単価を引く（完全一致）');
    // Leaving with unsaved changes asks first; declining keeps the page and what was typed.
    const asked: string[] = [];
    page.once('dialog', (d) => { asked.push(d.message()); void d.dismiss(); });
    await page.getByRole('link', { name: 'Kotsu（コツ）' }).click();
    await expect.poll(() => asked).toEqual(['保存していない変更があります。移動してもよろしいですか？']);
    expect(new URL(page.url()).pathname).toBe(`${tipPath}/edit`);
    expect(await title.inputValue()).toBe('VLOOKUPで別シートから単価を引く（完全一致）');
    await page.getByRole('button', { name: '変更を保存' }).click();
    await page.waitForURL((u) => u.pathname === tipPath);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('VLOOKUPで別シートから単価を引く（完全一致）');
  });

  it('finds the tip on the home page and on its tag page', async () => {
    await page.getByRole('link', { name: 'Kotsu（コツ）' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    const newest = page.locator('section[aria-labelledby="newest"] kotsu-post-list');
    await expect.poll(() => newest.locator('a.title').allTextContents()).toEqual(['VLOOKUPで別シートから単価を引く（完全一致）']);
    await expectAccessible(page, 'home');
    await page.locator('aside').getByRole('link', { name: '関数 (1)' }).click();
    await page.waitForURL('**/tags/%E9%96%A2%E6%95%B0');
    await expect.poll(() => page.locator('kotsu-post-list a.title').allTextContents()).toEqual(['VLOOKUPで別シートから単価を引く（完全一致）']);
    await expectAccessible(page, 'tag page');
  });

  it('counts a colleague’s view once the tip has been on screen, not the author’s', async () => {
    const admin = await page.evaluate(() => document.cookie); // HttpOnly: nothing leaks to scripts
    expect(admin).not.toContain('kotsu_sid');
    const cookies = await context.cookies();
    const adminCookie = `kotsu_sid=${cookies.find((c) => c.name === 'kotsu_sid')!.value}`;
    await createUser(server, adminCookie, 'tanaka', { department: '税務課', displayName: '田中 一郎' });
    const other = await newContext(browser, server);
    const p2 = await other.newPage();
    await uiLogin(p2, 'tanaka');
    await p2.goto(tipPath);
    await expect.poll(() => p2.locator('article .views').textContent(), { timeout: 10_000 }).toBe('閲覧 1');
    const id = Number(tipPath.split('/').pop());
    await expect.poll(async () => (await apiCall(server, 'GET', `/api/posts/${id}`, undefined, adminCookie)).json.viewCount, { timeout: 15_000 }).toBe(1);
    expect(externalRequests(other)).toEqual([]);
    await other.close();
  });

  it('works from the keyboard: skip link, user menu opened with Enter and closed with Escape', async () => {
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ホーム');
    // The skip link comes first in tab order, and Enter on it lands in the main content.
    const focused = () => page.evaluate(() => {
      const el = document.querySelector('kotsu-app')!.shadowRoot!.activeElement;
      return el ? `${el.tagName.toLowerCase()}:${el.textContent?.trim().slice(0, 10)}` : '';
    });
    expect(await page.evaluate(() => document.querySelector('kotsu-app')!.shadowRoot!
      .querySelector('a[href], button, input')?.textContent)).toBe('本文へ移動');
    await page.getByRole('link', { name: '本文へ移動' }).focus();
    await expect.poll(focused).toBe('a:本文へ移動');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toMatch(/^main:/);
    const toggle = page.getByRole('button', { name: /鈴木 花子/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => page.getByRole('button', { name: 'ログアウト' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('button', { name: 'ログアウト' }).count()).toBe(0);
    expect(await toggle.evaluate((el) => el.matches(':focus'))).toBe(true);
  });

  it('opens deep links after login, shows not-found for unknown addresses, and logs out', async () => {
    await page.goto('/no/such/page');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ページが見つかりません');
    await expectAccessible(page, 'not found');
    await page.getByRole('button', { name: /鈴木 花子/ }).click();
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL('**/login');
    await expectAccessible(page, '/login');
    await page.goto(tipPath);
    await page.waitForURL(/\/login\?next=/);
    await uiLogin(page, 'suzuki');
    expect(new URL(page.url()).pathname).toBe(tipPath);
    expect(externalRequests(context)).toEqual([]);
  });

  it('switches to English and fits a 360 px wide screen', async () => {
    const small = await newContext(browser, server, { width: 360 });
    const p = await small.newPage();
    await uiLogin(p, 'tanaka');
    await p.goto(tipPath);
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toContain('VLOOKUP');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await p.getByRole('button', { name: /田中 一郎/ }).click();
    await p.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => p.locator('article .views').textContent()).toMatch(/^\d+ views?$/);
    await p.goto('/');
    await expect.poll(() => p.getByRole('heading', { level: 1 }).textContent()).toBe('Home');
    await expectAccessible(p, 'home in English at 360 px');
    await small.close();
  });
});
