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

  test('a katakana word mistyped, or typed in romaji, likewise', async () => {
    const pivot = await postTip(t, t.admin, { title: 'ピボットテーブルで名簿と予算を集計', body: '課ごとにまとめます。', tags: ['Excel'] });
    await postTip(t, t.admin, { title: '名簿を並べ替える', body: 'ふりがなの列で並べ替えます。', tags: ['Excel'] });
    await postTip(t, t.admin, { title: '会議室の予約', body: '庁内の予約システムから。', tags: ['総務'] });
    for (const [typo, fix] of [['ピポットテーブル', 'ピボットテーブル'], ['pibotto', 'ピボット']]) {
      for (const q of [`${typo} 名簿 予算 会議室`, `会議室 予算 名簿 ${typo}`]) {
        const r = await find(q);
        expect(r.correctedTo, q).toBe(q.replace(typo, fix));
        expect(r.items.map((x) => x.id), q).toEqual([pivot.id]);
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

describe('a word typed twice counts once', () => {
  test('keywords repeated, or in another spelling, stay keywords: not relaxed to fewer of them, nor to any of them', async () => {
    await postTip(t, t.admin, { title: '予算要求の資料を作る', body: '前年度の表を複写します。', tags: ['財政'] });
    await postTip(t, t.admin, { title: '名簿を五十音順に並べる', body: 'ふりがなの列で並べ替えます。', tags: ['Word'] });
    await postTip(t, t.admin, { title: '会議室の予約', body: '庁内の予約システムから。', tags: ['総務'] });
    await postTip(t, t.admin, { title: 'Excelの基本', body: 'セルに入力します。', tags: ['Excel'] });
    const words = ['予算', '名簿', '会議室'];
    const same = async (q: string, as: string) => {
      const [r, plain] = [await find(q), await find(as)];
      expect({ ids: r.items.map((i) => i.id), relaxed: r.relaxed }, `${q} / ${as}`).toEqual({ ids: plain.items.map((i) => i.id), relaxed: plain.relaxed });
    };
    // Three words no tip has together: nothing, however often one is typed (the last one open: a prefix).
    for (const [i, w] of words.entries()) {
      for (const q of [`${words.join(' ')} ${w}`, `${words.join(' ')} ${w} `, `${w} ${words.join(' ')} ${w}`]) {
        expect((await find(q)).total, q).toBe(0);
      }
      // Two words: as the two typed once (the first alone, relaxed: a two-word query's rule).
      const two = [w, words[(i + 1) % 3]];
      for (const q of [`${two.join(' ')} ${w}`, `${two.join(' ')} ${two[1]}`, `${two.join(' ')} ${two.join(' ')} `]) await same(q, `${two.join(' ')} `);
    }
    // The same word in its spellings: one word, with 名簿 and 会議室 three.
    for (const excel of [['Excel', 'エクセル'], ['EXCEL', 'excel', 'えくせる'], ['エクセル', 'Excel']]) {
      const q = `${excel.join(' ')} 名簿 会議室 `;
      expect((await find(q)).total, q).toBe(0);
    }
    // Four words in fact: a sentence, answered by any of them.
    expect((await find('予算 名簿 会議室 Excel ')).total).toBe(4);
  });
});

describe('the words a tip of the loosest tier lacks', () => {
  test('each hit names every word of the sentence it lacks, as typed; a tier that leaves out one word names one', async () => {
    const budget = await postTip(t, t.admin, { title: '予算要求の資料を作る', body: '前年度の表を複写します。', tags: ['財政'] });
    const roster = await postTip(t, t.admin, { title: '名簿を五十音順に並べる', body: 'ふりがなの列で並べ替えます。', tags: ['Excel'] });
    const both = await postTip(t, t.admin, { title: '予算の名簿を作る', body: '担当者の一覧です。', tags: ['財政'] });
    const lacks = (r: Found, id: number) => { const hit = r.items.find((i) => i.id === id) as { missing?: string; missingWords?: string[] }; return hit.missingWords ?? (hit.missing ? [hit.missing] : []); };
    for (const q of ['予算 名簿 会議室 ザジズゼ ', 'ザジズゼ 会議室 名簿 予算 ', 'ＺＩＰ 会議室 名簿 予算 ']) {
      const r = await find(q);
      expect(r.relaxed, q).toBe(true);
      const typed = q.trim().split(' ');
      const others = (...has: string[]) => typed.filter((w) => !has.includes(w)).sort();
      expect(lacks(r, both.id).sort(), q).toEqual(others('予算', '名簿'));
      expect(lacks(r, budget.id).sort(), q).toEqual(others('予算'));
      expect(lacks(r, roster.id).sort(), q).toEqual(others('名簿'));
    }
    // All the words but one: one word named, in `missing` alone.
    await postTip(t, t.admin, { title: '予算と名簿と会議室', body: '三つの話です。', tags: ['総務'] });
    const r = await find('予算 名簿 会議室 ザジズゼ ');
    expect(r.items.map((i) => [i.missing, (i as { missingWords?: string[] }).missingWords])).toEqual([['ザジズゼ', undefined]]);
  });
});

describe('a query of question and intent words only', () => {
  test('names no subject: no tip answers by any one of them, however many are typed', async () => {
    // Tips that each say one intent word, by the list and by shape (X方, a negated verb).
    const said = ['方法', 'やり方', '手順', 'できない', 'コツ', '原因', '対処', '作り方', '探し方', '動かない', '表示されない', '知りたい'];
    for (const w of said) await postTip(t, t.admin, { title: `名簿の${w}について`, body: `${w}の説明です。`, tags: ['総務'] });
    const budget = await postTip(t, t.admin, { title: '予算要求の資料', body: '前年度の表を複写します。', tags: ['財政'] });
    for (let n = 4; n <= 8; n++) {
      for (const from of [0, 3]) {
        const words = Array.from({ length: n }, (_, i) => said[(from + i * 5) % said.length]);
        const q = `${[...new Set(words)].join(' ')} `;
        expect((await find(q)).total, q).toBe(0);
        // With a word of content, that word's tips, the intent words ranking.
        expect((await find(`予算 ${q}`)).items.map((i) => i.id), q).toEqual([budget.id]);
      }
    }
  });
});
