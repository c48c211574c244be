import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, externalRequests, launchBrowser, pageCookie, setupAdmin, signedInPage, startServer, type TestServer } from './harness';

/**
 * What is pasted into a field is never cut. The editor's body carried maxlength="100000": a
 * 124,084-character tip pasted in was cut to 100,000 characters without a word, and publishing
 * stored the cut tip. So did the title, comments, replies, 教えて and the
 * reasons and notes of the other forms. Now a field over its limit says by how much, its form does
 * not send, and once the writer has shortened it everything they kept is saved.
 */
describe('fields over their length limit', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let tipId = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const writer = await createUser(server, admin, 'writer', { displayName: '書き手 太郎' });
    await createUser(server, admin, 'reader', { displayName: '読み手 花子' });
    tipId = (await apiCall(server, 'POST', '/api/posts', { title: 'コメントされるコツ', body: '本文', tags: [] }, writer)).json.id;
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('the editor keeps a pasted tip whole, says it is too long, and publishes nothing until it fits', async () => {
    const page = await signedInPage(browser, server, contexts, 'writer');
    const sent: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/posts') sent.push(r.url()); });
    await page.goto('/new');
    // Long lines: Chromium takes seconds to lay out a textarea of many short lines.
    const line = `${'申請書の様式を開き、必要な欄に入力して保存します。'.repeat(4)}\n`;
    const table = `| 手順 | 説明 |\n|---|---|\n| 1 | 開く |\n\n${line.repeat(Math.ceil(100_500 / line.length))}`;
    await page.getByLabel('タイトル').fill('長'.repeat(210));
    await page.locator('#body').fill(table);
    expect((await page.locator('#body').inputValue()).length).toBe(table.length);
    expect(await page.getByLabel('タイトル').inputValue()).toBe('長'.repeat(210));
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '200 文字までです（10 文字超えています）。' }).count()).toBe(1);
    const over = table.length - 100_000;
    await expect.poll(() => page.getByRole('alert').filter({ hasText: `100,000 文字までです（${over.toLocaleString('ja-JP')} 文字超えています）。` }).count()).toBe(1);
    await page.getByRole('button', { name: '公開する' }).click();
    await page.waitForTimeout(500);
    expect(sent).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/new');

    // Shortened by the writer: what is left is saved whole.
    const kept = table.slice(0, table.length - over - 100);
    await page.getByLabel('タイトル').fill('長'.repeat(200));
    await page.locator('#body').fill(kept);
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: '公開する' }).click();
    await page.waitForURL(/\/tips\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/')[2]);
    const saved = await apiCall(server, 'GET', `/api/posts/${id}`, undefined, await pageCookie(page));
    expect(saved.json.body).toBe(kept);
    expect(saved.json.title).toBe('長'.repeat(200));
  });

  it('a comment over 10,000 characters is kept whole and not sent', async () => {
    const page = await signedInPage(browser, server, contexts, 'reader');
    await page.goto(`/tips/${tipId}`);
    const text = `${'とても長いコメントです。'.repeat(834)}`;
    const box = page.getByLabel('コメントを書く');
    await box.fill(text);
    expect((await box.inputValue()).length).toBe(text.length);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '10,000 文字までです（8 文字超えています）。' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'コメントする' }).isDisabled()).toBe(true);
    await box.fill(text.slice(0, 10_000));
    await expect.poll(() => page.getByRole('button', { name: 'コメントする' }).isDisabled()).toBe(false);
  });
});
