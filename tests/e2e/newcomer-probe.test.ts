import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, createUser, externalRequests, launchBrowser, newContext, setupAdmin, signedInPage, startServer, uiLogin,
  type TestServer,
} from './harness';

/**
 * What an outside tester met trying Kotsu as a new member would, with data of their own: Excel
 * formulas, paths and URLs as titles, tags and comments; fields other than plain text; the
 * browser's Back button in the middle of writing; a second try at publishing.
 */

/** How far the page reaches past the viewport's right edge (0: nothing scrolls sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Every field one types in, shadow roots included: its id and rendered height. */
function typedFields(page: Page): Promise<{ id: string; type: string; height: number }[]> {
  return page.evaluate(() => {
    const found: { id: string; type: string; height: number }[] = [];
    const notTyped = new Set(['checkbox', 'radio', 'file', 'hidden', 'range', 'color', 'submit', 'button', 'reset', 'image']);
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el instanceof HTMLInputElement && !notTyped.has(el.type)) {
          const box = el.getBoundingClientRect();
          if (box.width > 0) found.push({ id: el.id || el.name || el.getAttribute('aria-label') || '?', type: el.type, height: Math.round(box.height) });
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
}

/** Text of every error message shown now (role=alert or .error), shadow roots included. */
function shownErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.matches('.error, [role=alert]') && el.textContent?.trim()) out.push(el.textContent.trim());
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

describe('newcomer probe: other data, other flows', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin = '';
  let author = '';
  let reader = '';
  let formulaTip = 0;
  const FORMULA = '=IFERROR(VLOOKUP($A2,Sheet2!$A$1:$D$500,4,FALSE),"")';
  const LONG_TAG = 'ExcelVLOOKUPIFERRORSUMIFS';
  const LONG_URL = 'https://intranet.pref.example.lg.jp/portal/documents/very/long/path/to/the/manual_for_vlookup_and_index_match.pdf';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await setupAdmin(server);
    author = await createUser(server, admin, 'kato', { displayName: '加藤 恵', department: '税務課' });
    reader = await createUser(server, admin, 'ito', { displayName: '伊藤 学', department: '福祉課' });
    const tip = await apiCall(server, 'POST', '/api/posts', {
      title: FORMULA, tags: [LONG_TAG, 'Excel'],
      body: '共有フォルダの \\\\fileserver01\\共有\\総務課\\令和6年度\\予算関係\\VLOOKUP_サンプル_最終版_修正済み.xlsx で使います。',
    }, author);
    expect(tip.status).toBe(201);
    formulaTip = tip.json.id;
    // A second version, for the history page, and a comment from a colleague: the author is notified.
    const second = await apiCall(server, 'PATCH', `/api/posts/${formulaTip}`, { body: `${tip.json.body}\n\n追記: ${FORMULA}`, baseRevision: tip.json.revision }, author);
    expect(second.status).toBe(200);
    const comment = await apiCall(server, 'POST', `/api/posts/${formulaTip}/comments`, { body: `${LONG_URL} を参照` }, reader);
    expect(comment.status).toBe(201);
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('at 360 px, a formula, a path or a URL without spaces wraps instead of widening the page', async () => {
    const page = await signedInPage(browser, server, contexts, 'kato', 360);
    const wide: string[] = [];
    for (const path of [`/tips/${formulaTip}`, `/tips/${formulaTip}/history`, `/tags/${encodeURIComponent(LONG_TAG)}`, '/notifications',
      `/search?q=${encodeURIComponent('VLOOKUPINDEXMATCHXLOOKUPSUMIFSCOUNTIFS')}`, '/my-tips', '/']) {
      await page.goto(path);
      await settle(page);
      // The page has drawn what it loaded (its data is in), not only the shell.
      await expect.poll(() => page.locator('main h1').count(), { message: path }).toBeGreaterThan(0);
      const over = await sidewaysOverflow(page);
      if (over > 0) wide.push(`${path}: ${over} px too wide`);
    }
    expect(wide).toEqual([]);
  });

  it('every field one types in is drawn as a field (full height), e-mail, dates and untyped inputs too', async () => {
    const page = await signedInPage(browser, server, contexts, 'admin', 360);
    const small: string[] = [];
    for (const path of ['/settings/mail', '/feeds', '/admin/audit', '/new', '/requests']) {
      await page.goto(path);
      await settle(page);
      await expect.poll(() => page.locator('main h1').count(), { message: path }).toBeGreaterThan(0);
      const fields = await typedFields(page);
      expect(fields.length, path).toBeGreaterThan(0);
      for (const f of fields) if (f.height < 36) small.push(`${path} #${f.id} (${f.type}): ${f.height} px high`);
    }
    expect(small).toEqual([]);
  });

  it('publishing again after typing the missing title shows only what is wrong now', async () => {
    const page = await signedInPage(browser, server, contexts, 'ito');
    await page.goto('/new');
    await page.getByRole('button', { name: '公開する' }).click();
    await expect.poll(() => shownErrors(page)).toContain('タイトルを入力してください。');
    await page.getByLabel('タイトル').fill('Power Automate でメール添付を保存する');
    await page.getByLabel('本文（Markdown）').fill('フローを作ります。');
    await page.locator('#tag-input').fill('a'.repeat(41));
    await page.getByRole('button', { name: '公開する' }).click();
    await expect.poll(() => shownErrors(page)).toEqual([expect.stringContaining('タグは40文字までです')]);
    expect(new URL(page.url()).pathname).toBe('/new');
  });

  it('when the session has ended, an action says so and leads to the login and back, keeping the page', async () => {
    const page = await signedInPage(browser, server, contexts, 'ito', 360);
    await page.goto(`/tips/${formulaTip}`);
    await page.getByLabel('コメントを書く').fill('書いている途中のコメント');
    // Expired, idle too long or logged out in another window: the server no longer knows the cookie.
    await page.context().clearCookies();
    await page.getByRole('button', { name: /役に立った/ }).click();
    const notice = page.locator('kotsu-app main > p.notice[role=alert]');
    await expect.poll(() => notice.textContent()).toContain('ログインの有効期限が切れたか');
    expect(await page.getByLabel('コメントを書く').inputValue()).toBe('書いている途中のコメント');
    expect(await sidewaysOverflow(page)).toBe(0);
    await notice.getByRole('link', { name: 'もう一度ログインして、この画面に戻る' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
    await uiLogin(page, 'ito');
    await page.waitForURL((u) => u.pathname === `/tips/${formulaTip}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(FORMULA);
    expect(await notice.count()).toBe(0);
    // Signed in again, the same action goes through.
    await page.getByRole('button', { name: /役に立った/ }).click();
    await expect.poll(async () => (await apiCall(server, 'GET', `/api/posts/${formulaTip}`, undefined, reader)).json.likeCount).toBe(1);
  });

  it('the audit log reads in Japanese: fields, roles, states and report reasons by name, no JSON or codes', async () => {
    const tip = await apiCall(server, 'POST', '/api/posts', { title: 'PDF を結合する（古い手順）', body: 'Reader で結合します。', tags: [] }, author);
    const report = await apiCall(server, 'POST', `/api/posts/${tip.json.id}/reports`, { reason: 'incorrect', comment: 'Reader では結合できません。' }, reader);
    expect(report.status).toBe(201);
    expect((await apiCall(server, 'POST', `/api/moderation/reports/${report.json.id}/resolve`, { action: 'hide' }, admin)).status).toBe(200);
    const page = await signedInPage(browser, server, contexts, 'admin', 360);
    await page.goto('/admin/audit');
    const rows = page.locator('kotsu-audit-page tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const resolved = rows.filter({ hasText: '報告に対応' });
    const detail = (await resolved.locator('td.detail').textContent()) ?? '';
    expect(detail).toContain('タイトル: PDF を結合する（古い手順）');
    expect(detail).toContain('対応: 非表示にした');
    expect(detail).toContain('理由: 内容の誤り');
    expect(detail).toContain('変更後: （状態 非表示）');
    expect(await resolved.locator('td').nth(3).textContent()).toBe('報告 #1');
    // An account made by the administrator: its role by name; the username "admin" stays a name.
    const created = rows.filter({ hasText: 'アカウントを作成' }).first();
    expect(await created.locator('td.detail').textContent()).toMatch(/^ユーザー名: \w+\n権限: 一般$/);
    const all = (await page.locator('kotsu-audit-page tbody').textContent()) ?? '';
    expect(all).not.toMatch(/[{}"]|\b(postId|resolution|reportIds|status|published|hidden|member|incorrect|null|report)\b/);
  });

  it('Back from a tip, and a reload, return to where the reader was in the list', async () => {
    for (let i = 1; i <= 24; i++) {
      const r = await apiCall(server, 'POST', '/api/posts', { title: `条件付き書式の使い方 その${i}`, body: `手順 ${i}`, tags: ['条件付き書式'] }, author);
      expect(r.status).toBe(201);
    }
    const page = await signedInPage(browser, server, contexts, 'ito');
    for (const list of ['/', `/search?q=${encodeURIComponent('条件付き書式')}`, `/tags/${encodeURIComponent('条件付き書式')}`]) {
      await page.goto(list);
      const links = page.locator('kotsu-post-list a.title, kotsu-search-page a.title');
      await expect.poll(() => links.count(), { message: list }).toBeGreaterThanOrEqual(15);
      const target = links.nth(14);
      const title = await target.textContent();
      await target.scrollIntoViewIfNeeded();
      const y = await page.evaluate(() => window.scrollY);
      expect(y, list).toBeGreaterThan(400);
      await target.click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await page.goBack();
      await expect.poll(() => page.evaluate(() => window.scrollY), { message: `${list} after Back`, timeout: 10_000 }).toBeGreaterThan(y - 5);
      expect(Math.abs(await page.evaluate(() => window.scrollY) - y), `${list}: ${y}`).toBeLessThanOrEqual(5);
      await page.reload();
      await expect.poll(() => page.evaluate(() => window.scrollY), { message: `${list} after reload`, timeout: 10_000 }).toBeGreaterThan(y - 5)
        .catch(async (e) => { throw new Error(`${String(e)} state=${await page.evaluate(() => JSON.stringify(history.state))} h=${await page.evaluate(() => document.documentElement.scrollHeight)}`); });
    }
  });

  it('a lock-out says how long to wait the way people say it: 14 分, not 781 秒', async () => {
    const context = await newContext(browser, server, { width: 360 });
    contexts.push(context);
    const page = await context.newPage();
    // The server's answer to a locked login (its own test is tests/http/reasons.test.ts).
    await page.route('**/api/session', (route) => (route.request().method() === 'POST'
      ? route.fulfill({ status: 429, contentType: 'application/json', headers: { 'retry-after': '781' },
        body: JSON.stringify({ error: 'rate_limited', reason: 'login_locked', message: 'locked', params: { seconds: 781 } }) })
      : route.continue()));
    await page.goto('/login');
    await page.getByLabel('ユーザー名').fill('ito');
    await page.getByLabel('パスワード').fill('まちがい');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect.poll(() => shownErrors(page)).toEqual(['ログインの失敗が続いたため、一時的にロックしています。14 分後にもう一度お試しください。']);
  });

  it('Tab through a tip page: every control shows the app’s focus ring, related tips too', async () => {
    const related = await apiCall(server, 'POST', '/api/posts', { title: 'VLOOKUP で見つからないときに空白を返す', body: 'IFERROR と VLOOKUP を組み合わせます。', tags: ['Excel', LONG_TAG] }, author);
    expect(related.status).toBe(201);
    const page = await signedInPage(browser, server, contexts, 'ito');
    // Related tips come from the search index, which takes in the new tip a moment after it is saved.
    await expect.poll(async () => {
      await page.goto(`/tips/${related.json.id}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      return page.locator('kotsu-related-tips a').count();
    }, { timeout: 20_000 }).toBeGreaterThan(0);
    const weak: string[] = [];
    let sawRelated = false;
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        let a: Element | null = document.activeElement;
        const hosts: string[] = [];
        while (a?.shadowRoot?.activeElement) { hosts.push(a.tagName.toLowerCase()); a = a.shadowRoot.activeElement; }
        if (!a || a === document.body) return null;
        const cs = getComputedStyle(a);
        return { where: `${hosts.join(' > ')} ${a.tagName.toLowerCase()} "${(a.textContent ?? '').trim().slice(0, 20)}"`,
          ring: cs.outlineStyle === 'solid' && parseFloat(cs.outlineWidth) >= 2, related: hosts.includes('kotsu-related-tips') };
      });
      if (!f) continue;
      sawRelated ||= f.related;
      if (!f.ring) weak.push(f.where);
    }
    expect(sawRelated).toBe(true);
    expect(weak).toEqual([]);
  });

  it('an answer from the proxy in front of Kotsu (nginx’s HTML 413 for a long comment) is told in words, never "HTTP 413"', async () => {
    const page = await signedInPage(browser, server, contexts, 'ito', 360);
    await page.route('**/api/posts/*/comments', (route) => (route.request().method() === 'POST'
      ? route.fulfill({ status: 413, contentType: 'text/html',
        body: '<html><head><title>413 Request Entity Too Large</title></head><body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>' })
      : route.continue()));
    await page.goto(`/tips/${formulaTip}`);
    await page.getByLabel('コメントを書く').fill('手順の表を貼ります。'.repeat(50));
    await page.getByRole('button', { name: 'コメントする' }).click();
    await expect.poll(async () => (await shownErrors(page)).join(' ')).toContain('大きすぎて受け付けられません。');
    expect((await shownErrors(page)).join(' ')).not.toMatch(/HTTP|413|[A-Za-z]{4,}/);
    expect(await page.getByLabel('コメントを書く').inputValue()).toBe('手順の表を貼ります。'.repeat(50));
  });

  it('Forward returns to where the reader had got to in a long tip', async () => {
    const steps = Array.from({ length: 40 }, (_, i) => `## 手順 ${i + 1}\n\n対象の列を選び、［データ］タブの［区切り位置］を押します。`).join('\n\n');
    const long = await apiCall(server, 'POST', '/api/posts', { title: '区切り位置で住所を分割する（40 手順）', body: steps, tags: ['区切り位置'] }, author);
    expect(long.status).toBe(201);
    const page = await signedInPage(browser, server, contexts, 'ito');
    await page.goto(`/tags/${encodeURIComponent('区切り位置')}`);
    await page.getByRole('link', { name: '区切り位置で住所を分割する（40 手順）' }).click();
    const step30 = page.locator('kotsu-markdown h2', { hasText: '手順 30' });
    await step30.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(1500);
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('区切り位置');
    await page.goForward();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(y - 5);
    expect(Math.abs(await page.evaluate(() => window.scrollY) - y)).toBeLessThanOrEqual(5);
  });

  it('every address that leads nowhere says the same thing and offers a way on', async () => {
    const page = await signedInPage(browser, server, contexts, 'ito', 360);
    for (const [path, back] of [['/no/such/page', '/'], ['/tips/99999', '/'], ['/tips/99999/history', '/'], ['/users/nobody', '/'],
      ['/awards/999', '/awards'], ['/requests/999', '/requests']] as const) {
      await page.goto(path);
      const h1 = page.locator('main h1');
      await expect.poll(() => h1.textContent(), { message: path }).toBe('ページが見つかりません');
      const main = page.locator('kotsu-app main');
      expect(await main.getByText('お探しのページは移動または削除された可能性があります。').count(), path).toBe(1);
      expect(await main.locator(`a[href="${back}"]`).count(), path).toBe(1);
      expect(await page.locator('kotsu-app main [role=alert]').count(), path).toBe(0);
    }
  });

  describe('the browser’s Back button while writing', () => {
    let page: Page;
    const answers: boolean[] = [];
    const asked: string[] = [];

    beforeAll(async () => {
      const context = await newContext(browser, server);
      contexts.push(context);
      page = await context.newPage();
      // The leave question is the browser's own box, as for a link (tests/web/no-native-dialogs.test.ts).
      page.on('dialog', (d) => {
        asked.push(d.message());
        void (answers.shift() ? d.accept() : d.dismiss());
      });
      await uiLogin(page, 'ito');
    });

    it('asks before losing unsaved text; "stay" keeps the text and the address', async () => {
      await page.goto(`/tips/${formulaTip}`);
      await page.getByRole('link', { name: /コツを書く/ }).click();
      await page.waitForURL('**/new');
      await page.getByLabel('本文（Markdown）').fill('タイトルはまだ。書きかけの本文');
      answers.push(false);
      await page.goBack();
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toBe('保存していない変更があります。移動してもよろしいですか？');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/new');
      expect(await page.getByLabel('本文（Markdown）').inputValue()).toBe('タイトルはまだ。書きかけの本文');
    });

    it('"leave" goes back to the tip; Forward opens the editor again', async () => {
      answers.push(true);
      await page.goBack();
      await expect.poll(() => asked.length).toBe(2);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(FORMULA);
      expect(new URL(page.url()).pathname).toBe(`/tips/${formulaTip}`);
      await page.goForward();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/new');
      await expect.poll(() => page.getByLabel('本文（Markdown）').count()).toBe(1);
      // Nothing typed since: Back leaves without a question.
      await page.goBack();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(FORMULA);
      expect(asked).toHaveLength(2);
    });
  });
});
