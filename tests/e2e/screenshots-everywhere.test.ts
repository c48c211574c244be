import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from '../authoring/fixtures';
import { apiCall, createUser, externalRequests, launchBrowser, setupAdmin, signedInPage, startServer, type TestServer } from './harness';

/**
 * A screenshot pasted into any Markdown field is added, as in the tip editor. Only the editor had
 * the image tools: pasted into a comment, a reply or a 教えて request (the natural way to show an
 * error message), a screenshot did nothing at all, with no word why, though the server keeps and
 * shows images in comments and requests.
 */
describe('screenshots in comments and 教えて requests', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let tipId = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const writer = await createUser(server, admin, 'writer', { displayName: '書き手 太郎' });
    await createUser(server, admin, 'asker', { displayName: '質問 花子' });
    tipId = (await apiCall(server, 'POST', '/api/posts', { title: '差し込み印刷のコツ', body: '本文', tags: [] }, writer)).json.id;
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  async function paste(page: Page, selector: string): Promise<void> {
    const box = page.locator(selector);
    await box.click();
    await box.evaluate((ta, b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], 'image.png', { type: 'image/png' }));
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, PNG.toString('base64'));
    await expect.poll(() => box.inputValue()).toMatch(/!\[[^\]]+\]\(\/api\/images\/[0-9a-f]{64}\.png\)/);
  }

  const shown = (page: Page, selector: string) =>
    page.locator(selector).first().evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1));

  it('a comment takes a pasted screenshot and shows it', async () => {
    const page = await signedInPage(browser, server, contexts, 'asker');
    await page.goto(`/tips/${tipId}`);
    await paste(page, '#new-comment');
    await page.getByRole('button', { name: 'コメントする' }).click();
    await expect.poll(() => page.locator('kotsu-comment-item kotsu-markdown img').count()).toBe(1);
    await expect.poll(() => shown(page, 'kotsu-comment-item kotsu-markdown img')).toBeGreaterThan(0);
  });

  it('a 教えて request takes a pasted screenshot of the error', async () => {
    const page = await signedInPage(browser, server, contexts, 'asker');
    await page.goto('/requests');
    await page.getByLabel('知りたいこと').fill('差し込み印刷でエラーが出ます');
    await paste(page, '#request-body');
    await page.getByRole('button', { name: '教えてを投稿' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/requests\/\d+$/);
    await expect.poll(() => page.locator('kotsu-markdown img').count()).toBe(1);
  });
});
