import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { englishLoanwords, katakanaOf } from '../../server/search/loanwords';
import { normalize } from '../../server/search/normalize';
import { parseQuery } from '../../server/search/query';
import * as readingsTable from '../../server/search/readings';
import { createTestApp, postTip, searchIds, type TestApp } from '../helpers/app';

/**
 * Runs of hiragana left unconverted that hold more than kanji words (review23): a loanword typed in
 * hiragana among them (ふぁいるをこうかいする), a question's "way of" or negated verb typed in
 * hiragana (のやりかた, がつかえない), and what reading a long run costs.
 */

// Counts the table's lookups (the DP's work), calling through to the real table.
vi.mock('../../server/search/readings', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/search/readings')>();
  return { ...real, isReading: vi.fn(real.isReading) };
});
const lookups = () => vi.mocked(readingsTable.isReading).mock.calls.length;
const countLookups = (q: string) => { vi.mocked(readingsTable.isReading).mockClear(); parseQuery(q); return lookups(); };

const toHiragana = (s: string) => s.replace(/[\u30A1-\u30F6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const words = (q: string) => parseQuery(q).must.map((m) => m.highlights[0]);
const intents = (q: string) => (parseQuery(q).should ?? []).filter((m) => !m.whole).map((m) => m.highlights[0]);
/** The spellings each required word is matched in (its alternatives, as text). */
const spellings = (q: string) => parseQuery(q).must.map((m) => (m.alternatives ?? []).map((a) => a.join('')));
/** Bigram tokens of a word as one string (how alternatives hold a Japanese word). */
const asTokens = (w: string) => { const c = Array.from(w); return c.length === 1 ? w : c.slice(0, -1).map((x, i) => x + c[i + 1]).join(''); };

describe('a long run of hiragana costs what it reads', () => {
  test('a run nothing reads stops at the first letters no cover reaches, not one lookup per letter and length', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Letters that are no particle or function word.
    const letters = 'ぬむめろゆぷぺぽざぜぞぢづゐゑ';
    const run = Array.from({ length: 200 }, () => letters[Math.floor(rand() * letters.length)]).join('');
    // Before: every piece of up to 12 letters at every end was looked up (200 × 12, up to three lookups each).
    expect(countLookups(run)).toBeLessThan(100);
  });

  test('a run that repeats itself looks each piece up once', () => {
    const run = 'しゅうけい'.repeat(40);
    // Five phases of five letters, pieces of up to 12 letters: some 60 different pieces (before: ~5,000 lookups).
    expect(countLookups(run)).toBeLessThan(400);
    expect(words(run)).toContain('しゅうけい');
  });
});

describe('a loanword typed in hiragana among words left unconverted', () => {
  test('generated from the tables: a loanword in hiragana, a particle, a noun left unconverted: both words, each in its spellings', () => {
    // Loanwords that write a foreign sound (a long-vowel mark, a small vowel, a double consonant, a p-sound).
    const loans = englishLoanwords().map((w) => katakanaOf(w)[0]).filter((k) => /[ーァィゥェォッパピプペポ]/u.test(k) && normalize(k).length >= 3 && !/[^\u30A1-\u30FCー]/u.test(k));
    const nouns = [...readingsTable.readings()].filter(([r, s]) => Array.from(r).length >= 4 && Array.from(r).length <= 6 && s.every((k) => /^\p{sc=Han}+$/u.test(k)));
    expect(loans.length).toBeGreaterThan(500);
    expect(nouns.length).toBeGreaterThan(2000);
    let seed = 3;
    const pick = <T>(list: T[]) => list[Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * list.length)];
    const missed: string[] = [];
    const N = 200;
    for (let i = 0; i < N; i++) {
      const loan = pick(loans);
      const [reading, kanji] = pick(nouns);
      const q = `${toHiragana(loan)}で${reading}`;
      const sp = spellings(q);
      const ok = sp.length === 2 && sp[0].includes(asTokens(normalize(loan))) && sp[1].includes(asTokens(kanji[0]));
      if (!ok) missed.push(`${q} → ${words(q).join(' | ')}`);
    }
    // Before: the run was one word (no tip writes ふぁいるでしゅうけい): all missed.
    expect(missed.length / N, missed.join('\n')).toBeLessThanOrEqual(0.1);
  });

  test('a loanword is the last resort of a cover; inside a longer run, only with a foreign sound in it', () => {
    // Readings first: 申請書 (a word of the table), not シンセ (synthesizer) + 遺書.
    expect(words('しんせいしょのようしき')).toEqual(['しんせいしょ', 'ようしき']);
    // Grammar with no foreign sound is no loanword (でき|ないん|ですが: ナイン).
    expect(words('しゅうけいできないんですが').some((w) => w.includes('ないん') && w.length === 3)).toBe(false);
    // Loanwords one after the other are one compound; alone, a loanword stays whole.
    expect(words('ぴぼっとてーぶる')).toEqual(['ぴぼっとてーぶる']);
    expect(words('ぴぼっとてーぶるでしゅうけい')).toEqual(['ぴぼっとてーぶる', 'しゅうけい']);
    expect(words('かれんだー')).toEqual(['かれんだー']);
    // A whole run of hiragana, which would otherwise stay one word: a loanword without a foreign sound too.
    expect(words('ぐらふをさくせい')).toEqual(['ぐらふ', 'さくせい']);
    expect(words('まくろのつくりかた')).toEqual(['まくろ']);
    // A long-vowel mark is read only inside a loanword: ふしん + な + めーる.
    expect(words('ふしんなめーる')).toEqual(['ふしん', 'めーる']);
  });
});

describe('a question typed in hiragana', () => {
  test('"way of" and a negated verb typed in hiragana rank, they are not required', () => {
    // Required: 両面 and 印刷 (each in its spellings; a word ending in a u-row kana is held by its stem, いんさ).
    expect(spellings('りょうめんいんさつのやりかた').map((a) => a.some((w) => w === asTokens('両面') || w === asTokens('印刷')))).toEqual([true, true]);
    expect(intents('りょうめんいんさつのやりかた')).toContain('やりかた');
    expect(spellings('かんすうがつかえない')).toEqual([expect.arrayContaining([asTokens('関数')])]);
    expect(intents('かんすうがつかえない')).toContain('つかえない');
    expect(spellings('しゅうけいのやりかたがわからない')).toEqual([expect.arrayContaining([asTokens('集計')])]);
    // Typed after a kanji word too.
    expect(words('関数がつかえない')).toEqual(['関数']);
    // A long run is not one "way of" (the shapes take a verb's worth of letters before the ending).
    expect(intents('しゅうけいのやりかた')).toEqual(['やりかた']);
  });
});

describe('through the API', () => {
  let t: TestApp;
  const id = new Map<string, number>();
  beforeAll(async () => {
    t = await createTestApp();
    const tips: Record<string, { title: string; body: string }> = {
      pivot: { title: 'ピボットテーブルで月別に集計する', body: '受付日を行に置き、月単位でグループ化します。' },
      open: { title: '共有フォルダのファイルを庁外に公開する手順', body: 'ファイル転送システムにアップロードし、公開期限を設定します。' },
      regret: { title: '異動で後悔しない引継ぎメモ', body: '担当業務のファイルの置き場所を書いておくと後悔しません。' },
      duplex: { title: 'プリンターで両面印刷する', body: '印刷の設定で両面印刷を選びます。' },
      fn: { title: 'VLOOKUP関数で別シートから値を取り出す', body: '職員番号をキーに名簿から氏名を取り出します。' },
      mail: { title: '不審なメールを報告する', body: '開かずに情報政策課へ報告します。' },
    };
    for (const [k, tip] of Object.entries(tips)) id.set(k, (await postTip(t, t.admin, { ...tip, tags: [] })).id);
  }, 60_000);
  afterAll(async () => { await t.close(); });

  test('each query finds its tip first (before: none of them found anything)', async () => {
    const cases: [string, string][] = [
      ['ぴぼっとでしゅうけい', 'pivot'],
      ['ふぁいるをこうかいする', 'open'],
      ['ふしんなめーる', 'mail'],
      ['りょうめんいんさつのやりかた', 'duplex'],
      ['かんすうがつかえない', 'fn'],
    ];
    for (const [q, key] of cases) expect((await searchIds(t, q))[0], q).toBe(id.get(key));
  });

  test('hostile runs answer 200 or 400 with a reason, never 500', async () => {
    for (const q of ['ふぁ'.repeat(100), 'っ'.repeat(200), 'ーぁ'.repeat(100), 'ぴ'.repeat(199) + 'ー', 'しゅうけい'.repeat(40)]) {
      for (const url of [`/api/search?q=${encodeURIComponent(q)}`, `/api/search/suggest?q=${encodeURIComponent(q)}`]) {
        const res = await t.as(t.admin, { method: 'GET', url });
        expect([200, 400], `${url}: ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 400) expect(res.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      }
    }
  });
});

describe('a question that ends in explanatory grammar', () => {
  test('んですが, んだけど after words left unconverted are grammar, not one word no tip has', () => {
    // Before: the whole run stayed one required word (ん read as nothing).
    expect(spellings('しゅうけいできないんですが')).toEqual([expect.arrayContaining([asTokens('集計')])]);
    expect(spellings('いんさつができないんだけど')).toEqual([expect.arrayContaining([asTokens('印刷')])]);
    expect(intents('かんすうがわからないんです')).toContain('わからない');
    // Only before the copula or で: に|ん|よう is never read (にんよう is one reading, or none).
    expect(words('かいけいねんどにんようしょくいん')).not.toContain('よう');
    expect(words('かいけいねんどにんようしょくいん')[0]).toBe('かいけいねんど');
    // Grammar alone is still no word of the table: left to the segmenter as before.
    expect(words('できないんですが').some((w) => w.length === 3)).toBe(false);
  });
});

describe('a stretch after a digit or after a noun in kanji', () => {
  test('a digit\'s counter in kana begins the stretch, as a kanji\'s okurigana may (1つにけつごう)', () => {
    // Before: つにけつごうする stayed one required word.
    expect(spellings('複数のPDFを1つにけつごうする').flat()).toContain(asTokens('結合'));
    expect(spellings('2つのしりょうを見比べる').flat()).toContain(asTokens('資料'));
    // Nothing read after the counter: as before.
    expect(words('2かいめ')).toEqual(['2', 'かいめ']);
  });

  test('the adnominal な (and や, か) after a kanji word begins a stretch (必要なぶぶん)', () => {
    // Before: な was no first piece after a kanji, and ぶぶん was cut by the segmenter (ぶ|ぶん).
    expect(spellings('図をトリミングして必要なぶぶんだけ残す').flat()).toContain(asTokens('部分'));
    expect(spellings('印刷やしゅうけい').flat()).toContain(asTokens('集計'));
    // A kanji's own okurigana are still never read apart.
    expect(words('重複を確かめる')).toEqual(['重複', '確']);
  });
});
