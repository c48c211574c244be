import iconv from 'iconv-lite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, createUser, expectAccessible, externalRequests, launchBrowser, PASSWORD, setupAdmin, startServer, type TestServer, signedInPage, pageCookie,
} from './harness';

/**
 * The moderation loop from issue 6: a member reports a tip from its page, a moderator hides it
 * from the queue with a note, the author reads why in the notification list of the user menu,
 * the moderator restores it; administrators read the audit log and import the staff list.
 */
describe('moderation loop', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let adminCookie = '';
  let tipId = 0;
  let member: Page;
  let moderator: Page;
  let author: Page;
  const TITLE = '住民票の写しの交付手順（旧様式）';
  const NOTE = '2025年4月の様式改正で手順が変わりました';

  const pageFor = (username: string): Promise<Page> => signedInPage(browser, server, contexts, username);

  async function openUserMenu(page: Page): Promise<void> {
    await page.locator('kotsu-user-menu button.toggle').click();
    await expect.poll(() => page.locator('kotsu-user-menu #menu').isVisible()).toBe(true);
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminCookie = await setupAdmin(server);
    const authorCookie = await createUser(server, adminCookie, 'sato', { displayName: '佐藤 花子', department: '市民課' });
    await createUser(server, adminCookie, 'yamada', { displayName: '山田 太郎', department: '税務課' });
    await createUser(server, adminCookie, 'kimura', { displayName: '木村 次郎', department: 'デジタル推進課', role: 'moderator' });
    const tip = await apiCall(server, 'POST', '/api/posts', { title: TITLE, body: '1. 申請書を受け付ける\n2. 本人確認', tags: ['窓口'] }, authorCookie);
    expect(tip.status).toBe(201);
    tipId = tip.json.id;
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('a member reports the tip from its page and is told the report was received', async () => {
    member = await pageFor('yamada');
    await member.goto(`/tips/${tipId}`);
    await expect.poll(() => member.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    await member.getByRole('button', { name: '問題を報告' }).click();
    const dialog = member.getByRole('dialog', { name: 'このコツを報告する' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectAccessible(member, 'report dialog');
    await dialog.getByLabel('情報が古い').check();
    await dialog.getByLabel('コメント（任意）').fill('様式が改正されています');
    await dialog.getByRole('button', { name: '報告する' }).click();
    await expect.poll(() => member.getByRole('status').filter({ hasText: '報告を受け付けました' }).count()).toBe(1);
    // The member cannot open the queue, and the menu does not offer it.
    await openUserMenu(member);
    expect(await member.locator('kotsu-user-menu #menu').getByRole('link', { name: 'モデレーション' }).count()).toBe(0);
    await member.goto('/admin/moderation');
    await expect.poll(() => member.getByText(/この操作の権限がありません/).count()).toBeGreaterThan(0);
    // Coming back, the tip page remembers the open report.
    await member.goto(`/tips/${tipId}`);
    await expect.poll(() => member.getByText('このコツは報告済みです').count()).toBe(1);
  });

  it('a moderator hides it from the queue with a note', async () => {
    moderator = await pageFor('kimura');
    await openUserMenu(moderator);
    await moderator.locator('kotsu-user-menu #menu').getByRole('link', { name: 'モデレーション' }).click();
    await moderator.waitForURL('**/admin/moderation');
    const group = moderator.locator('li.card', { hasText: TITLE });
    await expect.poll(() => group.count()).toBe(1);
    expect(await group.textContent()).toContain('情報が古い × 1');
    expect(await group.textContent()).toContain('様式が改正されています');
    expect(await group.textContent()).toContain('山田 太郎');
    await expectAccessible(moderator, 'moderation queue');
    await group.getByLabel(/メモ/).fill(NOTE);
    await group.getByRole('button', { name: '非表示にする' }).click();
    // It asks first, saying what happens to the tip and its author (issue 18).
    const confirm = moderator.getByRole('dialog', { name: `「${TITLE}」を非表示にしますか？` });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    expect(await confirm.textContent()).toContain('作成者には理由（メモ）が通知されます');
    await confirm.getByRole('button', { name: '非表示にする' }).click();
    await expect.poll(() => moderator.getByText(`「${TITLE}」を非表示にしました。`).count()).toBe(1);
    expect(await moderator.getByText('未対応の報告はありません。').count()).toBe(1);
    // Hidden at once: other members get 404 and no list shows it.
    const memberCookie = await pageCookie(member);
    expect((await apiCall(server, 'GET', `/api/posts/${tipId}`, undefined, memberCookie)).status).toBe(404);
    const list = await apiCall(server, 'GET', '/api/posts', undefined, memberCookie);
    expect(list.json.items.map((p: { id: number }) => p.id)).not.toContain(tipId);
  });

  it('the author reads why in the notification list of the user menu and sees the hidden banner', async () => {
    author = await pageFor('sato');
    await expect.poll(() => author.locator('kotsu-notification-badge .badge').textContent()).toBe('1');
    await openUserMenu(author);
    const item = author.locator('kotsu-notification-menu kotsu-notification-item a').first();
    await expect.poll(() => item.textContent()).toContain(`あなたのコツ「${TITLE}」が非表示になりました。`);
    expect(await item.textContent()).toContain(`理由: ${NOTE}`);
    await expectAccessible(author, 'user menu with notifications');
    await item.click();
    await author.waitForURL(`**/tips/${tipId}`);
    const banner = author.locator('kotsu-tip-page .notice');
    await expect.poll(() => banner.textContent()).toContain('このコツは非表示になっています。');
    expect(await banner.textContent()).toContain(NOTE);
    // Following the notification marked it read.
    await expect.poll(() => author.locator('kotsu-notification-badge .badge').count()).toBe(0);
    await expectAccessible(author, 'hidden tip page (author)');
  });

  it('the moderator restores it from the resolved reports, and the author is told', async () => {
    await moderator.getByRole('link', { name: '対応済みの報告' }).click();
    await moderator.waitForURL('**/admin/moderation?tab=resolved');
    const card = moderator.locator('li.card', { hasText: TITLE });
    await expect.poll(() => card.textContent()).toContain(NOTE);
    await card.getByRole('button', { name: '再公開する' }).click();
    await moderator.getByRole('dialog', { name: `「${TITLE}」を再公開しますか？` }).getByRole('button', { name: '再公開する' }).click();
    await expect.poll(() => moderator.getByText(`「${TITLE}」を再公開しました。`).count()).toBe(1);
    await member.goto(`/tips/${tipId}`);
    await expect.poll(() => member.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    await author.goto('/notifications');
    await expect.poll(() => author.locator('kotsu-notification-item a').first().textContent()).toContain(`あなたのコツ「${TITLE}」が再公開されました。`);
    await expectAccessible(author, '/notifications');
  });

  it('an administrator reads the audit log and filters it', async () => {
    const admin = await pageFor('admin');
    await openUserMenu(admin);
    await admin.locator('kotsu-user-menu #menu').getByRole('link', { name: '監査ログ' }).click();
    await admin.waitForURL('**/admin/audit');
    const rows = admin.locator('kotsu-audit-page tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const text = await admin.locator('kotsu-audit-page table').textContent();
    // Actions in words (issue 18 item 8), not their codes.
    expect(text).toContain('報告に対応');
    expect(text).toContain('コツを再公開');
    expect(text).not.toContain('report.resolve');
    await admin.getByLabel('操作').selectOption('post.restore');
    await admin.getByRole('button', { name: '絞り込む' }).click();
    await admin.waitForURL('**/admin/audit?action=post.restore');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('木村 次郎');
    await expectAccessible(admin, '/admin/audit');
    // Moderators may moderate but not read the audit log.
    await moderator.goto('/admin/audit');
    await expect.poll(() => moderator.getByText(/この操作の権限がありません/).count()).toBeGreaterThan(0);
  });

  it('an administrator imports the staff list from a Shift_JIS CSV: a bad row stops it, then it goes in', async () => {
    const admin = await pageFor('admin');
    await admin.goto('/admin/users');
    await expect.poll(() => admin.locator('kotsu-users-admin-page tbody tr').count()).toBeGreaterThanOrEqual(4);
    const bad = iconv.encode('ユーザー名,氏名,所属\r\nk-takahashi,髙橋 健一,総務課\r\nbad name!,誤り,総務課\r\n', 'cp932');
    await admin.getByLabel('CSV ファイル').setInputFiles({ name: '名簿.csv', mimeType: 'text/csv', buffer: bad });
    await admin.getByRole('button', { name: '取り込む' }).click();
    await expect.poll(() => admin.getByRole('alert').textContent()).toContain('1 行に誤りがあるため');
    expect(await admin.locator('table.report tr.error').textContent()).toContain('3');
    expect((await apiCall(server, 'GET', '/api/users?q=takahashi', undefined, adminCookie)).json.items).toEqual([]);
    await expectAccessible(admin, '/admin/users with an import report');

    const good = iconv.encode('ユーザー名,氏名,所属\r\nk-takahashi,髙橋 健一,総務課\r\nyamada,山田 太郎,財政課\r\n', 'cp932');
    await admin.getByLabel('CSV ファイル').setInputFiles({ name: '名簿.csv', mimeType: 'text/csv', buffer: good });
    await admin.getByRole('button', { name: '確認する（取り込まない）' }).click();
    await expect.poll(() => admin.locator('kotsu-users-admin-page .notice').textContent()).toContain('確認のみ');
    await admin.getByRole('button', { name: '取り込む' }).click();
    await expect.poll(() => admin.locator('kotsu-users-admin-page .notice').textContent()).toContain('取り込みました: 追加 1 件、更新 1 件');
    const users = (await apiCall(server, 'GET', '/api/users?q=k-takahashi', undefined, adminCookie)).json.items;
    expect(users).toMatchObject([{ username: 'k-takahashi', displayName: '髙橋 健一', department: '総務課' }]);
  });

  it('an administrator changes a role and suspends a user from the user page', async () => {
    const admin = await pageFor('admin');
    await admin.goto('/admin/users');
    await admin.getByLabel('権限: yamada').selectOption('moderator');
    await admin.getByRole('button', { name: '権限を変更する: yamada' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '権限を変更する' }).click();
    await expect.poll(() => admin.getByText('山田 太郎さんを更新しました。').count()).toBe(1);
    await admin.getByRole('button', { name: '停止する: yamada' }).click();
    await admin.getByRole('dialog', { name: '山田 太郎さんを利用停止にしますか？' }).getByRole('button', { name: '停止する' }).click();
    await expect.poll(() => admin.getByRole('button', { name: '再開する: yamada' }).count()).toBe(1);
    const who = (await apiCall(server, 'GET', '/api/users?q=yamada', undefined, adminCookie)).json.items[0];
    expect(who).toMatchObject({ role: 'moderator', suspended: true });
    // The suspended member's session is gone.
    await member.goto('/');
    await member.waitForURL((u) => u.pathname === '/login');
  });

  it('an administrator sets a new password for a user, who then logs in with it', async () => {
    const admin = await pageFor('admin');
    await admin.goto('/admin/users');
    await admin.getByRole('button', { name: 'パスワード設定: sato' }).click();
    await admin.getByLabel('新しいパスワード（10文字以上）: sato').fill('あたらしい合言葉 2026');
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    const confirm = admin.getByRole('dialog', { name: '佐藤 花子さんのパスワードを設定しますか？' });
    expect(await confirm.textContent()).toContain('今のパスワードは使えなくなります');
    await confirm.getByRole('button', { name: 'パスワード設定' }).click();
    await expect.poll(() => admin.getByText('佐藤 花子さんのパスワードを設定しました。', { exact: false }).count()).toBe(1);
    await expectAccessible(admin, '/admin/users after a password reset');
    expect((await apiCall(server, 'POST', '/api/session', { username: 'sato', password: 'あたらしい合言葉 2026' })).status).toBe(200);
    expect((await apiCall(server, 'POST', '/api/session', { username: 'sato', password: PASSWORD })).status).toBe(401);
  });
});
