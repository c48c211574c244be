import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIF, PNG, SVG } from '../authoring/fixtures';
import {
  apiCall, createUser, screenshots, expectAccessible, externalRequests, launchBrowser, setupAdmin, startServer, type TestServer, signedInPage,
} from './harness';

/**
 * Authoring depth (issue 8) in a real browser: a template to start from, a screenshot pasted
 * into the editor and shown in the preview at once and on the published tip, an autosaved draft
 * nobody else can reach, comments, an edit conflict merged by hand, history with diff and
 * restore, 教えて requests, and administrators' templates.
 */
describe('authoring', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let adminCookie = '';
  let memberCookie = '';
  let modCookie = '';
  let author: Page;
  let member: Page;
  let tipId = 0;
  const TITLE = 'Power Automate でメール添付を自動保存する';
  /** A pasted screenshot's default alt text: never empty, it says what it is and when it was taken. */
  const IMAGE_RE = /!\[スクリーンショット（\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}）\]\(\/api\/images\/[0-9a-f]{64}\.png\)/;

  const pageFor = (username: string): Promise<Page> => signedInPage(browser, server, contexts, username);

  /** What a screenshot pasted with Ctrl+V looks like to the page: a paste event carrying a file. */
  async function pasteImage(page: Page, bytes: Buffer, name = 'image.png', type = 'image/png'): Promise<void> {
    const body = page.locator('#body');
    await body.click();
    await body.press('Control+End');
    await body.evaluate((ta, f) => {
      const data = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], f.name, { type: f.type }));
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, { b64: bytes.toString('base64'), name, type });
  }

  const loaded = (page: Page, selector: string) =>
    page.locator(selector).first().evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminCookie = await setupAdmin(server);
    await createUser(server, adminCookie, 'sato', { displayName: '佐藤 花子', department: '財政課' });
    memberCookie = await createUser(server, adminCookie, 'yamada', { displayName: '山田 太郎', department: '税務課' });
    modCookie = await createUser(server, adminCookie, 'kimura', { displayName: '木村 次郎', role: 'moderator' });
    author = await pageFor('sato');
    member = await pageFor('yamada');
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('starts from a template, pastes a screenshot shown in the preview at once, and autosaves a draft only its author can reach', async () => {
    await author.goto('/new');
    await author.getByRole('button', { name: /困りごと・手順・効果/ }).click();
    const body = author.locator('#body');
    await expect.poll(() => body.inputValue()).toContain('## 困りごと');
    const preview = author.locator('.preview kotsu-markdown');
    await expect.poll(() => preview.locator('h2').allTextContents()).toEqual(['困りごと', '手順', '効果']);
    await author.getByLabel('タイトル').fill(TITLE);

    await pasteImage(author, PNG);
    await expect.poll(() => body.inputValue()).toMatch(IMAGE_RE);
    await expect.poll(() => loaded(author, '.preview kotsu-markdown img'), { timeout: 10_000 }).toBe(1);
    expect(await author.getByRole('status').filter({ hasText: '画像を追加しました。' }).count()).toBe(1);
    // The writer describes it better in the field shown under the buttons; the text and the preview follow.
    const alt = author.getByLabel('画像の説明（代替テキスト）');
    expect(await alt.inputValue()).toMatch(/^スクリーンショット（/);
    await screenshots(author, 'editor-image-alt');
    await alt.fill('受信トレイの[ルール]設定画面');
    await expect.poll(() => body.inputValue()).toMatch(/!\[受信トレイの ルール 設定画面\]\(\/api\/images\/[0-9a-f]{64}\.png\)/);
    expect(await body.inputValue()).not.toMatch(/スクリーンショット（/);
    await expect.poll(() => preview.locator('img').first().getAttribute('alt')).toBe('受信トレイの ルール 設定画面');
    await alt.press('Enter');
    expect(await alt.count()).toBe(0);
    await expect.poll(() => body.evaluate((ta) => (ta.getRootNode() as ShadowRoot).activeElement === ta)).toBe(true);

    // Picking a file works too, with its name as the alt text; SVG dressed as PNG is refused.
    await author.locator('kotsu-image-tools input[type=file]').setInputFiles({ name: '手順図.gif', mimeType: 'image/gif', buffer: GIF });
    await expect.poll(() => body.inputValue()).toMatch(/!\[手順図\]\(\/api\/images\/[0-9a-f]{64}\.gif\)/);
    await author.locator('kotsu-image-tools input[type=file]').setInputFiles({ name: 'evil.png', mimeType: 'image/png', buffer: SVG });
    await expect.poll(() => author.locator('kotsu-image-tools [role=alert]').textContent()).toContain('PNG・JPEG・GIF・WebP の画像だけを使えます');
    expect(await body.inputValue()).not.toContain('アップロード中');

    await expect.poll(() => author.getByRole('status').filter({ hasText: '下書きを自動保存しました' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => new URL(author.url()).pathname).toMatch(/^\/tips\/\d+\/edit$/);
    tipId = Number(new URL(author.url()).pathname.split('/')[2]);
    await expectAccessible(author, 'editor with template, images and an autosaved draft');

    expect((await apiCall(server, 'GET', `/api/posts/${tipId}`, undefined, memberCookie)).status).toBe(404);
    expect((await apiCall(server, 'GET', `/api/posts/${tipId}`, undefined, modCookie)).status).toBe(404);
    expect((await apiCall(server, 'GET', '/api/posts', undefined, memberCookie)).json.items).toEqual([]);
    await member.goto(`/tips/${tipId}`);
    await expect.poll(() => member.getByRole('heading', { level: 1 }).textContent()).toBe('ページが見つかりません');

    await author.goto('/drafts');
    await expect.poll(() => author.locator('kotsu-drafts-page a.title').allTextContents()).toEqual([TITLE]);
    await expectAccessible(author, '/drafts');
  });

  it('publishes the draft, and the pasted image shows on the published tip', async () => {
    await author.locator('kotsu-drafts-page a.title').click();
    await author.waitForURL(`**/tips/${tipId}/edit`);
    await expect.poll(() => author.getByLabel('タイトル').inputValue()).toBe(TITLE);
    await author.getByRole('button', { name: '公開する' }).click();
    await author.waitForURL((u) => u.pathname === `/tips/${tipId}`);
    await expect.poll(() => loaded(author, 'article kotsu-markdown img'), { timeout: 10_000 }).toBe(1);
    await member.goto(`/tips/${tipId}`);
    await expect.poll(() => member.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    await expect.poll(() => loaded(member, 'article kotsu-markdown img'), { timeout: 10_000 }).toBe(1);
    const src = await member.locator('article kotsu-markdown img').first().getAttribute('src');
    expect(src).toMatch(/^\/api\/images\/[0-9a-f]{64}\.png$/);
  });

  it('lets a colleague comment in Markdown and tells the author', async () => {
    await member.getByLabel('コメントを書く').fill('**助かりました**。添付が複数でも動きますか？');
    await member.getByRole('button', { name: 'コメントする' }).click();
    await expect.poll(() => member.locator('kotsu-comment-item strong').allTextContents()).toEqual(['助かりました']);
    await expect.poll(() => member.getByRole('heading', { name: 'コメント（1）' }).count()).toBe(1);
    await expectAccessible(member, 'tip page with a comment');
    await author.goto('/notifications');
    await expect.poll(() => author.getByText(`あなたのコツ「${TITLE}」にコメントがつきました。`).count()).toBe(1);
  });

  it('refuses a save over a newer revision, shows what changed, and saves once merged by hand', async () => {
    await author.goto(`/tips/${tipId}/edit`);
    const body = author.locator('#body');
    await expect.poll(() => body.inputValue()).toContain('## 効果');
    // A moderator saves while the author is still editing.
    const current = (await apiCall(server, 'GET', `/api/posts/${tipId}`, undefined, modCookie)).json;
    const theirs = `${current.body}\n注意: 添付ファイル名が重複すると上書きされます。`;
    expect((await apiCall(server, 'PATCH', `/api/posts/${tipId}`, { body: theirs }, modCookie)).status).toBe(200);

    await author.getByLabel('タイトル').fill(`${TITLE}（複数添付対応）`);
    await author.getByRole('button', { name: '変更を保存' }).click();
    const conflict = author.locator('kotsu-edit-conflict');
    await expect.poll(() => conflict.getByRole('heading', { name: 'ほかの人が先に保存しました' }).count()).toBe(1);
    await expect.poll(() => conflict.locator('tr.added').allTextContents()).toContainEqual(expect.stringContaining('添付ファイル名が重複すると上書きされます'));
    await expectAccessible(author, 'edit conflict');
    expect(new URL(author.url()).pathname).toBe(`/tips/${tipId}/edit`);

    // Merge by hand: take their line into the text, then save over their revision.
    await body.fill(`${await body.inputValue()}\n注意: 添付ファイル名が重複すると上書きされます。`);
    await conflict.getByRole('button', { name: '変更を確認した: 自分の内容で保存し直す' }).click();
    await author.getByRole('button', { name: '変更を保存' }).click();
    await author.waitForURL((u) => u.pathname === `/tips/${tipId}`);
    const saved = (await apiCall(server, 'GET', `/api/posts/${tipId}`, undefined, memberCookie)).json;
    expect(saved.title).toBe(`${TITLE}（複数添付対応）`);
    expect(saved.body).toContain('添付ファイル名が重複すると上書きされます');
  });

  it('shows the history with a word-level diff and restores an old revision as a new one', async () => {
    await member.goto(`/tips/${tipId}`);
    await member.getByRole('link', { name: '編集履歴' }).click();
    await member.waitForURL(`**/tips/${tipId}/history`);
    const list = member.getByRole('list', { name: '保存された版' });
    await expect.poll(() => list.locator('li').count()).toBe(3);
    // By default the latest revision is compared with the one before: the author's new title.
    await expect.poll(() => member.locator('kotsu-diff-view .title ins').textContent()).toContain('（複数添付対応）');
    expect(await member.getByRole('button', { name: /に戻す/ }).count()).toBe(0);
    await expectAccessible(member, 'history');

    await author.goto(`/tips/${tipId}/history`);
    const first = await author.locator('li .num').last().textContent();
    const n = Number(/\d+/.exec(first ?? '')?.[0]);
    await author.getByRole('button', { name: `第${n}版に戻す` }).click();
    const ask = author.getByRole('dialog', { name: `第${n}版に戻しますか？` });
    await expect.poll(() => ask.textContent()).toContain('今の版も履歴に残ります');
    await ask.getByRole('button', { name: `第${n}版に戻す` }).click();
    await author.waitForURL((u) => u.pathname === `/tips/${tipId}`);
    await expect.poll(() => author.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    const revisions = (await apiCall(server, 'GET', `/api/posts/${tipId}/revisions`, undefined, memberCookie)).json.items;
    expect(revisions[0]).toMatchObject({ restoredFrom: n, title: TITLE });
    const restored = (await apiCall(server, 'GET', `/api/posts/${tipId}/revisions/${revisions[0].number}`, undefined, memberCookie)).json;
    const original = (await apiCall(server, 'GET', `/api/posts/${tipId}/revisions/${n}`, undefined, memberCookie)).json;
    expect(restored.body).toBe(original.body);
  });

  it('says so when a diff is too large to show whole (the server caps its rows)', async () => {
    // 2,500 lines rewritten: 5,000 changed rows, more than the server's cap (DIFF_MAX_ROWS).
    const lines = (word: string) => Array.from({ length: 2500 }, (_, i) => `${word} ${i + 1}`).join('\n');
    const big = await apiCall(server, 'POST', '/api/posts', { title: '大きな差分の確認', body: lines('旧'), tags: ['Excel'] }, memberCookie);
    expect(big.status).toBe(201);
    expect((await apiCall(server, 'PATCH', `/api/posts/${big.json.id}`, { body: lines('新') }, memberCookie)).status).toBe(200);
    await member.goto(`/tips/${big.json.id}/history`);
    const note = member.locator('kotsu-diff-view p.truncated[role="note"]');
    await expect.poll(() => note.textContent()).toContain('差分が大きすぎるため、途中までを表示しています');
    await expect.poll(() => member.locator('kotsu-diff-view tr.cut').textContent()).toContain('差分の表示はここまでです');
    // The counts above the diff are for the whole change, not the rows shown.
    expect(await member.locator('kotsu-diff-view .stats').textContent()).toMatch(/追加 2,?500 行・削除 2,?500 行/);
  });

  it('asks 教えて, gathers 私も知りたい, is answered with a tip and marked solved', async () => {
    await member.goto('/requests');
    await member.getByLabel('知りたいこと').fill('Teams の会議録画を自動で共有フォルダに保存したい');
    await member.getByRole('button', { name: '教えてを投稿' }).click();
    await member.waitForURL(/\/requests\/\d+$/);
    const requestPath = new URL(member.url()).pathname;
    await expectAccessible(member, 'request page');

    await author.goto('/requests');
    const vote = author.getByRole('button', { name: /Teams の会議録画.*私も知りたい/ });
    await vote.click();
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => vote.textContent()).toContain('私も知りたい 1');
    await expectAccessible(author, '/requests');

    await author.goto(requestPath);
    await author.getByLabel('コツのアドレスまたは番号').fill(`${server.url}/tips/${tipId}`);
    await author.getByRole('button', { name: '回答として登録' }).click();
    await expect.poll(() => author.locator('ul.answers a').allTextContents()).toEqual([TITLE]);

    await member.reload();
    await member.getByRole('button', { name: 'この回答で解決' }).click();
    await expect.poll(() => member.locator('.state').textContent()).toBe('解決済み');
    await expect.poll(() => member.getByText('解決した回答').count()).toBe(1);
    await member.goto('/notifications');
    await expect.poll(() => member.getByText(/回答がつきました/).count()).toBe(1);
  });

  it('lets an administrator add a template that the editor then offers', async () => {
    const admin = await pageFor('admin');
    await admin.goto('/admin/templates');
    const form = admin.locator('form', { has: admin.getByRole('heading', { name: '新しいテンプレート' }) });
    await form.getByLabel('名前').fill('RPA シナリオ');
    await form.getByLabel('説明').fill('WinActor / UiPath の手順');
    await form.getByLabel('本文（Markdown）').fill('## 対象業務\n\n## シナリオの流れ\n');
    await form.getByRole('button', { name: '追加する' }).click();
    await expect.poll(() => admin.getByRole('status').filter({ hasText: '「RPA シナリオ」を追加しました。' }).count()).toBe(1);
    await expectAccessible(admin, '/admin/templates');
    await admin.goto('/new');
    await admin.getByRole('button', { name: /RPA シナリオ/ }).click();
    await expect.poll(() => admin.locator('#body').inputValue()).toBe('## 対象業務\n\n## シナリオの流れ\n');
  });
});
