import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { alternativesOf } from '../../server/search/lexicon';
import { normalize } from '../../server/search/normalize';
import { keepHeld, MAX_WIDE, parseQuery, WIDE_CANDIDATES, type ParsedQuery, type Term } from '../../server/search/query';
import { neighboursOf } from '../../server/search/thesaurus';
import { translationsOf } from '../../server/search/translations';
import { createTestApp, postTip, searchAs, type TestApp } from '../helpers/app';

// Eighth round: the wide tier's places go to synonyms some tip holds (keepHeld), and bridges
// through the dictionary's synonyms (複製 → 写し → コピー) are candidates after every other word.

const text = (tokens: string[]) => tokens.join('|');
const synonymsOf = (t: Term) => (t.synonyms ?? []).map(text);

describe('keepHeld: the first MAX_WIDE synonyms the index holds', () => {
  // Words with long candidate lists, drawn from the dictionary (not one word of a test).
  const words = ['複製', '集計', '履歴', '削除', '結合', '期間', '動作', '保護', '印刷', '変更'];

  test('every word has at most WIDE_CANDIDATES candidates as parsed, and at most MAX_WIDE once kept', () => {
    for (const w of words) {
      const [t] = parseQuery(`${w} `).must;
      expect(t.synonyms?.length ?? 0, w).toBeLessThanOrEqual(WIDE_CANDIDATES);
      const [kept] = keepHeld(parseQuery(`${w} `), () => true).must;
      expect(kept.synonyms?.length ?? 0, w).toBe(Math.min(MAX_WIDE, t.synonyms?.length ?? 0));
    }
    // The class this is for: some words have more candidates than places.
    expect(words.some((w) => (parseQuery(`${w} `).must[0].synonyms?.length ?? 0) > MAX_WIDE)).toBe(true);
  });

  test('drops what no tip holds, keeps the order and the dictionary\'s count, and a later candidate takes the place', () => {
    for (const w of words) {
      const q = parseQuery(`${w} `);
      const [t] = q.must;
      const all = t.synonyms ?? [];
      if (all.length <= 1) continue;
      // Held: every other candidate (a one-kanji prefix is always kept: it is completed against the index).
      const heldSet = new Set(all.filter((_, i) => i % 2 === 1).map((a) => `"${a.join(' ')}"`));
      const [kept] = keepHeld(q, (e) => heldSet.has(e)).must;
      const oneKanji = (a: string[]) => a.length === 1 && /^\p{sc=Han}$/u.test(a[0]);
      const expected = all.filter((a, i) => i % 2 === 1 || oneKanji(a)).slice(0, MAX_WIDE);
      expect(synonymsOf(kept), w).toEqual(expected.map(text));
      const dictionary = new Set(all.slice(0, t.dictionarySynonyms ?? 0).map(text));
      expect(kept.dictionarySynonyms ?? 0, w).toBe(expected.filter((a) => dictionary.has(text(a))).length);
      // The word's own highlight stays; a dropped synonym's text is no longer highlighted.
      expect(kept.highlights[0]).toBe(t.highlights[0]);
      expect(kept.highlights.length, w).toBeLessThanOrEqual(t.highlights.length);
    }
  });

  test('nothing held: no wide tier for that word; nothing to drop: the same query back', () => {
    const q = parseQuery('複製 ');
    const [none] = keepHeld(q, () => false).must;
    expect((none.synonyms ?? []).every((a) => a.length === 1 && /^\p{sc=Han}$/u.test(a[0]))).toBe(true);
    const plain: ParsedQuery = parseQuery('"完全一致"');
    expect(keepHeld(plain, () => false)).toBe(plain);
  });
});

describe('bridges through the dictionary\'s synonyms', () => {
  test('a synonym of a synonym is a candidate after the word\'s own synonyms and neighbours (複製 → 写し → コピー)', () => {
    const copy = normalize('コピー');
    // Not the word's own synonym, nor a derived neighbour: only the bridge through 写し brings it.
    expect(alternativesOf('複製')?.synonyms ?? []).not.toContain(copy);
    expect(neighboursOf('複製')).not.toContain(copy);
    expect(alternativesOf('複製')?.synonyms ?? []).toContain(normalize('写し'));
    expect(alternativesOf(normalize('写し'))?.synonyms ?? []).toContain(copy);
    const [t] = parseQuery('複製 ').must;
    const syn = (t.synonyms ?? []).map((a) => a.join(''));
    const at = syn.findIndex((w) => w.includes('コピ'));
    expect(at).toBeGreaterThanOrEqual(t.dictionarySynonyms ?? 0);
    // It is weak evidence: after every dictionary synonym.
    expect(at).toBeGreaterThan(-1);
  });
});

test('a katakana candidate that is part of the word itself is not taken (ロボット → ボット matches inside ピボット)', () => {
  const bot = normalize('ボット');
  expect(translationsOf(normalize('ロボット'))).toContain(bot);
  const syn = (parseQuery('ロボット ').must[0].synonyms ?? []).map((a) => a.join(''));
  expect(syn).not.toContain(bot);
  // A kanji compound's parts still are (休暇届 → 休暇).
  expect((parseQuery('休暇届 ').must[0].synonyms ?? []).map((a) => a.join(''))).toContain('休暇');
});

describe('search with held synonyms and bridges (service.ts)', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.close(); });

  const find = (q: string) => searchAs(t, q);

  test('a tip that says コピー is found for シートを複製, first, above tips with シート only', async () => {
    const other = await postTip(t, t.admin, { title: 'シートの見出しの色を変える', body: 'シート見出しを右クリックして色を選びます。シートが多いときに便利です。', tags: ['Excel'] });
    const copy = await postTip(t, t.admin, { title: 'シートを別のブックにコピーする', body: '見出しを右クリックして「移動またはコピー」を選びます。', tags: ['Excel'] });
    const r = await find('シートを複製');
    expect(r.items[0]?.id).toBe(copy.id);
    expect(r.items.map((i) => i.id)).toContain(other.id);
    // Hidden, it is not found through the bridge either.
    setPostStatus(t.app.ctx, copy.id, 'hidden', 'spam');
    expect((await find('シートを複製')).items.map((i) => i.id)).not.toContain(copy.id);
  });

  test('synonyms are checked against the index only when a tier past the first runs', async () => {
    const store = t.app.ctx.search.store;
    let checks = 0;
    const holds = store.holds;
    store.holds = (e: string) => { checks++; return holds(e); };
    try {
      // Two tips with every word fill a page of two: no synonym is checked.
      for (let i = 0; i < 2; i++) await postTip(t, t.admin, { title: `シートを複製する手順${i}`, body: '見出しをドラッグします。', tags: [] });
      const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent('シートを複製')}&limit=2` });
      expect(res.json().items).toHaveLength(2);
      expect(checks).toBe(0);
      // A page the first tier does not fill: the wide tier's candidates are checked.
      expect((await find('シートを複製')).items.length).toBeGreaterThan(0);
      expect(checks).toBeGreaterThan(0);
    } finally { store.holds = holds; }
  });

  test('the word as typed still ranks first: a bridge only adds', async () => {
    const typed = await postTip(t, t.admin, { title: 'シートを複製する', body: '見出しをCtrlを押しながらドラッグします。', tags: ['Excel'] });
    const copy = await postTip(t, t.admin, { title: 'シートをコピーする', body: 'コピーを作成するにチェックを入れます。コピーが便利です。', tags: ['Excel'] });
    const r = await find('シートを複製');
    expect(r.items.map((i) => i.id)).toEqual([typed.id, copy.id]);
  });
});
