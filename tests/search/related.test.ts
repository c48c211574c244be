import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

async function seed() {
  const pivot = await postTip(t, t.admin, { title: 'ピボットテーブルで課ごとの件数を集計する', body: '行に課名、値に件数を置きます。', tags: ['Excel', '集計'] });
  const slicer = await postTip(t, t.admin, { title: 'ピボットテーブルのスライサーで年度を切り替える', body: 'スライサーの挿入から年度を選びます。', tags: ['Excel'] });
  const chart = await postTip(t, t.admin, { title: 'ピボットグラフで推移を見せる', body: 'ピボットテーブルからグラフを作ります。', tags: ['Excel', 'グラフ'] });
  const print = await postTip(t, t.admin, { title: '印刷範囲を設定して1枚に収める', body: 'ページレイアウトから設定します。', tags: ['Excel', '印刷'] });
  const mail = await postTip(t, t.admin, { title: 'Outlookの署名を設定する', body: '所属と内線番号を入れます。', tags: ['Outlook'] });
  return { pivot: pivot.id as number, slicer: slicer.id as number, chart: chart.id as number, print: print.id as number, mail: mail.id as number };
}

const get = (url: string) => t.as(t.admin, { method: 'GET', url });

describe('GET /api/search/related', () => {
  test('a katakana compound relates to a tip on one of its parts; words only the tip itself has do not crowd out shared ones', async () => {
    // The tip's rarest words (課別, 月別, 超過勤務) are its own; ピボットテーブル is in no other tip,
    // but its part ピボット is.
    const own = await postTip(t, t.admin, { title: 'ピボットテーブルで課別・月別の超過勤務時間を集計する', body: '実績一覧から作ります。', tags: ['Excel'] });
    const slicer = await postTip(t, t.admin, { title: 'ピボットのスライサーで年度を切り替える', body: 'スライサーを挿入します。', tags: ['Excel'] });
    for (let i = 0; i < 8; i++) await postTip(t, t.admin, { title: `Excelの別の話題 ${i}`, body: '書式を整えます。', tags: ['Excel'] });
    const ids = (await get(`/api/search/related?id=${own.id}`)).json().items.map((i: { id: number }) => i.id);
    expect(ids).toContain(slicer.id);
  });

  test('tips sharing the rare words of a tip come first; never the tip itself; hidden and draft tips never', async () => {
    const s = await seed();
    const res = await get(`/api/search/related?id=${s.pivot}`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json().items as { id: number }[]).map((i) => i.id);
    expect(ids.slice(0, 2).sort()).toEqual([s.slicer, s.chart].sort());
    expect(ids).not.toContain(s.pivot);
    expect(ids).not.toContain(s.mail);
    expect(ids.length).toBeLessThanOrEqual(5);

    setPostStatus(t.app.ctx, s.slicer, 'hidden', 'spam');
    const after = (await get(`/api/search/related?id=${s.pivot}`)).json().items.map((i: { id: number }) => i.id);
    expect(after).not.toContain(s.slicer);
    expect(after).toContain(s.chart);
    const draft = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: 'ピボットテーブルの下書き', body: '下書き', tags: [], status: 'draft' } });
    expect(draft.statusCode, draft.body).toBeLessThan(300);
    const items = (await get(`/api/search/related?id=${s.pivot}`)).json().items.map((i: { id: number }) => i.id);
    expect(items).not.toContain(draft.json().id);
    // The author's own draft has no related tips of its own (not published), but is readable.
    const own = await get(`/api/search/related?id=${draft.json().id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toEqual([]);
  });

  test('at most five, a hidden tip is not found for a member, bad ids are 400, login required', async () => {
    const s = await seed();
    for (let i = 0; i < 8; i++) await postTip(t, t.admin, { title: `ピボットテーブルの使い方 ${i}`, body: 'ピボットテーブル', tags: ['Excel'] });
    expect((await get(`/api/search/related?id=${s.pivot}`)).json().items).toHaveLength(5);
    setPostStatus(t.app.ctx, s.mail, 'hidden', 'spam');
    const member = await t.user('member1');
    expect((await t.as(member, { method: 'GET', url: `/api/search/related?id=${s.mail}` })).statusCode).toBe(404);
    expect((await get('/api/search/related?id=999999')).statusCode).toBe(404);
    const bad = await get('/api/search/related?id=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBeTypeOf('string');
    expect((await t.app.inject({ method: 'GET', url: `/api/search/related?id=${s.pivot}` })).statusCode).toBe(401);
  });
});

describe('GET /api/search/similar', () => {
  test('a title being typed finds the tips it may duplicate, whatever its spelling', async () => {
    const s = await seed();
    const typed = async (q: string) => ((await get(`/api/search/similar?q=${encodeURIComponent(q)}`)).json().items as { id: number }[]).map((i) => i.id);
    expect((await typed('ぴぼっとてーぶるで年度ごとに切り替えたい'))[0]).toBe(s.slicer);
    expect(await typed('ピボット・テーブルの作り方')).toContain(s.pivot);
    expect((await typed('Outlook 署名の入れ方'))[0]).toBe(s.mail);
    expect(await typed('ドローンの操縦')).toEqual([]);
    // The last word half typed (as the title is typed, key by key): completed as the search box does.
    expect((await typed('Outl'))[0]).toBe(s.mail);
    expect((await typed('署名を Outlo'))[0]).toBe(s.mail);
    expect(await typed('   ')).toEqual([]);
    expect((await get(`/api/search/similar?q=${'あ'.repeat(201)}`)).statusCode).toBe(400);
  });

  test('like suggest (both answer as the reader types), no q or a blank one is nothing typed yet: 200, empty', async () => {
    await seed();
    for (const query of ['', '?q=', '?q=%20%E3%80%80']) {
      const similar = await get(`/api/search/similar${query}`);
      expect(similar.statusCode, `similar${query}: ${similar.body}`).toBe(200);
      expect(similar.json()).toEqual({ items: [] });
      const suggest = await get(`/api/search/suggest${query}`);
      expect(suggest.statusCode, `suggest${query}: ${suggest.body}`).toBe(200);
      expect(suggest.json()).toEqual({ posts: [], tags: [] });
    }
  });
});
