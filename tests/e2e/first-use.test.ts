import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, apiLogin, createUser, expectAccessible, externalRequests, launchBrowser, newContext, setupAdmin, startServer, type TestServer, signedInPage,
} from './harness';

/**
 * Issue 18, items 2, 3, 9 (web) and 10: tags are never lost or merged by surprise, nothing that
 * changes other people happens on one keypress, comments are hidden with the tip's dialog,
 * table cells keep short words whole, set-up offers no login link, and focus rings reach 3:1.
 */
describe('first use without a stumble', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let adminCookie = '';
  let tipId = 0;

  const pageFor = (username: string, width?: number): Promise<Page> => signedInPage(browser, server, contexts, username, width);

  /** Text of the status line under the tag field. */
  const said = (page: Page) => page.locator('kotsu-tag-input [role="status"]').textContent();
  const chips = (page: Page) => page.locator('kotsu-tag-input .chip').evaluateAll((els) => els.map((e) =>
    [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim()));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  it('offers no login link on the set-up screen before any account exists, and does once one does', async () => {
    const context = await newContext(browser, server, { width: 360 });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL('**/setup');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('初期設定');
    expect(await page.getByRole('link', { name: 'ログイン' }).count()).toBe(0);
    adminCookie = await setupAdmin(server);
    await page.goto('/setup');
    await expect.poll(() => page.getByRole('link', { name: 'ログイン' }).count()).toBeGreaterThan(0);
    const author = await createUser(server, adminCookie, 'sato', { displayName: '佐藤 花子', department: '市民課' });
    await createUser(server, adminCookie, 'yamada', { displayName: '山田 太郎', department: '税務課' });
    await createUser(server, adminCookie, 'kimura', { displayName: '木村 次郎', role: 'moderator' });
    const tip = await apiCall(server, 'POST', '/api/posts', {
      title: '様式の一覧表', tags: ['Excel'],
      body: '| 様式 | 担当 | 期限 | 提出先 | 部数 | 押印 | 備考 | 区分 |\n|---|---|---|---|---|---|---|---|\n| 申請書 | 総務 | 月末 | 窓口 | 二部 | 不要 | 写し可 | 新規 |\n\n```vba\nSub A()\n  MsgBox "とても長い行がここに続きます。とても長い行がここに続きます。とても長い行がここに続きます。"\nEnd Sub\n```',
    }, author);
    tipId = tip.json.id;
    await apiCall(server, 'POST', `/api/posts/${tipId}/comments`, { body: '宣伝です' }, await apiLogin(server, 'yamada'));
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('splits tags at , 、 ， and spaces as they are typed, says what it did, and refuses a duplicate', async () => {
    const page = await pageFor('sato');
    await page.goto('/new');
    const input = page.locator('#tag-input');
    await input.click();
    await page.keyboard.type('Excel,VBA、マクロ，関数 Power\u3000Query');
    await expect.poll(() => chips(page)).toEqual(['Excel', 'VBA', 'マクロ', '関数', 'Power']);
    expect(await input.inputValue()).toBe('Query');
    expect(await said(page)).toBe('タグ「Power」を追加しました。');
    await page.keyboard.press('Enter');
    await expect.poll(() => chips(page)).toEqual(['Excel', 'VBA', 'マクロ', '関数', 'Power', 'Query']);
    // Pasted text with separators becomes several tags at once.
    await input.fill('Access、PDF');
    await expect.poll(() => chips(page)).toContain('Access');
    expect(await input.inputValue()).toBe('PDF');
    await input.fill('');
    await page.keyboard.type('excel ');
    await expect.poll(() => said(page)).toBe('タグ「excel」はもう付いています。');
    expect((await chips(page)).filter((t) => t.toLowerCase() === 'excel')).toEqual(['Excel']);
    await page.keyboard.press('Backspace');
    await expect.poll(() => said(page)).toBe('タグ「Access」を外しました。');
    await expectAccessible(page, '/new with tags');
  });

  it('does not split while an IME composition runs, and splits once it ends', async () => {
    const page = await pageFor('sato');
    await page.goto('/new');
    const input = page.locator('#tag-input');
    await input.click();
    const cdp = await page.context().newCDPSession(page);
    // Converting: the text holds a 、 and a space, but nothing is final yet.
    await cdp.send('Input.imeSetComposition', { text: 'ぶんしょ、かんり ', selectionStart: 9, selectionEnd: 9 });
    await expect.poll(() => input.inputValue()).toBe('ぶんしょ、かんり ');
    expect(await chips(page)).toEqual([]);
    // Committed (compositionend): now it is split.
    await cdp.send('Input.insertText', { text: '文書、管理 ' });
    await expect.poll(() => chips(page)).toEqual(['文書', '管理']);
    expect(await input.inputValue()).toBe('');
    expect(await said(page)).toBe('タグ「文書」「管理」を追加しました。');
  });

  it('makes text left in the tag field a tag when publishing', async () => {
    const page = await pageFor('sato');
    await page.goto('/new');
    await page.getByLabel('タイトル').fill('未確定のタグも残る');
    await page.locator('#tag-input').fill('決裁');
    await page.getByLabel('本文（Markdown）').fill('本文です');
    await page.getByRole('button', { name: '公開する' }).click();
    await page.waitForURL(/\/tips\/\d+$/);
    await expect.poll(() => page.locator('article .tags a').allTextContents()).toEqual(['決裁']);
    // A tag that cannot be (too long) stops publishing and says why; nothing is thrown away.
    await page.goto('/new');
    await page.getByLabel('タイトル').fill('長すぎるタグ');
    await page.locator('#tag-input').fill('あ'.repeat(41));
    await page.getByRole('button', { name: '公開する' }).click();
    await expect.poll(() => page.locator('kotsu-tag-input [role="alert"]').textContent()).toContain('タグは40文字までです');
    expect(new URL(page.url()).pathname).toBe('/new');
    expect(await page.locator('#tag-input').inputValue()).toBe('あ'.repeat(41));
  });

  it('changes a role only after the change is confirmed; arrowing through the dropdown changes nothing', async () => {
    const page = await pageFor('admin');
    await page.goto('/admin/users');
    const role = page.getByLabel('権限: yamada');
    await expect.poll(() => role.count()).toBe(1);
    await role.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(500);
    const who = async () => (await apiCall(server, 'GET', '/api/users?q=yamada', undefined, adminCookie)).json.items[0];
    expect(await who()).toMatchObject({ role: 'member' });
    // The change waits for its button, which opens a dialog saying what will happen.
    await page.getByRole('button', { name: '権限を変更する: yamada' }).click();
    const dialog = page.getByRole('dialog', { name: '山田 太郎さんの権限を変更しますか？' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('「一般」から「管理者」に変えます');
    expect(await dialog.textContent()).toContain('ユーザー管理');
    await expectAccessible(page, 'role change dialog');
    // Focus starts on Cancel: Enter alone changes nothing.
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await who()).toMatchObject({ role: 'member' });
    expect(await role.inputValue()).toBe('member');
    await role.selectOption('moderator');
    await page.getByRole('button', { name: '権限を変更する: yamada' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '権限を変更する' }).click();
    await expect.poll(() => page.getByText('山田 太郎さんを更新しました。').count()).toBe(1);
    expect(await who()).toMatchObject({ role: 'moderator' });
  });

  it('suspends only after saying what will happen; Escape cancels', async () => {
    const page = await pageFor('admin');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: '停止する: sato' }).click();
    const dialog = page.getByRole('dialog', { name: '佐藤 花子さんを利用停止にしますか？' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('すぐにログアウトされ');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    const who = async () => (await apiCall(server, 'GET', '/api/users?q=sato', undefined, adminCookie)).json.items[0];
    expect(await who()).toMatchObject({ suspended: false });
    // Focus is back on the button that opened it.
    expect(await page.getByRole('button', { name: '停止する: sato' }).evaluate((el) => el.matches(':focus'))).toBe(true);
  });

  it('hides a comment with the same dialog as a tip, asking the reason', async () => {
    const page = await pageFor('kimura');
    await page.goto(`/tips/${tipId}`);
    const comment = page.locator('kotsu-comment-item', { hasText: '宣伝です' });
    await comment.getByRole('button', { name: '非表示にする' }).click();
    const dialog = page.getByRole('dialog', { name: 'このコメントを非表示にしますか？' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: '非表示にする' }).isDisabled()).toBe(true);
    await dialog.getByLabel('非表示にする理由（投稿者に伝えられます）').fill('宣伝のため');
    await expectAccessible(page, 'comment hide dialog');
    await dialog.getByRole('button', { name: '非表示にする' }).click();
    await expect.poll(() => comment.locator('.hidden-note').textContent()).toContain('宣伝のため');
    // The tip's hide button opens the same element, with the tip's words.
    await page.locator('kotsu-tip-moderation').getByRole('button', { name: '非表示にする' }).click();
    const tipDialog = page.locator('kotsu-confirm-dialog').getByRole('dialog', { name: 'このコツを非表示にする' });
    await expect.poll(() => tipDialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('keeps short words in table cells whole, and code and tables reachable by keyboard, at 360 px', async () => {
    const page = await pageFor('yamada', 360);
    await page.goto(`/tips/${tipId}`);
    const md = page.locator('kotsu-tip-page kotsu-markdown').first();
    await expect.poll(() => md.locator('td').count()).toBe(8);
    // No cell is narrower than its content's first two characters (申請 would stack as 申/請).
    const lines = await md.locator('td, th').evaluateAll((cells) => cells.map((c) => {
      const r = document.createRange();
      r.selectNodeContents(c);
      return { text: c.textContent, lines: new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size };
    }));
    expect(lines.filter((l) => l.lines > 1)).toEqual([]);
    for (const sel of ['.table-wrap', 'pre']) {
      const el = md.locator(sel).first();
      expect(await el.getAttribute('tabindex')).toBe('0');
      expect(await el.getAttribute('aria-label')).toMatch(/横にスクロールできます/);
    }
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);
    // In the editor's preview too.
    await page.goto(`/tips/${tipId}/edit`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => page.locator('.preview kotsu-markdown td').count()).toBe(8);
    const preview = await page.locator('.preview kotsu-markdown').locator('td, th').evaluateAll((cells) => cells.map((c) => {
      const r = document.createRange();
      r.selectNodeContents(c);
      return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
    }));
    expect(preview.filter((n) => n > 1)).toEqual([]);
  });

  it('draws focus rings with at least 3:1 contrast against what surrounds them, on every stop of the Tab order', async () => {
    const problems: string[] = [];
    for (const [width, path] of [[1280, '/'], [1280, `/tips/${tipId}`], [360, '/'], [1280, '/new']] as const) {
      const page = await pageFor('admin', width);
      await page.goto(path);
      await expect.poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
      await page.waitForTimeout(500);
      let checked = 0;
      for (let i = 0; i < 45; i++) {
        await page.keyboard.press('Tab');
        const r = await page.evaluate(focusRingContrast);
        if (!r) continue;
        checked++;
        if (r.problem) problems.push(`${path} @${width} ${r.what}: ${r.problem}`);
      }
      expect(checked, `${path} @${width}: focus stops checked`).toBeGreaterThan(10);
    }
    expect(problems).toEqual([]);
  });
});

/**
 * Runs in the page: the focused element's focus indicator (its own outline or, for a field
 * inside a box, the nearest ancestor's :focus-within outline) and the contrast of its colour
 * with the colours just outside the outline (WCAG 1.4.11: at least 3:1).
 */
function focusRingContrast(): { what: string; problem?: string } | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const what = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> ${(el.textContent ?? '').trim().slice(0, 20)}`;
  const parentOf = (n: Element): Element | null => n.parentElement ?? ((n.getRootNode() as ShadowRoot).host ?? null);
  let ring: Element | null = el;
  for (let up = 0; ring && up < 3; up++, ring = parentOf(ring)) {
    const s = getComputedStyle(ring);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) break;
  }
  if (!ring) return { what, problem: 'no visible focus outline' };
  const style = getComputedStyle(ring);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return { what, problem: 'no visible focus outline' };
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = (c: number[]) => {
    const [r, g, b] = c.slice(0, 3).map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: number[], b: number[]) => { const [x, y] = [lum(a), lum(b)]; return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const ringColour = rgb(style.outlineColor);
  // What is painted next to the ring: for a ring drawn inside its element, the element's own
  // background; otherwise what lies just outside it on each side (the first opaque background up the tree).
  const box = ring.getBoundingClientRect();
  const outer = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
  const out = outer + 1;
  const points = [[box.left + box.width / 2, box.top - out], [box.left + box.width / 2, box.bottom + out], [box.left - out, box.top + box.height / 2], [box.right + out, box.top + box.height / 2]]
    .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  const deepAt = (x: number, y: number): Element | null => {
    let hit: Element | null = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  };
  const background = (n: Element | null): number[] => {
    for (let e = n; e; e = parentOf(e)) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  let worst = Infinity;
  if (outer < 0) worst = contrast(ringColour, background(ring));
  else for (const [x, y] of points) worst = Math.min(worst, contrast(ringColour, background(deepAt(x, y))));
  if (worst === Infinity) return { what };
  return worst < 3 ? { what, problem: `outline ${style.outlineColor} has ${worst.toFixed(2)}:1` } : { what };
}
