import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, axe, createUser, externalRequests, launchBrowser, newContext, setupAdmin, startServer, uiLogin,
  type TestServer,
} from './harness';

/**
 * What a tester walking Kotsu as a new member and as a judge met (2026-12-07, flows11): a judge's
 * address naming a nomination, unsaved scores, and counts and notices that read wrong.
 */
describe('newcomer flows: judging, counts and notices', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: string;
  let modCookie: string;
  let writer: string;
  let reader: string;
  const contexts: BrowserContext[] = [];
  const tips: { id: number; title: string }[] = [];
  let nominations: number[] = [];
  /** Native dialogs each page met (the router's leave guard is the one that may ask). */
  const dialogs = new Map<Page, string[]>();

  async function pageFor(username: string, width?: number): Promise<Page> {
    const context = await newContext(browser, server, { width });
    contexts.push(context);
    const page = await context.newPage();
    const seen: string[] = [];
    dialogs.set(page, seen);
    page.on('dialog', (d) => { seen.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
    await uiLogin(page, username);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await setupAdmin(server);
    writer = await createUser(server, admin, 'writer', { displayName: '書き手 花子', department: '税務課' });
    reader = await createUser(server, admin, 'reader', { displayName: '読み手 一郎', department: '財政課' });
    modCookie = await createUser(server, admin, 'judge', { displayName: '審査 モデ', role: 'moderator', department: '情報政策課' });
    for (const title of ['条件付き書式で期限切れに色を付ける', '名簿の重複を COUNTIFS で見つける', '置換で全角スペースを消す']) {
      const res = await apiCall(server, 'POST', '/api/posts', { title, body: `${title}の手順です。`, tags: ['Excel'] }, writer);
      expect(res.status).toBe(201);
      tips.push({ id: res.json.id, title });
    }
    const round = await apiCall(server, 'POST', '/api/awards', {
      title: '令和8年度 DX賞', categories: ['事業部門'], criteria: [{ key: 'effect', label: '効果', weight: 3 }, { key: 'reach', label: '汎用性', weight: 1 }], judges: ['judge'],
    }, admin);
    expect(round.status).toBe(201);
    for (const t of tips) {
      const res = await apiCall(server, 'POST', `/api/awards/${round.json.id}/nominations`, { postId: t.id, category: '事業部門', statement: `${t.title}で作業が減りました。` }, admin);
      expect(res.status).toBe(201);
      nominations.push(res.json.id);
    }
    expect((await apiCall(server, 'POST', `/api/awards/${round.json.id}/phase`, { phase: 'scoring' }, admin)).status).toBe(200);
    // The first nominated tip is hidden: a judge who is staff is still sent its nomination, not shown it.
    expect((await apiCall(server, 'POST', `/api/posts/${tips[0].id}/hide`, { reason: '確認中' }, modCookie)).status).toBe(200);
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  const shownTitle = (page: Page) => page.locator('#current-title').textContent();
  /** A notification as it reads (its words are in its shadow root). */
  const itemText = (item: ReturnType<Page['locator']>) => item.evaluate((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');

  it('a judge’s address naming a nomination opens that nomination, and a reload keeps it, with a hidden tip’s nomination before it', async () => {
    const page = await pageFor('judge');
    await page.goto(`/awards/1/judge?n=${nominations[1]}`);
    await expect.poll(() => shownTitle(page)).toBe(tips[1].title);
    expect(new URL(page.url()).searchParams.get('n')).toBe(String(nominations[1]));
    await page.reload();
    await expect.poll(() => shownTitle(page)).toBe(tips[1].title);
    await page.goto(`/awards/1/judge?n=${nominations[2]}`);
    await expect.poll(() => shownTitle(page)).toBe(tips[2].title);
  });

  it('scores and a comment not yet saved stay with their nomination through 次へ and 前へ, and leaving asks first', async () => {
    const page = await pageFor('judge', 360);
    await page.goto(`/awards/1/judge?n=${nominations[1]}`);
    await expect.poll(() => shownTitle(page)).toBe(tips[1].title);
    await page.getByRole('group', { name: /効果/ }).getByLabel('4').check();
    await page.getByLabel('講評（任意）').fill('他の課でも使えます。');
    await page.getByRole('button', { name: '次へ →' }).click();
    await expect.poll(() => shownTitle(page)).toBe(tips[2].title);
    expect(await page.getByLabel('講評（任意）').inputValue()).toBe('');
    // The list says which nomination holds what is not saved.
    const listed = page.getByRole('navigation', { name: '推薦一覧' }).getByRole('button', { name: new RegExp(tips[1].title) });
    expect(await listed.textContent()).toContain('未保存');
    await page.getByRole('button', { name: '← 前へ' }).click();
    await expect.poll(() => shownTitle(page)).toBe(tips[1].title);
    expect(await page.getByRole('group', { name: /効果/ }).getByLabel('4').isChecked()).toBe(true);
    expect(await page.getByLabel('講評（任意）').inputValue()).toBe('他の課でも使えます。');

    // Leaving with it asks (the router's leave guard); refused, the page and its entries stay.
    await page.getByRole('link', { name: 'ホーム' }).first().click();
    await expect.poll(() => dialogs.get(page)?.length).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/awards/1/judge');
    expect(await page.getByLabel('講評（任意）').inputValue()).toBe('他の課でも使えます。');

    // Saved, nothing is left to lose: leaving no longer asks.
    await page.getByRole('group', { name: /汎用性/ }).getByLabel('3').check();
    await page.getByRole('button', { name: '保存して次の未採点へ' }).click();
    await expect.poll(() => shownTitle(page)).toBe(tips[2].title);
    expect(await listed.textContent()).toContain('採点済');
    // The scored nomination, shown again, reads in the list on the current item's tint (color contrast).
    await listed.click();
    await expect.poll(() => shownTitle(page)).toBe(tips[1].title);
    const contrast = await axe(page).withRules(['color-contrast']).analyze();
    expect(contrast.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
    await page.getByRole('link', { name: 'ホーム' }).first().click();
    await page.waitForURL((u) => u.pathname === '/');
    expect(dialogs.get(page)).toHaveLength(1);
  });

  it('a reporter told that the tip was hidden reads a whole sentence, not an empty 「」 where the withheld title was', async () => {
    const tip = await apiCall(server, 'POST', '/api/posts', { title: 'USB メモリで個人情報を持ち出す方法', body: '不適切な内容です。', tags: ['その他'] }, writer);
    const report = await apiCall(server, 'POST', `/api/posts/${tip.json.id}/reports`, { reason: 'inappropriate', comment: '規程違反です' }, reader);
    expect(report.status).toBe(201);
    expect((await apiCall(server, 'POST', `/api/moderation/reports/${report.json.id}/resolve`, { action: 'hide', note: '規程に反するため' }, modCookie)).status).toBe(200);
    const page = await pageFor('reader', 360);
    await page.goto('/notifications');
    const list = page.locator('kotsu-notification-item');
    await expect.poll(() => list.count()).toBe(1);
    const shown = await itemText(list.first());
    expect(shown).toContain('あなたが報告したコツは非表示になりました。');
    expect(shown).not.toContain('「」');
    // It leads nowhere: the tip's page would only say it cannot be found.
    expect(await list.first().locator('a').count()).toBe(0);
    // The bell's menu shows the same sentence.
    await page.getByRole('button', { name: /読み手 一郎/ }).click();
    const inMenu = page.locator('kotsu-notification-menu kotsu-notification-item').first();
    await expect.poll(() => itemText(inMenu)).toContain('あなたが報告したコツは非表示になりました。');
  });

  it('once a reader’s view is counted, the tip page shows the same count by the title and under the tip', async () => {
    const tip = await apiCall(server, 'POST', '/api/posts', { title: 'PDF の結合はドラッグで', body: 'Acrobat の「ファイルを結合」を使います。', tags: ['PDF'] }, writer);
    const page = await pageFor('reader');
    await page.goto(`/tips/${tip.json.id}`);
    const views = page.locator('kotsu-tip-page .views');
    const viewers = page.locator('kotsu-tip-reactions .viewers');
    await expect.poll(() => viewers.textContent()).toBe('0 人が閲覧');
    // The view is sent once the tip has been on screen for a moment.
    await expect.poll(() => views.textContent()).toBe('閲覧 1');
    await expect.poll(() => viewers.textContent()).toBe('1 人が閲覧');
    await page.reload();
    await expect.poll(() => viewers.textContent()).toBe('1 人が閲覧');
    expect(await views.textContent()).toBe('閲覧 1');
  });

  it('a refused field is named as the form names it (ユーザー名), never by the API’s word (username), and the rule is said next to it', async () => {
    const page = await pageFor('admin', 360);
    await page.goto('/admin/users');
    const username = page.getByLabel('ユーザー名', { exact: true });
    // What may go in a user name is said under the field, and read with it.
    expect(await username.getAttribute('aria-describedby')).toBeTruthy();
    expect(await page.locator('#n-username-hint').textContent()).toContain('空白は使えません');
    await username.fill('Sato Taro');
    await page.getByLabel('表示名', { exact: true }).fill('佐藤 太郎');
    await page.getByLabel('初期パスワード（10文字以上）').fill('correct horse battery');
    await page.getByRole('button', { name: '追加する' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '入力内容' });
    await expect.poll(() => alert.textContent()).toBe('入力内容を確認してください（ユーザー名）。');
  });

  /** Starts an IME conversion in the focused field (what typing かな does before it is committed). */
  async function composeIn(page: Page, text: string) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    return cdp;
  }

  it('Enter that confirms a かな→漢字 conversion in the image description keeps the field open; the next Enter closes it', async () => {
    const page = await pageFor('writer');
    await page.goto('/new');
    const body = page.locator('#body');
    await body.click();
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 80 } });
    await body.evaluate((ta, b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], 'image.png', { type: 'image/png' }));
      ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, png.toString('base64'));
    const alt = page.getByLabel('画像の説明（代替テキスト）');
    await expect.poll(() => alt.count()).toBe(1);
    await alt.fill('');
    await alt.focus();
    const cdp = await composeIn(page, 'しんせいがめん');
    await page.keyboard.press('Enter');
    expect(await alt.count()).toBe(1);
    await cdp.send('Input.insertText', { text: '申請画面' });
    await expect.poll(() => alt.inputValue()).toBe('申請画面');
    await expect.poll(() => body.inputValue()).toContain('![申請画面](/api/images/');
    await page.keyboard.press('Enter');
    await expect.poll(() => alt.count()).toBe(0);
  });

  it('Enter that confirms a conversion in the judge picker chooses nobody', async () => {
    const page = await pageFor('admin');
    await page.goto('/admin/awards');
    const q = page.locator('#people-q');
    await q.fill('審査');
    await expect.poll(() => page.getByRole('option').count()).toBe(1);
    await q.press('ArrowDown');
    const cdp = await composeIn(page, 'もで');
    await page.keyboard.press('Enter');
    await cdp.send('Input.insertText', { text: 'モデ' });
    await expect.poll(() => q.inputValue()).toBe('審査モデ');
    expect(await page.getByRole('list', { name: '選んだ職員' }).count()).toBe(0);
    // Each weight says whose it is (three fields were all read as 「重み」).
    for (const n of [1, 2, 3]) expect(await page.getByRole('spinbutton', { name: `基準 ${n} の重み`, exact: true }).count()).toBe(1);
  });

  it('at 360 px the award results, with a prize field in each row of the wide table, do not widen the page', async () => {
    expect((await apiCall(server, 'POST', '/api/awards/1/phase', { phase: 'closed' }, admin)).status).toBe(200);
    const page = await pageFor('admin', 360);
    await page.goto('/awards/1/results');
    await expect.poll(() => page.locator('input[id^="prize-"]').count()).toBe(2);
    // The table scrolls inside its own box; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  });

  it('a tab opened before a release loads the page anew when the page’s old script is gone, instead of saying the server is unreachable', async () => {
    const page = await pageFor('writer');
    await page.goto('/');
    await expect.poll(() => page.locator('kotsu-home-page').count()).toBe(1);
    // The release removed the editor's old script: the server answers 404 for it, once.
    let refused = 0;
    await page.route(/\/assets\/kotsu-editor-page-[^/]+\.js$/, async (route) => {
      if (refused++ === 0) await route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"not_found"}' });
      else await route.continue();
    });
    await page.getByRole('link', { name: /書く/ }).first().click();
    await expect.poll(() => page.getByLabel('タイトル').count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/new');
    expect(refused).toBeGreaterThanOrEqual(2);
    expect(await page.getByText('サーバーに接続できませんでした').count()).toBe(0);
  });

  it('a signed-in member opening /login (a bookmark) or /setup is told she is signed in and offered the way on', async () => {
    const page = await pageFor('reader', 360);
    await page.goto('/login?next=%2Fbookmarks');
    const status = page.locator('kotsu-login-page').getByRole('status');
    await expect.poll(() => status.textContent()).toContain('読み手 一郎 さんとしてログインしています。');
    await status.getByRole('link', { name: 'このまま使う' }).click();
    await page.waitForURL((u) => u.pathname === '/bookmarks');
    await page.goto('/setup');
    await expect.poll(() => page.locator('kotsu-setup-page p').first().textContent()).toBe('初期設定は完了しています。');
    expect(await page.locator('kotsu-setup-page').getByRole('link', { name: 'ログイン' }).count()).toBe(0);
    expect(await page.locator('kotsu-setup-page').getByRole('link', { name: 'ホーム' }).count()).toBe(1);
  });

  it('after asking 教えて from a search that found nothing, Back shows the list with the question, not the question filled in again', async () => {
    const page = await pageFor('reader', 360);
    const question = 'ワードの差し込み印刷で宛名ラベルを作りたい';
    await page.goto(`/search?q=${encodeURIComponent(question)}`);
    await page.getByRole('link', { name: 'この内容を「教えて」でリクエストする' }).click();
    await expect.poll(() => page.getByLabel('知りたいこと').inputValue()).toBe(question);
    await page.getByRole('button', { name: '教えてを投稿' }).click();
    await page.waitForURL((u) => /^\/requests\/\d+$/.test(u.pathname));
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/requests');
    expect(new URL(page.url()).searchParams.has('ask')).toBe(false);
    await expect.poll(() => page.getByRole('link', { name: question }).count()).toBe(1);
    expect(await page.getByLabel('知りたいこと').inputValue()).toBe('');
  });
});
