import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, expectAccessible, launchBrowser, newContext, setupAdmin, startServer, uiLogin, type TestServer } from './harness';

/** Invitations (issue 20 part 8): an administrator issues links for imported staff; the person sets their password. */
describe('invitations', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await setupAdmin(server);
    // As the staff-list import leaves them: accounts without a password.
    server.app.ctx.users.insert({ username: 'tanaka', passwordHash: null, displayName: '田中 一郎', department: '財政課', role: 'member' });
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('the administrator issues and copies a link; the person sets a password through it and signs in; the link is then used up', async () => {
    const adminCtx = await newContext(browser, server);
    contexts.push(adminCtx);
    await adminCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const admin = await adminCtx.newPage();
    await uiLogin(admin, 'admin');
    await admin.goto('/admin/users');
    await admin.getByRole('button', { name: '発行して一覧を表示' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '発行して一覧を表示' }).click();
    const link = admin.locator('kotsu-invitations-panel code').first();
    await link.waitFor();
    const url = (await link.textContent())!;
    expect(url).toMatch(new RegExp(`^${server.url}/invite#[A-Za-z0-9_-]{43}$`));
    await admin.getByRole('button', { name: 'リンクをコピー: 田中 一郎' }).click();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await expectAccessible(admin, 'the users page with invitation links');

    const personCtx = await newContext(browser, server, { width: 360 });
    contexts.push(personCtx);
    const person = await personCtx.newPage();
    await person.goto(url);
    await expect.poll(() => person.locator('h1').first().textContent()).toContain('パスワードの設定');
    // The token leaves the address bar once read.
    expect(new URL(person.url()).hash).toBe('');
    await person.getByLabel('新しいパスワード').fill('財政課の新しい合言葉2026');
    await person.getByLabel('もう一度入力').fill('財政課の新しい合言葉2026');
    await expectAccessible(person, 'the invitation page');
    await person.getByRole('button', { name: 'パスワードを設定する' }).click();
    await expect.poll(() => person.getByRole('status').first().textContent()).toContain('tanaka');
    expect(await apiLogin(server, 'tanaka', '財政課の新しい合言葉2026')).toMatch(/kotsu_sid=/);
    await person.getByRole('link', { name: 'ログインへ' }).click();
    await uiLogin(person, 'tanaka', '財政課の新しい合言葉2026');

    const again = await personCtx.newPage();
    await again.goto(url);
    await expect.poll(() => again.getByRole('alert').first().textContent()).toContain('使えません');
  });
});
