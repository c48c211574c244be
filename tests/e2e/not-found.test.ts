import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../web/src/router/routes';
import { apiCall, createUser, externalRequests, launchBrowser, pageCookie, screenshots, setupAdmin, signedInPage, startServer, type TestServer } from './harness';

/**
 * Every address of the web app that names a thing (router/routes.ts: a tip, its editor and
 * history, a request, a person, a DX賞 round and its judging and results pages), visited with a
 * thing that is not there, shows the one not-found page: the same heading and sentence, a way on,
 * no error alert. The addresses come from the route table, so a page added later is checked too.
 */

/** A value for each kind of parameter that names nothing. */
const MISSING: Record<string, string> = { id: '99999', username: 'nobody-here' };
/**
 * A tag's page lists the tips carrying a word; a word no tip carries lists none, and may still be
 * followed before anyone uses it (follows/service.ts): it names no row that could be missing.
 */
const NOT_A_THING = new Set(['/tags/:name']);

async function expectNotFound(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const main = page.locator('kotsu-app main');
  await expect.poll(() => main.locator('h1').textContent(), { message: path }).toBe('ページが見つかりません');
  expect(await main.getByText('お探しのページは移動または削除された可能性があります。').count(), path).toBe(1);
  expect(await main.locator('a[href="/"], a[href="/awards"], a[href="/requests"]').count(), path).toBe(1);
  expect(await main.locator('[role=alert]').count(), path).toBe(0);
  expect(await page.title(), path).toBe('ページが見つかりません | Kotsu');
}

describe('addresses that name nothing', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let othersTip = 0;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const author = await createUser(server, admin, 'sato', { displayName: '佐藤 花子' });
    await createUser(server, admin, 'yamada', { displayName: '山田 太郎' });
    othersTip = (await apiCall(server, 'POST', '/api/posts', { title: '佐藤さんのコツ', body: '本文', tags: ['Excel'] }, author)).json.id;
    page = await signedInPage(browser, server, contexts, 'yamada');
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('every address of the route table with a parameter shows the not-found page for a thing that is not there', async () => {
    const named = ROUTES.filter((r) => r.path.includes(':') && !NOT_A_THING.has(r.path));
    expect(named.map((r) => r.path)).toContain('/tips/:id/edit');
    for (const r of named) {
      const path = r.path.replace(/:(\w+)/g, (_, name: string) => {
        if (!(name in MISSING)) throw new Error(`${r.path}: say which value of :${name} names nothing`);
        return MISSING[name];
      });
      await expectNotFound(page, path);
    }
  });

  it('the editor of a tip this member may not edit, or of no tip at all, is not there either', async () => {
    // She may read it; only its author and moderators may edit it.
    expect((await apiCall(server, 'GET', `/api/posts/${othersTip}`, undefined, await pageCookie(page))).status).toBe(200);
    await expectNotFound(page, `/tips/${othersTip}/edit`);
    await screenshots(page, 'edit-not-found');
    await expectNotFound(page, '/tips/abc/edit');
    // Its author still edits it.
    const author = await signedInPage(browser, server, contexts, 'sato');
    await author.goto(`/tips/${othersTip}/edit`);
    await expect.poll(() => author.getByLabel('タイトル').inputValue()).toBe('佐藤さんのコツ');
  });
});
