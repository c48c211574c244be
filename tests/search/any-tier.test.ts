/**
 * The loosest tier (a sentence of four words or more answered by any of its words, service.ts
 * anyFilter) against the tiers and paths around it: the typo correction, which must still replace
 * a mistyped word when the corrected query finds tips with all its words but one.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseQuery, toMatch } from '../../server/search/query';
import { search } from '../../server/search/service';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

interface Found {
  total: number; relaxed: boolean; correctedTo: string | null; didYouMean: string | null;
  items: { id: number; missing?: string }[];
}
async function find(q: string, extra = ''): Promise<Found> {
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Found;
}

describe('a mistyped word in a sentence of four words or more', () => {
  test('corrected when the corrected sentence has tips with all its words but one (not answered by any word as typed)', async () => {
    // Each tip holds a Latin name and two of the sentence's Japanese words; no tip holds three of
    // the words as typed (the name is mistyped), so as typed only the loosest tier answers.
    const cases = [
      { name: 'VLOOKUP', typo: 'VLOKUP', words: ['名簿', '非表示'], other: '集計' },
      { name: 'SUMIFS', typo: 'SUMIFFS', words: ['予算', '合計'], other: '会議室' },
      { name: 'OneDrive', typo: 'OneDrvie', words: ['共有', '権限'], other: '印刷' },
    ];
    const tips = [];
    for (const c of cases) {
      tips.push(await postTip(t, t.admin, { title: `${c.name}で${c.words[0]}を${c.words[1]}にする`, body: '手順です。', tags: ['Excel'] }));
    }
    // The sentence's other words each in a tip of their own.
    for (const c of cases) await postTip(t, t.admin, { title: `${c.other}の使い方`, body: '説明です。', tags: ['総務'] });
    for (const [i, c] of cases.entries()) {
      for (const order of [[c.typo, c.other, ...c.words], [...c.words, c.other, c.typo]]) {
        const q = `${order.join(' ')} `;
        const r = await find(q);
        expect(r.correctedTo, q).toBe(order.map((w) => (w === c.typo ? c.name : w)).join(' '));
        expect(r.relaxed, q).toBe(true);
        expect(r.items.map((x) => x.id), q).toEqual([tips[i].id]);
        expect(r.items[0].missing, q).toBe(c.other);
        // Asked as typed (exact), the sentence is answered by any of its words, and the correction is offered.
        const exact = await find(q, '&exact=true');
        expect(exact.correctedTo, q).toBeNull();
        expect(exact.didYouMean, q).toBe(r.correctedTo);
      }
    }
  });
});

describe('the cost of a sentence that falls to the looser tiers', () => {
  test('whether a word is held (the typo correction asks it of each word) is one probe: no page of it counted or ranked', async () => {
    const user = await t.user('tanaka');
    await postTip(t, user, { title: '予算要求の資料を作る', body: '前年度の表を複写します。', tags: ['財政'] });
    await postTip(t, user, { title: '名簿を五十音順に並べる', body: 'ふりがなの列で並べ替えます。', tags: ['Excel'] });
    await postTip(t, t.admin, { title: '会議室の予約', body: '庁内の予約システムから。', tags: ['総務'] });
    const store = t.app.ctx.search.store;
    const asked: string[] = [];
    const [topPage, page] = [store.topPage.bind(store), store.page.bind(store)];
    const spies = [
      vi.spyOn(store, 'topPage').mockImplementation((f) => { asked.push(f.match ?? ''); return topPage(f); }),
      vi.spyOn(store, 'page').mockImplementation((f) => { asked.push(f.match ?? ''); return page(f); }),
    ];
    try {
      for (const filter of [{}, { author: 'tanaka' }, { tag: ['Excel'] }]) {
        for (const q of ['予算 名簿 会議室 稟議 ', '予算 名簿 ギガガゴ 会議室 ザジズゼ ']) {
          asked.length = 0;
          const r = search(t.app.ctx, { q, ...filter });
          expect(r.relaxed, q).toBe(true);
          // The pages asked for are the tiers' (every word, all but one, any word): none of a word alone.
          const alone = parseQuery(q).must.map((w) => toMatch({ must: [w], not: [] }));
          expect(asked.filter((m) => alone.includes(m)), `${q} ${JSON.stringify(filter)}`).toEqual([]);
        }
      }
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });
});
