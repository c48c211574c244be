import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, createUser, expectAccessible, externalRequests, launchBrowser, screenshots, setupAdmin, signedInPage, startServer, type TestServer,
} from './harness';

/**
 * Staff know colleagues by their Japanese names, not their login names: typing @ and part of a
 * name in the editor or a comment lists the members it finds, and choosing one writes the login
 * name the renderer links and notifies.
 */
describe('@mentions by display name', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let satoCookie = '';
  let writer: Page;
  let tipId = 0;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    satoCookie = await createUser(server, admin, 'sato', { displayName: '佐藤 花子', department: '税務課' });
    await createUser(server, admin, 'jiro', { displayName: '佐藤 次郎', department: '財政課' });
    await createUser(server, admin, 'tanaka', { displayName: '田中 一郎', department: '総務課' });
    writer = await signedInPage(browser, server, contexts, 'tanaka');
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  const mentionsOf = async (cookie: string) => ((await apiCall(server, 'GET', '/api/me/notifications', undefined, cookie)).json.items as { kind: string }[])
    .filter((n) => n.kind.startsWith('mention.')).map((n) => n.kind);

  it('in the editor: @佐藤 lists both 佐藤s, 花 narrows to one, Enter writes @sato, and the published tip tells her', async () => {
    await writer.goto('/new');
    await writer.getByLabel('タイトル').fill('照会文の書き方');
    const body = writer.locator('#body');
    await body.click();
    await body.pressSequentially('確認は @佐藤');
    const options = writer.getByRole('listbox', { name: 'メンションする職員' }).getByRole('option');
    await expect.poll(() => options.count()).toBe(2);
    expect(await body.getAttribute('aria-controls')).toBe('body-mentions');
    await expectAccessible(writer, 'editor with the mention list open');
    await screenshots(writer, 'mention-editor');
    await body.pressSequentially('花');
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringMatching(/佐藤 花子\s*税務課 · @sato/)]);
    expect(await body.getAttribute('aria-activedescendant')).toBe('body-mentions-0');
    await body.press('Enter');
    await expect.poll(() => body.inputValue()).toBe('確認は @sato ');
    expect(await options.count()).toBe(0);
    await body.pressSequentially('さんにお願いしました。');
    await expect.poll(() => writer.locator('.preview kotsu-markdown a.mention').getAttribute('href')).toBe('/users/sato');
    await writer.getByRole('button', { name: '公開する' }).click();
    await writer.waitForURL((u) => /^\/tips\/\d+$/.test(u.pathname));
    tipId = Number(new URL(writer.url()).pathname.split('/')[2]);
    await expect.poll(() => mentionsOf(satoCookie)).toEqual(['mention.post']);
  });

  it('in a comment: @次郎 finds 佐藤 次郎 by his given name; a click writes @jiro; Esc closes the list', async () => {
    await writer.goto(`/tips/${tipId}`);
    const box = writer.getByLabel('コメントを書く');
    await box.click();
    await box.pressSequentially('@次郎');
    const options = writer.getByRole('listbox', { name: 'メンションする職員' }).getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual([expect.stringContaining('佐藤 次郎')]);
    await options.first().click();
    await expect.poll(() => box.inputValue()).toBe('@jiro ');
    await box.pressSequentially('@佐藤');
    await expect.poll(() => options.count()).toBe(2);
    await box.press('Escape');
    expect(await options.count()).toBe(0);
    expect(await box.inputValue()).toBe('@jiro @佐藤');
    await screenshots(writer, 'mention-comment');
  });
});
