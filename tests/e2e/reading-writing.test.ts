import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, createUser, expectAccessible, screenshots, externalRequests, launchBrowser, newContext, setupAdmin, startServer, uiLogin,
  type TestServer,
} from './harness';

/**
 * Writing and reading aids (issue 20 parts 3 and 4) in a real browser: the editor's toolbar used
 * from the keyboard (headings, bold, lists, a table with Tab between cells, a code block in a
 * picked language), and on a tip: a bar per code block naming its language with a copy button,
 * a table of contents from three headings, a copy-link button, and a clean printout.
 */
describe('writing and reading aids', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let cookie = '';

  const body = () => page.locator('#body');
  const value = () => body().inputValue();
  const selected = () => body().evaluate((ta: HTMLTextAreaElement) => ta.value.slice(ta.selectionStart, ta.selectionEnd));
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    cookie = await createUser(server, admin, 'sato', { displayName: '佐藤 花子', department: '財政課' });
    context = await newContext(browser, server);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.on('dialog', (d) => { void d.accept(); });
    await uiLogin(page, 'sato');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('the toolbar is one tab stop; arrow keys move along it and Enter applies a button', async () => {
    await page.goto('/new');
    await body().fill('集計の手順');
    await body().press('Control+a');
    // From the body field, Shift+Tab goes back to the toolbar's one tab stop.
    await body().press('Shift+Tab');
    const focused = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('aria-label') ?? '';
    });
    expect(await focused()).toBe('見出し');
    await page.keyboard.press('Enter');
    expect(await value()).toBe('## 集計の手順');
    await body().press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('太字 (Ctrl+B)');
    await page.keyboard.press('End');
    expect(await focused()).toBe('コードブロック');
    await page.keyboard.press('Home');
    expect(await focused()).toBe('見出し');
    // Ctrl+Z undoes a toolbar edit as it undoes typing.
    await body().focus();
    await page.keyboard.press('Control+z');
    expect(await value()).toBe('集計の手順');
  });

  it('bold, numbered list and link edit the text and the preview follows', async () => {
    await page.goto('/new');
    await body().fill('VLOOKUP\n並べ替え');
    await body().evaluate((ta: HTMLTextAreaElement) => ta.setSelectionRange(0, 7));
    await body().press('Control+b');
    expect(await value()).toBe('**VLOOKUP**\n並べ替え');
    await body().press('Control+a');
    await page.getByRole('button', { name: '番号付きリスト' }).click();
    expect(await value()).toBe('1. **VLOOKUP**\n2. 並べ替え');
    await body().press('Control+End');
    await body().press('Control+k');
    expect(await selected()).toBe('https://');
    await expect.poll(() => page.locator('.preview ol li').count()).toBe(2);
    await expect.poll(() => page.locator('.preview strong').textContent()).toBe('VLOOKUP');
  });

  it('inserts an n×m table; Tab and Shift+Tab move between its cells', async () => {
    await page.goto('/new');
    await body().fill('表の例');
    await body().press('Control+End');
    await page.getByRole('button', { name: '表' }).click();
    await page.getByLabel('行').fill('2');
    await page.getByLabel('列').fill('2');
    await page.getByRole('button', { name: '挿入' }).click();
    expect(await value()).toBe('表の例\n\n| 見出し1 | 見出し2 |\n| --- | --- |\n|  |  |\n|  |  |\n');
    expect(await selected()).toBe('見出し1');
    await body().press('Tab');
    expect(await selected()).toBe('見出し2');
    await body().press('Tab');
    await page.keyboard.type('件数');
    await body().press('Tab');
    await page.keyboard.type('12');
    await body().press('Shift+Tab');
    expect(await selected()).toBe('件数');
    expect(await value()).toContain('| 件数 | 12 |');
    await expect.poll(() => page.locator('.preview td').first().textContent()).toBe('件数');
    // Outside the table Tab leaves the field as usual: nobody is trapped.
    await body().press('Control+Home');
    await body().press('Tab');
    expect(await body().evaluate((ta) => ta.matches(':focus'))).toBe(false);
  });

  it('inserts a code block in the language picked', async () => {
    await page.goto('/new');
    await body().fill('Get-ChildItem');
    await body().press('Control+a');
    await page.getByRole('button', { name: 'コードブロック' }).click();
    await page.getByLabel('言語').selectOption({ label: 'PowerShell' });
    await page.getByRole('button', { name: '挿入' }).click();
    expect(await value()).toBe('```powershell\nGet-ChildItem\n```\n');
    await expect.poll(() => page.locator('.preview .code-bar span').first().textContent()).toBe('PowerShell');
    await expectAccessible(page, 'the editor with its toolbar');
  });

  async function tip(title: string, text: string): Promise<number> {
    const res = await apiCall(server, 'POST', '/api/posts', { title, body: text, tags: ['VBA'] }, cookie);
    expect(res.status).toBe(201);
    return res.json.id as number;
  }

  it('a tip shows its code language with a copy button that copies without moving anything', async () => {
    const id = await tip('セルの値を転記するマクロ', '## 使い方\n\n```vba\nSub 転記()\n  Range("B1").Value = Range("A1").Value\nEnd Sub\n```\n\n```\nplain text\n```\n');
    await page.goto(`/tips/${id}`);
    const bar = page.locator('.code-bar').first();
    await expect.poll(() => bar.locator('span').first().textContent()).toBe('VBA');
    expect(await page.locator('.code-bar').nth(1).locator('span').first().textContent()).toBe('コード');
    const button = bar.getByRole('button', { name: 'VBA のコードをコピー' });
    const pre = page.locator('.md pre').first();
    const before = { button: await button.boundingBox(), pre: await pre.boundingBox() };
    await button.click();
    await expect.poll(() => button.textContent()).toBe('コピーしました');
    expect(await button.boundingBox()).toEqual(before.button);
    expect(await pre.boundingBox()).toEqual(before.pre);
    expect(await clipboard()).toBe('Sub 転記()\n  Range("B1").Value = Range("A1").Value\nEnd Sub\n');
    await expect.poll(() => button.textContent(), { timeout: 5000 }).toBe('コピー');
    // Three headings or more make a table of contents; this tip has one.
    expect(await page.locator('nav.toc').count()).toBe(0);
  });

  it('the checklist button makes the selected lines tasks, and the preview shows their boxes', async () => {
    await page.goto('/new');
    await body().fill('起案する\n決裁を受ける');
    await body().press('Control+a');
    await page.getByRole('button', { name: 'チェックリスト' }).click();
    expect(await value()).toBe('- [ ] 起案する\n- [ ] 決裁を受ける');
    await expect.poll(() => page.locator('.preview input[type=checkbox]').count()).toBe(2);
    await page.setViewportSize({ width: 360, height: 800 });
    await screenshots(page, 'editor-checklist');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('a task list shows boxes, ticked or not, that a reader cannot change; they keep to the text at 360 px', async () => {
    const id = await tip('決裁前の確認リスト', '## 確認\n\n- [x] 起案文を作る\n- [ ] 添付資料を付ける（見積書、仕様書、過去の決裁文書の写しなど長めの説明）\n- 普通の項目\n');
    await page.goto(`/tips/${id}`);
    const boxes = page.locator('.md input[type=checkbox]');
    await expect.poll(() => boxes.count()).toBe(2);
    expect(await boxes.evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).checked, (e as HTMLInputElement).disabled]))).toEqual([[true, true], [false, true]]);
    await boxes.nth(1).click({ force: true });
    expect(await boxes.nth(1).isChecked()).toBe(false);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      // The box sits before its text, inside the page, on the text's first line.
      const [box, item] = [await boxes.nth(1).boundingBox(), await page.locator('.md li').nth(1).boundingBox()];
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(item!.x + 4);
      expect(Math.abs(box!.y - item!.y)).toBeLessThan(box!.height);
    }
    // The item reads as the text around it does (a form's labels are bold elsewhere).
    expect(await page.locator('.md .task-list-item-label').first().evaluate((e) => getComputedStyle(e).fontWeight))
      .toBe(await page.locator('.md li').nth(2).evaluate((e) => getComputedStyle(e).fontWeight));
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshots(page, 'task-list');
    await expectAccessible(page, 'task list');
  });

  it('copies on a plain-http intranet address too, where the Clipboard API is missing', async () => {
    const id = await tip('コピーの確認', '```sql\nSELECT 1;\n```\n');
    const other = await context.newPage();
    await other.addInitScript(() => { Object.defineProperty(window, 'isSecureContext', { value: false }); });
    await other.goto(`/tips/${id}`);
    const button = other.getByRole('button', { name: 'SQL のコードをコピー' });
    await button.click();
    await expect.poll(() => button.textContent()).toBe('コピーしました');
    expect(await other.evaluate(() => navigator.clipboard.readText())).toBe('SELECT 1;\n');
    await other.close();
  });

  it('three headings make a table of contents whose links reach the headings', async () => {
    const id = await tip('申請書の作り方', '## 準備\n\n名簿を用意します。\n\n## 作成\n\n### 差し込み\n\n本文\n\n## 確認\n\n' + '長い本文です。\n\n'.repeat(80) + '## 最後に\n\n終わり');
    // A page of its own, opened at the tip as a reader arriving from a link would.
    const reader = await context.newPage();
    await reader.goto(`/tips/${id}`);
    const toc = reader.getByRole('navigation', { name: '目次' });
    await expect.poll(() => toc.getByRole('link').allTextContents()).toEqual(['準備', '作成', '差し込み', '確認', '最後に']);
    await toc.getByRole('link', { name: '最後に' }).click();
    await expect.poll(() => reader.evaluate(() => decodeURIComponent(location.hash))).toBe('#h-最後に');
    const heading = reader.locator('.md h2', { hasText: '最後に' });
    // At the top of the viewport; scrollIntoView may stop a sub-pixel short of it.
    await expect.poll(() => heading.evaluate((h) => { const r = h.getBoundingClientRect(); return r.top > -2 && r.top < innerHeight; })).toBe(true);
    await expectAccessible(reader, 'a tip with a table of contents');
    await reader.close();
  });

  it('the copy-link button copies the tip’s address and says so', async () => {
    const id = await tip('リンクの確認', '本文');
    await page.goto(`/tips/${id}?from=search#x`);
    const button = page.getByRole('button', { name: 'リンクをコピー' });
    await button.click();
    await expect.poll(() => page.getByRole('button', { name: 'リンクをコピーしました' }).count()).toBe(1);
    expect(await clipboard()).toBe(`${server.url}/tips/${id}`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'リンクをコピーしました' }).count()).toBe(1);
  });

  it('prints the tip alone: no header, menus or buttons, code wrapped, its address at the end', async () => {
    const id = await tip('印刷の確認', `## 手順\n\n\`\`\`vba\n${'Range("A1").Value = "とても長い一行のコード"'.repeat(8)}\n\`\`\`\n`);
    await page.goto(`/tips/${id}`);
    await page.locator('.code-bar').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const display = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display);
    expect(await display('header')).toBe('none');
    expect(await display('footer')).toBe('none');
    expect(await display('kotsu-tip-reactions')).toBe('none');
    expect(await display('kotsu-comments')).toBe('none');
    expect(await display('.code-bar button')).toBe('none');
    expect(await display('.copy-link')).toBe('none');
    expect(await page.locator('.md pre').first().evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    const url = page.locator('.print-url');
    expect(await display('.print-url')).toBe('block');
    expect(await url.textContent()).toContain(`${server.url}/tips/${id}`);
    // Wrapped code fits the printed page: nothing sticks out sideways.
    expect(await page.locator('.md pre').first().evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await display('.print-url')).toBe('none');
    expect(externalRequests(context)).toEqual([]);
  });
});
