import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, createUser, externalRequests, launchBrowser, setupAdmin, signedInPage, startServer, type TestServer } from './harness';

/**
 * A link to a section of a tip scrolls to that section. The table of contents writes the
 * section's #fragment into the address, which people copy and paste into mail; but the headings
 * live in a shadow root, out of the browser's reach, so the link opened the tip at its top, and
 * so did a link in a tip's text to one of its headings or to another tip's.
 */
describe('links to a section of a tip', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let tipId = 0;
  let otherId = 0;
  const filler = Array.from({ length: 40 }, (_, i) => `説明の段落 ${i + 1}。`).join('\n\n');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const writer = await createUser(server, admin, 'writer');
    await createUser(server, admin, 'reader');
    const body = `[注意点へ](#h-注意点)\n\n## 準備\n\n${filler}\n\n## 手順\n\n${filler}\n\n## 注意点\n\n最後まで読んでください。\n\n${filler}`;
    tipId = (await apiCall(server, 'POST', '/api/posts', { title: '長いコツ', body, tags: [] }, writer)).json.id;
    otherId = (await apiCall(server, 'POST', '/api/posts', { title: '参照するコツ', body: `[長いコツの手順](/tips/${tipId}#h-手順)`, tags: [] }, writer)).json.id;
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  /** Where the heading named `text` is from the top of the viewport. */
  const headingTop = (page: Page, text: string) =>
    page.locator('article kotsu-markdown h2', { hasText: text }).evaluate((h) => h.getBoundingClientRect().top);

  it('an address with a section opens the tip at that section', async () => {
    const page = await signedInPage(browser, server, contexts, 'reader');
    await page.goto(`/tips/${tipId}#${encodeURIComponent('h-注意点')}`);
    await expect.poll(() => headingTop(page, '注意点')).toBeLessThan(100);
    expect(await headingTop(page, '注意点')).toBeGreaterThanOrEqual(-5);
  });

  it('a link in the text to a heading, of this tip or another, scrolls to it', async () => {
    const page = await signedInPage(browser, server, contexts, 'reader');
    await page.goto(`/tips/${tipId}`);
    await page.locator('article kotsu-markdown').getByRole('link', { name: '注意点へ' }).click();
    await expect.poll(() => headingTop(page, '注意点')).toBeLessThan(100);

    await page.goto(`/tips/${otherId}`);
    await page.locator('article kotsu-markdown').getByRole('link', { name: '長いコツの手順' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/tips/${tipId}`);
    await expect.poll(() => headingTop(page, '手順')).toBeLessThan(100);
  });
});
