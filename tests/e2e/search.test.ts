import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, expectAccessible, externalRequests, launchBrowser, newContext, screenshots, setupAdmin, startServer, uiLogin, type TestServer } from './harness';

/**
 * Search as staff use it: typing Japanese in the header box (suggestions as a combobox, nothing
 * sent during an IME composition), opening a suggestion, the results page with snippets, tag
 * facets, order and an empty state that offers a correction — all in the address.
 */
describe('search', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startServer();
    const cookie = await setupAdmin(server, 'yamada');
    const tips = [
      { key: 'pivot', title: 'ピボットテーブルで課ごとに集計する', body: 'Excelのピボットテーブルで、申請件数を課ごとに集計します。<b>太字</b>は使いません。', tags: ['Excel', '集計'] },
      { key: 'vlookup', title: 'VLOOKUP関数で台帳から転記', body: '=VLOOKUP(A2,台帳!A:D,3,FALSE) で名簿から住所を引きます。', tags: ['Excel', '関数'] },
      { key: 'print', title: '印刷範囲を設定して1枚に収める', body: 'ページレイアウトから印刷範囲を設定します。集計表も1枚に。', tags: ['Excel', '印刷'] },
      { key: 'word', title: 'Wordの差し込み印刷で宛名ラベル', body: '差込み印刷で宛名ラベルを作り、集計結果を添えます。', tags: ['Word', '印刷'] },
    ];
    for (const t of tips) {
      const res = await apiCall(server, 'POST', '/api/posts', { title: t.title, body: t.body, tags: t.tags }, cookie);
      expect(res.status).toBe(201);
      ids[t.key] = res.json.id;
    }
    browser = await launchBrowser();
    context = await newContext(browser, server);
    page = await context.newPage();
    await uiLogin(page, 'yamada');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const box = () => page.getByRole('combobox', { name: 'コツを検索' });

  it('suggests as you type, never during an IME composition, and opens a suggestion with the keyboard', async () => {
    const suggests: string[] = [];
    const onRequest = (r: Request) => { if (r.url().includes('/api/search/suggest')) suggests.push(decodeURIComponent(r.url())); };
    page.on('request', onRequest);
    await box().click();
    // An IME composition: ぴぼ → ピボ, converted while composing; nothing may be sent until it ends.
    await box().evaluate(async (input: HTMLInputElement) => {
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, composed: true, data: '' }));
      for (const text of ['ぴ', 'ぴぼ', 'ピボ']) {
        input.value = text;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true, data: text, inputType: 'insertCompositionText' }));
        await sleep(300);
      }
    });
    await page.waitForTimeout(400);
    expect(suggests).toEqual([]);
    await box().evaluate((input: HTMLInputElement) => {
      input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: 'ピボ' }));
    });
    const listbox = page.getByRole('listbox', { name: '検索の候補' });
    await expect.poll(() => listbox.getByRole('option').first().textContent(), { timeout: 15_000 }).toBe('ピボットテーブルで課ごとに集計する');
    expect(suggests).toHaveLength(1);
    expect(suggests[0]).toContain('q=ピボ');
    expect(await box().getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'header search with suggestions');

    await box().press('ArrowDown');
    const active = await box().getAttribute('aria-activedescendant');
    expect(active).toBe('opt-0');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    await box().press('Escape');
    expect(await box().getAttribute('aria-expanded')).toBe('false');
    await box().press('ArrowDown');
    await box().press('ArrowDown');
    await box().press('Enter');
    await page.waitForURL(`**/tips/${ids.pivot}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('ピボットテーブルで課ごとに集計する');
    page.off('request', onRequest);
  });

  it('typing a Japanese query and pressing Enter shows results with highlighted snippets, in the address', async () => {
    await box().fill('集計');
    await box().press('Enter');
    await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === '集計');
    const results = page.locator('ol.results > li');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(3);
    expect(await page.locator('ol.results mark').first().textContent()).toBe('集計');
    // Markup in a tip's text stays text.
    expect(await page.locator('ol.results b').count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: '件中' }).textContent()).toContain('3 件中 1–3 件目');
    await expectAccessible(page, '/search?q=集計');

    // Narrow by a tag facet, then change the order: both land in the address.
    await page.locator('aside').getByRole('link', { name: /印刷/ }).click();
    await page.waitForURL((u) => u.searchParams.getAll('tag').includes('印刷'));
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBe(2);
    await page.getByRole('link', { name: '新着順' }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'new');
    await expect.poll(() => results.locator('.title').allTextContents(), { timeout: 15_000 }).toEqual(['Wordの差し込み印刷で宛名ラベル', '印刷範囲を設定して1枚に収める']);

    // The address alone reproduces the search (bookmark, shared link).
    const shared = page.url();
    const other = await context.newPage();
    await other.goto(shared);
    await expect.poll(() => other.locator('ol.results > li .title').allTextContents(), { timeout: 15_000 }).toEqual(['Wordの差し込み印刷で宛名ラベル', '印刷範囲を設定して1枚に収める']);
    expect(await other.getByRole('combobox', { name: 'コツを検索' }).inputValue()).toBe('集計');
    await other.close();

    await results.locator('.title').first().click();
    await page.waitForURL(`**/tips/${ids.word}`);
  });

  it('a mistyped query shows the corrected results at once, the query as typed one click away', async () => {
    await page.goto('/search?q=VLOKUP');
    await expect.poll(() => page.locator('ol.results > li .title').allTextContents(), { timeout: 15_000 }).toEqual(['VLOOKUP関数で台帳から転記']);
    // In the case the reader typed it (the issue's own example).
    expect(await page.getByText('「VLOOKUP」の検索結果を表示しています。').count()).toBe(1);
    await expectAccessible(page, 'corrected results');
    await page.getByRole('link', { name: '「VLOKUP」で検索する' }).click();
    await page.waitForURL((u) => u.searchParams.get('exact') === '1' && u.searchParams.get('q') === 'VLOKUP');
    await expect.poll(() => page.getByText('「VLOKUP」に一致するコツは見つかりませんでした。').count(), { timeout: 15_000 }).toBe(1);
    const fix = page.getByRole('link', { name: 'VLOOKUP' });
    await fix.click();
    await page.waitForURL((u) => u.searchParams.get('q') === 'VLOOKUP' && !u.searchParams.has('exact'));
    await expect.poll(() => page.locator('ol.results > li .title').allTextContents(), { timeout: 15_000 }).toEqual(['VLOOKUP関数で台帳から転記']);
  });

  it('fewer tips than the page have every word: tips with all the words but one follow under their own heading', async () => {
    await page.goto('/search?q=' + encodeURIComponent('印刷 宛名'));
    const main = page.locator('ol.results:not([aria-labelledby]) > li .title');
    await expect.poll(() => main.allTextContents(), { timeout: 15_000 }).toEqual(['Wordの差し込み印刷で宛名ラベル']);
    const heading = page.getByRole('heading', { name: 'ほかに、一部の語（1語を除くすべて）に一致するコツ' });
    expect(await heading.count()).toBe(1);
    // The list is named by its heading; the count above still says how many have every word.
    await expect.poll(() => page.getByRole('list', { name: 'ほかに、一部の語（1語を除くすべて）に一致するコツ' }).locator('li .title').allTextContents(), { timeout: 15_000 })
      .toEqual(['印刷範囲を設定して1枚に収める']);
    // It says which word it lacks.
    expect(await page.getByRole('list', { name: 'ほかに、一部の語（1語を除くすべて）に一致するコツ' }).locator('li .missing').allTextContents()).toEqual(['「宛名」を含みません']);
    expect(await page.getByRole('status').filter({ hasText: '件中' }).textContent()).toContain('1 件中 1–1 件目');
    await expectAccessible(page, 'partial matches');
    await screenshots(page, 'partial');
  });

  it('of two words, one no tip holds in any spelling: the other word\'s tips, each saying which word it lacks', async () => {
    await page.goto('/search?q=' + encodeURIComponent('ゲジゲジ 転記'));
    await expect.poll(() => page.locator('ol.results > li .title').allTextContents(), { timeout: 15_000 }).toEqual(['VLOOKUP関数で台帳から転記']);
    expect(await page.locator('p.notice').filter({ hasText: 'すべての語を含むコツがないため' }).count()).toBe(1);
    expect(await page.locator('ol.results > li .missing').allTextContents()).toEqual(['「ゲジゲジ」を含みません']);
    await expectAccessible(page, 'one word unknown');
    await screenshots(page, 'one-word-unknown');
  });

  it('no tip has every word: the tips with some of them, said so, and a 教えて request one click away', async () => {
    const q = '宛名 ラベル 封筒';
    await page.goto('/search?q=' + encodeURIComponent(q));
    await expect.poll(() => page.locator('ol.results > li .title').allTextContents(), { timeout: 15_000 }).toEqual(['Wordの差し込み印刷で宛名ラベル']);
    const notice = page.locator('p.notice').filter({ hasText: 'すべての語を含むコツがないため' });
    expect(await notice.count()).toBe(1);
    // Each says which word it lacks.
    expect(await page.locator('ol.results > li .missing').allTextContents()).toEqual(['「封筒」を含みません']);
    await expectAccessible(page, 'relaxed results');
    await screenshots(page, 'relaxed');
    await notice.getByRole('link', { name: 'この内容を「教えて」でリクエストする' }).click();
    await page.waitForURL((u) => u.pathname === '/requests' && u.searchParams.get('ask') === q);
    await expect.poll(() => page.locator('#request-title').inputValue(), { timeout: 15_000 }).toBe(q);
  });

  it('a sentence no tip answers with all its words but one: the tips with any of them, each naming every word it lacks', async () => {
    await page.goto('/search?q=' + encodeURIComponent('台帳 ラベル ザジズゼ ガギグゲ'));
    await expect.poll(async () => (await page.locator('ol.results > li .title').allTextContents()).sort(), { timeout: 15_000 })
      .toEqual(['VLOOKUP関数で台帳から転記', 'Wordの差し込み印刷で宛名ラベル'].sort());
    expect(await page.locator('p.notice').filter({ hasText: 'すべての語を含むコツがないため' }).count()).toBe(1);
    expect((await page.locator('ol.results > li .missing').allTextContents()).sort())
      .toEqual(['「ラベル」「ザジズゼ」「ガギグゲ」を含みません', '「台帳」「ザジズゼ」「ガギグゲ」を含みません'].sort());
  });

  it('nothing found: close tags and a 教えて request with the query filled in, which shows similar tips', async () => {
    await page.goto('/search?q=' + encodeURIComponent('差し込み excel'));
    await expect.poll(() => page.getByText('「差し込み excel」に一致するコツは見つかりませんでした。').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('.card a.tag').allTextContents(), { timeout: 15_000 }).toContain('Excel');
    await expectAccessible(page, 'no results');
    await page.getByRole('link', { name: 'この内容を「教えて」でリクエストする' }).click();
    await page.waitForURL((u) => u.pathname === '/requests' && u.searchParams.get('ask') === '差し込み excel');
    await expect.poll(() => page.locator('#request-title').inputValue(), { timeout: 15_000 }).toBe('差し込み excel');
    // Typing a title there shows the tips that may already answer it.
    await page.locator('#request-title').fill('ぴぼっとてーぶるで集計するには');
    const similar = page.locator('kotsu-similar-tips');
    await expect.poll(() => similar.getByRole('link').allTextContents(), { timeout: 15_000 }).toContain('ピボットテーブルで課ごとに集計する');
    await expectAccessible(page, 'request with similar tips');
  });

  it('a new tip shows similar tips as its title is typed, and a tip page shows related tips', async () => {
    await page.goto('/new');
    await page.locator('#title').fill('VLOOKUPで台帳の住所を引く方法');
    const similar = page.locator('kotsu-similar-tips');
    await expect.poll(() => similar.getByRole('link').allTextContents(), { timeout: 15_000 }).toEqual(['VLOOKUP関数で台帳から転記']);
    await page.goto(`/tips/${ids.print}`);
    const related = page.locator('kotsu-related-tips');
    await expect.poll(() => related.getByRole('link').allTextContents(), { timeout: 15_000 }).toContain('Wordの差し込み印刷で宛名ラベル');
    expect(await related.getByRole('link').allTextContents()).not.toContain('印刷範囲を設定して1枚に収める');
    expect(await related.getByRole('heading', { name: '関連するコツ' }).count()).toBe(1);
    await expectAccessible(page, 'tip with related tips');
    expect(externalRequests(context)).toEqual([]);
  });
});
