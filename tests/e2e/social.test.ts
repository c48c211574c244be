import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverFollowNotifications } from '../../server/follows/service';
import {
  apiCall, apiLogin, createUser, expectAccessible, externalRequests, launchBrowser, newContext, setupAdmin, startServer, type TestServer, signedInPage,
} from './harness';

/** Issue 20 in the browser: follow buttons, the フォロー中 tab and its notification. */
describe('social', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let sato = '';

  const pageFor = (username: string): Promise<Page> => signedInPage(browser, server, contexts, username);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    sato = await createUser(server, admin, 'sato', { displayName: '佐藤 花子', department: '市民課' });
    await createUser(server, admin, 'yamada', { displayName: '山田 太郎', department: '税務課' });
    await apiCall(server, 'POST', '/api/posts', { title: 'Excelの入力規則', body: '本文', tags: ['Excel'] }, sato);
    await apiCall(server, 'POST', '/api/posts', { title: 'Wordの差し込み印刷', body: '本文', tags: ['Word'] }, sato);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('follows a tag and a person, shows their new tips on the フォロー中 tab and tells of them once', async () => {
    const page = await pageFor('yamada');
    await page.goto('/tags/Excel');
    const tagButton = page.getByRole('button', { name: 'タグ「Excel」をフォロー' });
    await expect.poll(() => tagButton.getAttribute('aria-pressed')).toBe('false');
    await tagButton.click();
    await expect.poll(() => tagButton.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => tagButton.textContent()).toContain('フォロー中');
    await expect.poll(() => page.locator('kotsu-follow-button .followers').textContent()).toBe('フォロワー 1 人');
    await expectAccessible(page, 'tag page with follow button');

    // The home page's フォロー中 tab lists the tag's tips, and not the Word tip yet.
    await page.goto('/');
    await page.getByRole('link', { name: 'フォロー中', exact: true }).click();
    await page.waitForURL((u) => u.search === '?tab=following');
    const titles = () => page.locator('section[aria-labelledby="newest"] kotsu-post-list a.title').allTextContents();
    await expect.poll(titles).toEqual(['Excelの入力規則']);
    await expectAccessible(page, 'home following tab');

    // Following the person brings in all of her tips; her next tip is told in one notification.
    await page.goto('/users/sato');
    const personButton = page.getByRole('button', { name: '佐藤 花子 さんをフォロー' });
    await personButton.click();
    await expect.poll(() => personButton.getAttribute('aria-pressed')).toBe('true');
    await apiCall(server, 'POST', '/api/posts', { title: 'PowerShellでファイル名を一括変更', body: '本文', tags: ['PowerShell'] }, sato);
    expect(deliverFollowNotifications(server.app.ctx)).toBe(1);
    await page.goto('/?tab=following');
    await expect.poll(titles).toEqual(['PowerShellでファイル名を一括変更', 'Wordの差し込み印刷', 'Excelの入力規則']);
    await page.goto('/notifications');
    await expect.poll(() => page.locator('kotsu-notification-item .text').first().textContent())
      .toContain('フォロー中のタグ・人に新しいコツ「PowerShellでファイル名を一括変更」');

    // Unfollowing the tag from the tag page.
    await page.goto('/tags/Excel');
    await tagButton.click();
    await expect.poll(() => tagButton.getAttribute('aria-pressed')).toBe('false');
    expect(externalRequests(page.context())).toEqual([]);
  });

  it('links mentions, answers a comment in a thread and lists who found a tip useful', async () => {
    const yamada = await apiLogin(server, 'yamada');
    const tip = await apiCall(server, 'POST', '/api/posts', { title: '照会文の書き方', body: '@yamada さん、確認お願いします。`@yamada`', tags: ['文書'] }, sato);
    expect((await apiCall(server, 'PUT', `/api/posts/${tip.json.id}/like`, undefined, yamada)).status).toBe(200);
    const question = await apiCall(server, 'POST', `/api/posts/${tip.json.id}/comments`, { body: '宛名の書き方は？' }, yamada);
    expect(question.status).toBe(201);

    const page = await pageFor('yamada');
    await page.goto(`/tips/${tip.json.id}`);
    const mention = page.locator('kotsu-markdown a.mention');
    await expect.poll(() => mention.count()).toBe(1);
    expect(await mention.textContent()).toBe('@yamada');
    expect(await mention.getAttribute('href')).toBe('/users/yamada');
    expect(await page.locator('kotsu-markdown code').textContent()).toBe('@yamada');

    // sato answers yamada's comment in its thread.
    const author = await pageFor('sato');
    await author.goto(`/tips/${tip.json.id}`);
    await author.getByRole('button', { name: '返信する' }).click();
    await author.getByLabel('山田 太郎 さんへの返信').fill('「様」を付けます。');
    await author.getByRole('button', { name: '返信を投稿' }).click();
    const replies = author.locator('ol.replies kotsu-comment-item');
    await expect.poll(() => replies.count()).toBe(1);
    await expect.poll(() => author.locator('ol.replies p').first().textContent()).toBe('「様」を付けます。');
    await expectAccessible(author, 'tip page with a reply thread');
    // yamada sees it as a reply in the thread after a reload, and was told.
    await page.reload();
    await expect.poll(() => page.locator('ol.replies p').allTextContents()).toEqual(['「様」を付けます。']);
    const notes = await apiCall(server, 'GET', '/api/me/notifications', undefined, yamada);
    expect(notes.json.items.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['comment.replied', 'mention.post']));

    // The 役に立った count opens the list of people who pressed it.
    await author.getByRole('button', { name: '役に立ったと押した人を見る（1 人）' }).click();
    const dialog = author.getByRole('dialog', { name: '役に立ったと押した人' });
    await expect.poll(() => dialog.locator('ul.likers a').allTextContents()).toEqual(['山田 太郎']);
    expect(await dialog.locator('ul.likers a').getAttribute('href')).toBe('/users/yamada');
    await expectAccessible(author, 'likers dialog');
    await dialog.getByRole('button', { name: '閉じる' }).click();
    expect(externalRequests(author.context())).toEqual([]);
  });

  it('saves mail choices and stops mail from the link in a message', async () => {
    const page = await pageFor('yamada');
    await page.goto('/settings/mail');
    await page.getByLabel('メールアドレス').fill('yamada@pref.example.lg.jp');
    await page.getByLabel('メンションと返信をメールで受け取る').check();
    await page.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => page.locator('kotsu-mail-settings-page [role=status], kotsu-mail-settings-page [role=alert]').allTextContents()).toEqual(['保存しました。']);
    await expectAccessible(page, 'mail settings');
    const row = server.app.ctx.db.prepare("SELECT m.* FROM mail_settings m JOIN users u ON u.id = m.user_id WHERE u.username = 'yamada'").get() as { on_mentions: number; unsubscribe_token: string };
    expect(row.on_mentions).toBe(1);
    // The link works without signing in.
    const anonymous = await (await newContext(browser, server)).newPage();
    contexts.push(anonymous.context());
    await anonymous.goto(`/mail/unsubscribe?token=${encodeURIComponent(row.unsubscribe_token)}`);
    await anonymous.getByRole('button', { name: '配信を止める' }).click();
    await expect.poll(() => anonymous.locator('kotsu-unsubscribe-page [role=status], kotsu-unsubscribe-page [role=alert]').allTextContents()).toEqual(['メールの配信を止めました。']);
    await page.reload();
    await expect.poll(() => page.getByLabel('メンションと返信をメールで受け取る').isChecked()).toBe(false);
  });

  it('shows no follow button on my own page', async () => {
    const page = await pageFor('sato');
    await page.goto('/users/sato');
    await expect.poll(() => page.locator('h1').textContent()).toContain('佐藤 花子');
    expect(await page.locator('kotsu-follow-button').count()).toBe(0);
  });
});
