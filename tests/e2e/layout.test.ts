import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, createUser, externalRequests, launchBrowser, newContext, setupAdmin, startServer, uiLogin, type TestServer } from './harness';
import { ariaControlsProblems, landmarkAndScrollProblems, overflowCulprits, squeezedTextProblems } from './layout-checks';

/**
 * Issue 18, items 1 and 10: every page of the app, as each role, at 360 and 414 px (and 1280):
 * nothing scrolls sideways, no text is squeezed to a character or two a line (a table too wide
 * for the screen scrolls instead), the main destinations are visible links, the header keeps to a
 * fifth of a phone screen, the user menu opens fully inside the viewport; no duplicate landmark
 * names, every aria-controls points at an element that exists, and scroll containers can be
 * reached from the keyboard (axe scrollable-region-focusable).
 */
describe('every page fits a phone and keeps its navigation', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids = { tip: 0, other: 0, request: 0, published: 0, scoring: 0 };
  const LONG = 'とても長いタイトルのコツ：VLOOKUPとXLOOKUPとINDEX/MATCHを使い分けて別シートの単価表から単価を引く方法（令和8年度版）';
  const BODY = [
    '## 表', '', '| 項目 | 関数 | 引数1 | 引数2 | 引数3 | 引数4 | 戻り値 | 備考 |', '|---|---|---|---|---|---|---|---|',
    '| 単価 | VLOOKUP | 検索値 | 範囲 | 列番号 | 検索方法 | 値 | 完全一致はFALSE |', '',
    '```vba', 'Sub 集計()\n    Range("A1").Value = WorksheetFunction.VLookup(Range("B2").Value, Worksheets("単価表").Range("A:B"), 2, False) \' とても長い行\nEnd Sub', '```',
    '', 'https://example.invalid/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  ].join('\n');

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await setupAdmin(server);
    const member = await createUser(server, admin, 'member', { displayName: '山田 太郎左衛門', department: '総務部総務課文書法務グループ' });
    const moderator = await createUser(server, admin, 'moderator', { displayName: '木村 次郎', role: 'moderator' });
    const jury = await createUser(server, admin, 'jury', { displayName: '審査 一郎', department: 'デジタル戦略局' });
    const tip = await apiCall(server, 'POST', '/api/posts', { title: LONG, body: BODY, tags: ['Excel', '関数', 'とても長いタグの名前ですよ'] }, member);
    expect(tip.status).toBe(201);
    ids.tip = tip.json.id;
    const other = await apiCall(server, 'POST', '/api/posts', { title: `${LONG}（その2）`, body: '手順です', tags: ['Excel'] }, moderator);
    ids.other = other.json.id;
    await apiCall(server, 'POST', `/api/posts/${ids.tip}/comments`, { body: `${BODY}\n\nコメントです` }, moderator);
    await apiCall(server, 'POST', `/api/posts/${ids.tip}/views`, undefined, jury);
    await apiCall(server, 'PUT', `/api/posts/${ids.tip}/like`, undefined, jury);
    await apiCall(server, 'POST', `/api/posts/${ids.tip}/reports`, { reason: 'outdated', comment: '古い' }, jury);
    await apiCall(server, 'POST', `/api/posts/${ids.tip}/adoptions`, { minutesSavedPerMonth: 120 }, jury); // best effort: only fills the impact page
    const request = await apiCall(server, 'POST', '/api/requests', { title: `${LONG}を教えてください`, body: '困っています' }, jury);
    expect(request.status).toBe(201);
    ids.request = request.json.id;
    // One DX award round published (results, showcase, badges) and one still being scored (judge page).
    const criteria = [{ key: 'c1', label: '効果', weight: 3 }, { key: 'c2', label: '汎用性', weight: 2 }, { key: 'c3', label: '独自性', weight: 1 }];
    for (const phase of ['published', 'scoring'] as const) {
      const round = await apiCall(server, 'POST', '/api/awards', { title: `令和8年度 DX賞（${phase}）`, categories: ['業務改善部門'], criteria, judges: ['jury'] }, admin);
      expect(round.status).toBe(201);
      ids[phase] = round.json.id;
      const n1 = await apiCall(server, 'POST', `/api/awards/${round.json.id}/nominations`, { postId: ids.tip, category: '業務改善部門', statement: '月20時間の削減' }, jury);
      const n2 = await apiCall(server, 'POST', `/api/awards/${round.json.id}/nominations`, { postId: ids.other, category: '業務改善部門', statement: '便利' }, member);
      expect([n1.status, n2.status]).toEqual([201, 201]);
      await apiCall(server, 'POST', `/api/awards/${round.json.id}/phase`, { phase: 'scoring' }, admin);
      if (phase === 'scoring') continue;
      for (const n of [n1, n2]) {
        await apiCall(server, 'PUT', `/api/awards/${round.json.id}/nominations/${n.json.id}/score`, { scores: { c1: 4, c2: 3, c3: 5 }, comment: 'よい' }, jury);
      }
      await apiCall(server, 'POST', `/api/awards/${round.json.id}/phase`, { phase: 'closed' }, admin);
      const pub = await apiCall(server, 'POST', `/api/awards/${round.json.id}/publish`, { winners: [{ nominationId: n1.json.id, prize: '最優秀賞' }] }, admin);
      expect(pub.status).toBe(200);
    }
    expect(await apiLogin(server, 'jury')).toContain('kotsu_sid');
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  const memberPages = () => [
    '/', `/tips/${ids.tip}`, `/tips/${ids.tip}/edit`, `/tips/${ids.tip}/history`, '/new', '/drafts', '/requests', `/requests/${ids.request}`,
    '/tags/Excel', '/users/member', '/search?q=Excel', '/notifications', '/awards', `/awards/${ids.published}`,
    `/awards/${ids.published}/results`, '/showcase', '/rankings', '/bookmarks', '/my-tips', '/impact', '/no/such/page',
  ];
  const pagesFor: Record<string, () => string[]> = {
    member: memberPages,
    moderator: () => ['/', `/tips/${ids.tip}`, '/admin/moderation', '/admin/moderation?tab=resolved', '/admin/moderation?tab=tags'],
    admin: () => ['/', `/tips/${ids.tip}`, '/admin/users', '/admin/audit', '/admin/templates', '/admin/awards', `/awards/${ids.published}/results`,
      `/awards/${ids.scoring}`, `/awards/${ids.scoring}/results`],
    jury: () => [`/awards/${ids.scoring}`, `/awards/${ids.scoring}/judge`, `/awards/${ids.scoring}/results`, `/tips/${ids.tip}`, '/my-tips', '/impact'],
  };
  const PRIMARY = ['ホーム', '教えて', 'ランキング', 'DX賞', '効果'];

  /** Opens an address inside the running app (as its links do) and waits until the page has its data. */
  async function settle(page: Page, path: string): Promise<void> {
    await page.evaluate((to) => {
      history.pushState(null, '', to);
      window.dispatchEvent(new CustomEvent('kotsu-navigate'));
    }, path);
    await expect.poll(() => page.locator('main h1').count(), { message: `h1 on ${path}` }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('main').getByText('読み込み中…', { exact: true }).count(), { message: `loading on ${path}` }).toBe(0);
    await quiet(page);
  }

  /** No request in flight for 300 ms. */
  async function quiet(page: Page): Promise<void> {
    const pending = (page as Page & { pending?: Set<unknown> }).pending!;
    let calm = 0;
    while (calm < 3) {
      await page.waitForTimeout(100);
      calm = pending.size === 0 ? calm + 1 : 0;
    }
  }

  async function rolePage(role: string): Promise<Page> {
    const context = await newContext(browser, server, { width: 360 });
    contexts.push(context);
    const page = await context.newPage();
    const pending = new Set<unknown>();
    page.on('request', (r) => pending.add(r));
    page.on('requestfinished', (r) => pending.delete(r));
    page.on('requestfailed', (r) => pending.delete(r));
    (page as Page & { pending?: Set<unknown> }).pending = pending;
    await page.setViewportSize({ width: 360, height: 740 });
    await uiLogin(page, role);
    return page;
  }

  for (const role of Object.keys(pagesFor)) {
    it(`as ${role}: no page scrolls sideways at 360 or 414 px, the main destinations are visible, aria is sound`, async () => {
      const page = await rolePage(role);
      const problems: string[] = [];
      for (const width of [360, 414]) {
        await page.setViewportSize({ width, height: 740 });
        for (const path of pagesFor[role]()) {
          await settle(page, path);
          const where = `${role} ${path} @${width}`;
          const sideways = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
          if (sideways > 0) problems.push(`${where}: scrolls sideways by ${sideways}px: ${(await overflowCulprits(page)).join(' > ')}`);
          const visible = await page.evaluate((labels) => {
            const nav = document.querySelector('kotsu-app')!.shadowRoot!.querySelector('nav.primary');
            return labels.filter((label) => [...(nav?.querySelectorAll('a') ?? [])].some((a) => {
              const b = a.getBoundingClientRect();
              return a.textContent === label && b.width > 0 && b.left >= 0 && b.right <= window.innerWidth && getComputedStyle(a).visibility === 'visible';
            }));
          }, PRIMARY);
          if (visible.length !== PRIMARY.length) problems.push(`${where}: main links visible: ${visible.join(',')}`);
          problems.push(...(await ariaControlsProblems(page)).map((p) => `${where}: ${p}`));
          problems.push(...(await squeezedTextProblems(page)).map((p) => `${where}: squeezed: ${p}`));
          if (width === 360) problems.push(...(await landmarkAndScrollProblems(page)).map((p) => `${where}: ${p}`));
        }
        // The header takes at most a fifth of a phone screen (740 px tall here: 148 px).
        const header = (await page.locator('kotsu-app header').boundingBox())!;
        if (header.height > 148) problems.push(`${role} @${width}: header is ${header.height}px tall`);
        // The user menu opens wholly inside the viewport and offers logout.
        await settle(page, '/');
        await page.locator('kotsu-user-menu button.toggle').click();
        const menu = page.locator('kotsu-user-menu #menu');
        await expect.poll(() => menu.isVisible()).toBe(true);
        const box = (await menu.boundingBox())!;
        if (box.x < 0 || box.x + box.width > width) problems.push(`${role} @${width}: user menu spans ${box.x}..${box.x + box.width}`);
        expect(await menu.getByRole('button', { name: 'ログアウト' }).isVisible()).toBe(true);
        problems.push(...(await ariaControlsProblems(page)).map((p) => `${role} @${width} open menu: ${p}`));
        const sideways = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
        if (sideways > 0) problems.push(`${role} @${width}: open user menu scrolls sideways by ${sideways}px: ${(await overflowCulprits(page)).join(' > ')}`);
        await page.keyboard.press('Escape');
      }
      expect(problems).toEqual([]);
    }, 600_000);
  }

  it('the main navigation marks the current page and leads to each destination at 360 px', async () => {
    const page = await rolePage('member');
    const nav = page.getByRole('navigation', { name: 'メインメニュー' });
    for (const [label, path] of [['教えて', '/requests'], ['ランキング', '/rankings'], ['DX賞', '/awards'], ['効果', '/impact'], ['ホーム', '/']]) {
      await nav.getByRole('link', { name: label, exact: true }).click();
      await page.waitForURL((u) => u.pathname === path);
      await expect.poll(() => nav.locator('a[aria-current="page"]').textContent()).toBe(label);
    }
    // Writing a tip is one tap away on a phone too.
    await page.getByRole('link', { name: '＋ 書く' }).click();
    await page.waitForURL('**/new');
  });
});
