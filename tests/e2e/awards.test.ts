import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall, createUser, expectAccessible, externalRequests, launchBrowser, setupAdmin, startServer, type TestServer, signedInPage, pageCookie,
} from './harness';

/**
 * One whole DX賞 round from issue 7: an administrator opens it, a member nominates a tip from
 * its page and reports "使ってみた", two judges score (one of them wrote another nominee, which
 * they may not score), the administrator closes scoring and publishes the winner, whose badge
 * then shows in search results and on the showcase; the impact dashboard draws its charts and
 * hands out a CSV that Excel opens (BOM).
 */
describe('DX award round and impact', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let member: Page;
  let roundId = 0;
  let winnerId = 0;
  let judgeTipId = 0;
  const ROUND = '令和8年度 DX賞';
  const WINNER = 'RPAで課税台帳の照合を自動化';
  const JUDGE_TIP = 'Power Queryで出勤簿を集計';

  const pageFor = (username: string, width?: number): Promise<Page> => signedInPage(browser, server, contexts, username, width);

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const adminCookie = await setupAdmin(server);
    const authorCookie = await createUser(server, adminCookie, 'sato', { displayName: '佐藤 花子', department: '税務課' });
    await createUser(server, adminCookie, 'yamada', { displayName: '山田 太郎', department: '土木部' });
    await createUser(server, adminCookie, 'judge1', { displayName: '審査 一郎', department: 'デジタル戦略局' });
    const judge2Cookie = await createUser(server, adminCookie, 'judge2', { displayName: '審査 二郎', department: '人事課' });
    const winner = await apiCall(server, 'POST', '/api/posts',
      { title: WINNER, body: '## 手順\nRPA で照合します。', tags: ['RPA'], minutesSavedPerUse: 30 }, authorCookie);
    expect(winner.status).toBe(201);
    winnerId = winner.json.id;
    const judgeTip = await apiCall(server, 'POST', '/api/posts', { title: JUDGE_TIP, body: '集計の手順', tags: ['Excel'] }, judge2Cookie);
    judgeTipId = judgeTip.json.id;
  });

  afterAll(async () => {
    for (const c of contexts) expect(externalRequests(c)).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('an administrator opens a round with categories, weighted criteria and two judges', async () => {
    admin = await pageFor('admin');
    await admin.goto('/admin/awards');
    await expect.poll(() => admin.getByRole('heading', { level: 1 }).textContent()).toBe('DX賞の管理');
    await admin.getByLabel('回の名前').fill(ROUND);
    expect(await admin.getByLabel('部門（1行に1つ）').inputValue()).toBe('事業部門\n業務改善部門');
    expect(await admin.getByLabel('基準 1', { exact: true }).inputValue()).toBe('効果');
    // Judges are picked as people: found by department or by name, never typed as login names.
    const picker = admin.getByRole('combobox', { name: '審査員（氏名・所属で検索して追加）' });
    await picker.fill('デジタル戦略');
    await expect.poll(() => admin.getByRole('option').count()).toBe(1);
    await picker.press('Enter');
    await picker.fill('二郎');
    await admin.getByRole('option', { name: /審査 二郎/ }).click();
    expect(await admin.getByRole('list', { name: '選んだ職員' }).textContent()).toMatch(/審査 一郎.*審査 二郎/s);
    await expectAccessible(admin, '/admin/awards');
    await admin.getByRole('button', { name: '推薦の受付を始める' }).click();
    await expect.poll(() => admin.locator('kotsu-awards-admin-page [role="status"]').textContent()).toContain(`「${ROUND}」の推薦受付を始めました。`);
    const round = admin.locator('li.card', { hasText: ROUND });
    expect(await round.locator('[aria-current="step"]').textContent()).toBe('推薦受付中');
    const rounds = await admin.evaluate(async () => (await fetch('/api/awards')).json());
    roundId = rounds.items[0].id;
    expect(rounds.items[0]).toMatchObject({ judges: ['judge1', 'judge2'], criteria: [{ label: '効果', weight: 3 }, { label: '汎用性', weight: 2 }, { label: '独自性', weight: 1 }] });
  });

  it('a member nominates a colleague\'s tip from its page and reports "使ってみた"', async () => {
    member = await pageFor('yamada');
    await member.goto(`/tips/${winnerId}`);
    await expect.poll(() => member.getByRole('heading', { level: 1 }).textContent()).toBe(WINNER);
    await member.getByRole('button', { name: 'DX賞に推薦' }).click();
    const dialog = member.getByRole('dialog', { name: 'このコツをDX賞に推薦する' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('部門').selectOption('業務改善部門');
    await dialog.getByLabel('推薦理由・効果').fill('課税台帳の照合が月20時間から2時間になりました。');
    await expectAccessible(member, 'nomination dialog');
    await dialog.getByRole('button', { name: '推薦する' }).click();
    await expect.poll(() => member.getByText(`「${ROUND}」業務改善部門に推薦されています`).count()).toBe(1);
    // Nominated once per round: the action is gone.
    expect(await member.getByRole('button', { name: 'DX賞に推薦' }).count()).toBe(0);

    await member.getByRole('button', { name: '使ってみた' }).click();
    const adopt = member.getByRole('dialog', { name: '使ってみた' });
    // One unit (issue 18): uses a month × minutes per use, the author's estimate (30) prefilled.
    expect(await adopt.getByLabel('1回あたりの削減時間（分/回）').inputValue()).toBe('30');
    await adopt.getByLabel('使う回数（回/月）').fill('4');
    await expect.poll(() => adopt.locator('.derived').textContent()).toContain('120 分/月（2 時間/月）');
    await adopt.getByLabel('ひとこと（任意）').fill('土木部の台帳でも使えました');
    await adopt.getByRole('button', { name: '報告する' }).click();
    await expect.poll(() => member.locator('kotsu-tip-impact .adoption-count').textContent()).toBe('1 件');
    expect(await member.locator('kotsu-tip-impact section').textContent()).toContain('投稿者の見積もり: 1回あたり約 30 分（分/回）');
    expect(await member.locator('kotsu-tip-impact .mine').textContent()).toContain('月 4 回 × 30 分 = 120 分/月');
    await expectAccessible(member, 'tip page with nomination and impact');

    // The judge's own tip is nominated too (by the API), so the conflict-of-interest rule shows.
    const cookie = await pageCookie(member);
    const n = await apiCall(server, 'POST', `/api/awards/${roundId}/nominations`, { postId: judgeTipId, category: '事業部門', statement: '出勤簿の集計が早くなった' }, cookie);
    expect(n.status).toBe(201);
  });

  it('the administrator closes nominations and starts scoring', async () => {
    await admin.goto('/admin/awards');
    const round = admin.locator('li.card', { hasText: ROUND });
    await round.getByRole('button', { name: '推薦を締め切り審査を始める' }).click();
    const ask = admin.getByRole('dialog', { name: '推薦を締め切り審査を始める' });
    await expect.poll(() => ask.textContent()).toContain('元には戻せません');
    await ask.getByRole('button', { name: '推薦を締め切り審査を始める' }).click();
    await expect.poll(() => round.locator('[aria-current="step"]').textContent()).toBe('審査中');
    await expect.poll(() => round.locator('table').textContent()).toContain('審査 一郎');
  });

  it('judge 1 scores both nominations, moving on with one key press per nomination', async () => {
    const judge = await pageFor('judge1');
    await judge.goto(`/awards/${roundId}/judge`);
    await expect.poll(() => judge.getByText('採点済み 0 / 2 件（残り 2 件）').count()).toBe(1);
    await expectAccessible(judge, 'judge page');
    for (const [title, points] of [[WINNER, ['5', '4', '4']], [JUDGE_TIP, ['3', '3', '2']]] as const) {
      await expect.poll(() => judge.locator('#current-title').textContent()).toBe(title);
      const sets = judge.locator('#current fieldset');
      for (let i = 0; i < 3; i++) await sets.nth(i).getByLabel(points[i], { exact: true }).check();
      await judge.getByLabel('講評（任意）').fill(`${title} の講評`);
      await judge.getByRole('button', { name: '保存して次の未採点へ' }).press('Enter');
      await expect.poll(() => judge.locator('kotsu-award-judge-page [role="status"]').textContent()).toMatch(/保存しました|すべての採点が終わりました/);
    }
    await expect.poll(() => judge.getByText('採点済み 2 / 2 件（残り 0 件）').count()).toBe(1);
    // Quick navigation back shows the saved score.
    await judge.getByRole('button', { name: '← 前へ' }).click();
    expect(await judge.locator('#current fieldset').first().getByLabel('5', { exact: true }).isChecked()).toBe(true);
    expect(new URL(judge.url()).searchParams.get('n')).not.toBeNull();
  });

  it('judge 2 cannot score their own tip, which does not count in their progress', async () => {
    const judge = await pageFor('judge2');
    await judge.goto(`/awards/${roundId}/judge`);
    await expect.poll(() => judge.getByText('採点済み 0 / 1 件（残り 1 件）').count()).toBe(1);
    expect(await judge.getByText('ご自身のコツ 1 件は採点の対象外です。').count()).toBe(1);
    await expect.poll(() => judge.locator('#current-title').textContent()).toBe(WINNER);
    const sets = judge.locator('#current fieldset');
    for (let i = 0; i < 3; i++) await sets.nth(i).getByLabel('4', { exact: true }).check();
    await judge.getByRole('button', { name: '保存して次の未採点へ' }).click();
    await expect.poll(() => judge.getByText('採点済み 1 / 1 件（残り 0 件）').count()).toBe(1);
    await judge.getByRole('navigation', { name: '推薦一覧' }).getByRole('button', { name: new RegExp(JUDGE_TIP) }).click();
    await expect.poll(() => judge.getByText('ご自身が書いたコツのため採点できません。').count()).toBe(1);
    expect(await judge.locator('#current fieldset').count()).toBe(0);
  });

  it('while scoring is open nobody sees results, not even judges or the administrator', async () => {
    for (const page of [member, admin, await pageFor('judge1')]) {
      await page.goto(`/awards/${roundId}/results`);
      await expect.poll(() => page.getByText(/誰も結果や順位を見られません/).count()).toBe(1);
      expect(await page.locator('kotsu-award-results-page table').count()).toBe(0);
    }
  });

  it('the administrator closes scoring, reads the ranking and publishes the winner', async () => {
    await admin.goto('/admin/awards');
    const round = admin.locator('li.card', { hasText: ROUND });
    await round.getByRole('button', { name: '審査を締め切る' }).click();
    await admin.getByRole('dialog', { name: '審査を締め切る' }).getByRole('button', { name: '審査を締め切る' }).click();
    await expect.poll(() => round.locator('[aria-current="step"]').textContent()).toBe('審査終了');
    await round.getByRole('link', { name: '受賞を決めて発表する' }).click();
    await admin.waitForURL(`**/awards/${roundId}/results`);
    // Grouped by category, in the round's order: 事業部門 (judge2's tip), then 業務改善部門 (the winner).
    await expect.poll(() => admin.locator('kotsu-award-results-page h2').allTextContents()).toEqual(['事業部門', '業務改善部門']);
    const improvement = admin.locator('section', { has: admin.getByRole('heading', { name: '業務改善部門' }) });
    const business = admin.locator('section', { has: admin.getByRole('heading', { name: '事業部門' }) });
    const row = improvement.locator('tbody tr');
    // Winner: judge1 (3·5+2·4+1·4)/6 = 4.5 and judge2 4 → 4.25 from 2 judges; judge2's own tip: judge1 only.
    expect(await row.textContent()).toContain(WINNER);
    expect(await row.locator('td').nth(2).textContent()).toBe('4.25');
    expect(await row.locator('td').nth(3).textContent()).toBe('2');
    expect(await business.locator('tbody tr td').nth(3).textContent()).toBe('1');
    await expectAccessible(admin, 'results before publication');
    // judge2 deliberates too, but never sees the score of the tip they wrote.
    const judge2 = await pageFor('judge2');
    await judge2.goto(`/awards/${roundId}/results`);
    const own = judge2.locator('section', { has: judge2.getByRole('heading', { name: '事業部門' }) }).locator('tbody tr');
    await expect.poll(() => own.textContent()).toContain(JUDGE_TIP);
    expect(await own.locator('td').nth(2).textContent()).toBe('—');
    await admin.getByLabel(`「${WINNER}」の賞`).fill('最優秀賞');
    expect(await admin.getByRole('radio', { name: '受賞作のみ（点数と順位は公開しない）' }).isChecked()).toBe(true);
    await admin.getByRole('button', { name: '受賞を発表する' }).click();
    const publish = admin.getByRole('dialog', { name: '受賞を発表しますか？' });
    await expect.poll(() => publish.textContent()).toContain('受賞作のみ（点数と順位は公開しない）');
    await publish.getByRole('button', { name: '受賞を発表する' }).click();
    await expect.poll(() => admin.locator('kotsu-award-results-page [role="status"]').textContent()).toContain('受賞を発表しました');
    await expect.poll(() => row.textContent()).toContain('最優秀賞');
  });

  it('members see only the winners, grouped by category, without scores', async () => {
    await member.goto(`/awards/${roundId}/results`);
    await expect.poll(() => member.getByText('この回は受賞作のみを公開しています。').count()).toBe(1);
    expect(await member.locator('kotsu-award-results-page h2').allTextContents()).toEqual(['業務改善部門']);
    const text = await member.locator('kotsu-award-results-page table').textContent();
    expect(text).toContain(WINNER);
    expect(text).toContain('最優秀賞');
    expect(text).not.toContain(JUDGE_TIP);
    expect(text).not.toContain('4.25');
  });

  it('the winner carries its badge in search results, on its page, and on the showcase', async () => {
    await member.goto(`/search?q=${encodeURIComponent('RPA')}`);
    const hit = member.locator('kotsu-search-page ol.results > li', { hasText: WINNER }).first();
    await expect.poll(() => hit.locator('kotsu-award-badges ul').textContent()).toContain(`${ROUND} 最優秀賞`);
    await expectAccessible(member, 'search results with an award badge');
    const cookie = await pageCookie(member);
    const search = await apiCall(server, 'GET', `/api/search?q=${encodeURIComponent('RPA')}`, undefined, cookie);
    expect(search.json.items.find((i: { id: number }) => i.id === winnerId).awards).toEqual([{ roundId, roundTitle: ROUND, prize: '最優秀賞' }]);

    await member.goto(`/tips/${winnerId}`);
    await expect.poll(() => member.locator('kotsu-tip-awards kotsu-award-badges ul').textContent()).toContain('最優秀賞');
    // The badge also sits right under the title, where a reader looks first.
    expect(await member.locator('kotsu-tip-page .title-awards kotsu-award-badges ul').textContent()).toContain(`${ROUND} 最優秀賞`);
    await member.goto('/showcase');
    const card = member.locator('li.card', { hasText: WINNER });
    await expect.poll(() => card.count()).toBe(1);
    const text = await card.textContent();
    expect(text).toContain('最優秀賞');
    expect(text).toContain('税務課');
    expect(text).toContain('使ってみた報告 1 件');
    expect(text).toContain('削減 2 時間/月');
    expect(await member.getByRole('heading', { name: '業務改善部門' }).count()).toBe(1);
    await expectAccessible(member, '/showcase');
  });

  it('the impact dashboard draws its charts and downloads a CSV that Excel opens', async () => {
    const narrow = await pageFor('yamada', 360);
    await narrow.goto('/impact');
    await expect.poll(() => narrow.locator('.total-adoptions').textContent()).toBe('1');
    expect(await narrow.locator('.total-hours').textContent()).toBe('2 時間');
    expect(await narrow.locator('kotsu-bar-chart svg[role="img"] rect').count()).toBe(1);
    // The bar chart is drawn at the phone's own width: its labels keep a readable size (a fixed
    // 640-wide drawing scaled to 360 px put them at about 6 px).
    const labelPx = await narrow.locator('kotsu-bar-chart text.label').first().evaluate((el) => el.getBoundingClientRect().height);
    expect(labelPx).toBeGreaterThanOrEqual(10);
    // Every chart is drawn at its own width (chart-svg.ts), the month chart's axis labels too.
    const axisPx = await narrow.locator('kotsu-month-chart text.axis').first().evaluate((el) => el.getBoundingClientRect().height);
    expect(axisPx).toBeGreaterThanOrEqual(9);
    expect(await narrow.locator('kotsu-month-chart svg[role="img"] polyline').count()).toBe(1);
    expect(await narrow.locator('table', { hasText: '土木部' }).count()).toBeGreaterThan(0);
    await expectAccessible(narrow, '/impact at 360 px');
    const [download] = await Promise.all([
      narrow.waitForEvent('download'),
      narrow.getByRole('link', { name: 'コツ別 CSV' }).click(),
    ]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8').slice(1)) as string[][];
    expect(rows[1].slice(1, 6)).toEqual([WINNER, '佐藤 花子', '税務課', '1', '120']);
    expect(rows[1][8]).toBe(`${ROUND} 最優秀賞`);
    expect(download.suggestedFilename()).toMatch(/^kotsu-impact-posts-all-.*\.csv$/);
  });
});
