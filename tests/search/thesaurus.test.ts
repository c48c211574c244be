import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import data from '../../server/search/data/edict-thesaurus.json';
import { alternativesOf } from '../../server/search/lexicon';
import { normalize } from '../../server/search/normalize';
import { parseQuery } from '../../server/search/query';
import { neighboursOf } from '../../server/search/thesaurus';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

// The second synonym resource (issue 19, third round): neighbours derived from EDICT at build time
// (scripts/derive-thesaurus.ts), used in the wide tier only.

describe('the derived table (server/search/data/edict-thesaurus.json)', () => {
  const table = data as Record<string, string>;

  test('is a compact table of normalized words, at most six neighbours each, never the word itself', () => {
    const keys = Object.keys(table);
    expect(keys.length).toBeGreaterThan(5000);
    for (const [k, v] of Object.entries(table)) {
      const ns = v.split(' ');
      expect(ns.length, k).toBeLessThanOrEqual(6);
      expect(ns, k).not.toContain(k);
      for (const w of [k, ...ns]) expect(w, k).toMatch(/^[^\s]+$/u);
      // A word without conjugating kana is stored as normalize.ts folds it (ユーザー → ユーザ).
      if (!/\p{sc=Hiragana}/u.test(k)) expect(normalize(k), k).toBe(k);
    }
  });

  test('a verb is looked up by its longest keyed beginning: 見つけたい is 見つける, not 見る', () => {
    const found = neighboursOf('見つけたい');
    expect(found).toContain('発見');
    expect(found).toEqual(neighboursOf('見つけ'));
    expect(neighboursOf('見')).not.toEqual(found);
    // A noun is looked up whole, never by a shorter beginning.
    expect(neighboursOf('裏表紙')).toEqual([]);
  });

  test('the neighbours reach the query only as wide-tier synonyms, after the Sudachi ones', () => {
    const [t] = parseQuery('裏表 ').must;
    const alternatives = (t.alternatives ?? []).map((a) => a.join(''));
    expect(alternatives).not.toContain('両面');
    expect((t.synonyms ?? []).length).toBeLessThanOrEqual(12);
    expect(t.highlights).toContain('両面');
  });
});

describe('search through the derived neighbours (service.ts wide tier)', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.close(); });

  async function find(q: string) {
    const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: { id: number }[]; relaxed: boolean };
  }

  test('a paraphrase finds the tip only the new resource links (裏表 → 両面), after tips with the word as typed', async () => {
    // The Sudachi dictionary does not link them: the path is EDICT's.
    expect(alternativesOf('裏表')?.synonyms ?? []).not.toContain('両面');
    expect(neighboursOf('裏表')).toContain('両面');
    // b says 両面 and 印刷 often (BM25 would favour it), a says 裏表 once.
    const a = await postTip(t, t.admin, { title: '用紙の裏表を間違えずに印刷する', body: '給紙トレイの向きを確かめます。', tags: ['プリンタ'] });
    const b = await postTip(t, t.admin, { title: '両面印刷で用紙を節約する', body: '両面印刷は、印刷画面で両面を選び、印刷します。', tags: ['印刷'] });
    await postTip(t, t.admin, { title: 'カラー印刷の申請', body: '白黒で足りる資料はカラーで印刷しません。', tags: ['印刷'] });
    const r = await find('裏表 印刷 ');
    expect(r.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(r.total).toBe(2);
    expect(r.relaxed).toBe(false);
    // Without the tip that has the word as typed, the paraphrase still finds b.
    setPostStatus(t.app.ctx, a.id, 'hidden', 'spam');
    expect((await find('裏表 印刷 ')).items.map((i) => i.id)).toEqual([b.id]);
  });

  test('hidden and draft tips are never found through a neighbour', async () => {
    const shown = await postTip(t, t.admin, { title: '両面印刷の設定', body: 'プロパティで両面を選びます。', tags: [] });
    const hidden = await postTip(t, t.admin, { title: '両面印刷で紙を減らす', body: '両面で印刷します。', tags: [] });
    setPostStatus(t.app.ctx, hidden.id, 'hidden', 'spam');
    const draft = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: '両面印刷の下書き', body: '両面で印刷', tags: [], status: 'draft' } });
    expect(draft.statusCode, draft.body).toBeLessThan(300);
    const r = await find('裏表 印刷 ');
    expect(r.items.map((i) => i.id)).toEqual([shown.id]);
    expect(r.total).toBe(1);
  });

  test('a compound of three or more kanji also matches its first and last two kanji, after the compound itself', async () => {
    const whole = await postTip(t, t.admin, { title: '休暇届の様式', body: '様式は共有フォルダにあります。', tags: [] });
    const part = await postTip(t, t.admin, { title: '年次休暇を申請する', body: '休暇の種類を選び、休暇を申請します。', tags: [] });
    await postTip(t, t.admin, { title: '出張の届出', body: '旅行命令を受けます。', tags: [] });
    const r = await find('休暇届 ');
    expect(r.items.map((i) => i.id)).toEqual([whole.id, part.id]);
  });
});
