import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluate } from '../../scripts/search-eval/evaluate';
import { seeded } from '../../scripts/lib/edict';
import { alternativesOf, latinLoanwords } from '../../server/search/lexicon';
import { englishLoanwords, katakanaOf } from '../../server/search/loanwords';
import { normalize, toKatakana } from '../../server/search/normalize';
import { readings } from '../../server/search/readings';
import { search } from '../../server/search/service';
import { latinSpellingsOf } from '../../server/search/transliterate';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * Product and function names typed as they are said (ワインアクター for WinActor, ぶいるっくあっぷ for
 * VLOOKUP) while tips write them in Latin letters (transliterate.ts, service.ts correctToLatin). The
 * cases are made from the dictionaries' own loanword pairs and the alphabet, not from a list of names.
 */

/** The Sudachi dictionary's Latin loanwords with a katakana spelling (pivot: ピボット), as pairs. */
function sudachiPairs(): [string, string][] {
  const out: [string, string][] = [];
  for (const latin of latinLoanwords()) {
    const kana = alternativesOf(latin)?.same.find((w) => /^\p{sc=Katakana}{3,}$/u.test(w));
    if (kana && /^[a-z]{4,10}$/.test(latin)) out.push([latin, kana]);
  }
  return out;
}

describe('latinSpellingsOf: katakana cut into the dictionaries\' loanwords and the letters\' names', () => {
  test('two loanwords run together (compound product names) are spelled as their English joined', () => {
    const pairs = sudachiPairs();
    expect(pairs.length).toBeGreaterThan(500);
    const rand = seeded(11);
    let tried = 0;
    const missed: string[] = [];
    for (let i = 0; i < 300; i++) {
      const [a, ka] = pairs[Math.floor(rand() * pairs.length)];
      const [b, kb] = pairs[Math.floor(rand() * pairs.length)];
      tried++;
      if (!latinSpellingsOf(normalize(ka + kb)).includes(a + b)) missed.push(`${ka}${kb} (${a}${b})`);
    }
    // A cut may find other pieces first (homophones: パス is path or pass); the joined English must
    // still be among the spellings for nearly every pair.
    expect(missed.length / tried, missed.slice(0, 10).join(', ')).toBeLessThan(0.1);
  });

  test('a letter\'s name before a loanword (ブイ + ルックアップ → vlookup), in katakana or hiragana', () => {
    const rand = seeded(5);
    const words = englishLoanwords().filter((w) => /^[a-z]{5,9}$/.test(w) && katakanaOf(w).length > 0);
    const names: [string, string][] = [['v', 'ブイ'], ['x', 'エックス'], ['e', 'イー'], ['k', 'ケー']];
    let hits = 0;
    for (let i = 0; i < 100; i++) {
      const w = words[Math.floor(rand() * words.length)];
      const [letter, name] = names[i % names.length];
      const typed = toKatakana(`${name}${katakanaOf(w)[0]}`);
      if (latinSpellingsOf(normalize(typed)).includes(letter + w)) hits++;
    }
    expect(hits).toBeGreaterThanOrEqual(90);
  });

  test('one short piece no dictionary has is read by its sound, the vowel a loanword adds left out (カウントイフ → countif)', () => {
    const rand = seeded(17);
    const pairs = sudachiPairs();
    // A syllable pair read by sound after a dictionary word: ＜word＞イフ → ＜latin＞if.
    for (let i = 0; i < 20; i++) {
      const [latin, kana] = pairs[Math.floor(rand() * pairs.length)];
      expect(latinSpellingsOf(normalize(`${kana}イフ`)), kana).toContain(`${latin}if`);
    }
    // Never a whole word by its sound alone: that is romaji, not a loanword.
    expect(latinSpellingsOf(normalize('イフ'))).not.toContain('if');
    expect(latinSpellingsOf(normalize('サクラ'))).not.toContain('sakura');
  });

  test('a plural ズ/ス after a word is an s; a word of no known pieces has no spelling', () => {
    const [latin, kana] = sudachiPairs().find(([l]) => !l.endsWith('s'))!;
    expect(latinSpellingsOf(normalize(`${kana}ズ`))).toContain(`${latin}s`);
    expect(latinSpellingsOf(normalize('ヌヌヌヌヌ'))).toEqual([]);
    expect(latinSpellingsOf('ズ')).toEqual([]);
  });
});

describe('search: a katakana or hiragana name shows the tips that write it in Latin letters', () => {
  let t: TestApp;
  let member: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    member = await t.user('yamada');
    await postTip(t, member, { title: 'WinActorでExcelの転記を自動化する', body: 'WinActorのシナリオで値を読み込みます。', tags: ['RPA'] });
    await postTip(t, member, { title: '別表から値を引く', body: '=VLOOKUP(A2,マスタ!A:C,3,FALSE)と書きます。', tags: ['Excel'] });
    await postTip(t, member, { title: 'Teamsの会議を録画する', body: '会議中に「録画を開始」を押します。', tags: ['会議'] });
    await postTip(t, member, { title: 'Power Automateでファイル名を一覧にする', body: 'フォルダー内のファイルを取得します。', tags: ['RPA'] });
    await postTip(t, member, { title: 'ピボットテーブルで集計する', body: '挿入タブから作ります。', tags: ['Excel'] });
    await postTip(t, member, { title: 'COUNTIFで件数を数える', body: '=COUNTIF(A:A,"済")と書きます。', tags: ['Excel'] });
    await postTip(t, member, { title: 'CubePDF Utilityで複数のPDFを結合する', body: 'ファイルをドラッグして並べます。', tags: ['PDF'] });
  });
  afterAll(async () => { await t.close(); });

  const get = async (q: string) => {
    const res = await t.as(member, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
    expect(res.statusCode).toBe(200);
    return res.json() as { total: number; items: { title: string }[]; correctedTo?: string | null };
  };

  test.each([
    ['ワインアクター', 'WinActor', 'WinActor'],
    ['ウィンアクター', 'WinActor', 'WinActor'],
    ['ういんあくたー', 'WinActor', 'WinActor'],
    ['ぶいるっくあっぷ', '別表', 'VLOOKUP'],
    ['チームズ 録画', 'Teams', 'Teams 録画'],
    ['パワーオートメート', 'Power Automate', 'Power Automate'],
    ['ウィンアクターで転記したい', 'WinActor', 'WinActorで転記したい'],
    ['カウントイフ', 'COUNTIF', 'COUNTIF'],
    // Half in katakana, its Latin part typed on at once.
    ['キューブPDF', 'CubePDF', 'CubePDF'],
    ['キューブPDF 結合', 'CubePDF', 'CubePDF 結合'],
  ])('%s finds the tip (%s), shown as corrected to %s, in the tips\' letters', async (q, title, corrected) => {
    const r = await get(q);
    expect(r.items[0]?.title).toContain(title);
    expect(r.correctedTo).toBe(corrected);
  });

  test('a corrected word with another word no tip has: the corrected words\' tips with that word left out', async () => {
    // Nothing is found as typed (ウィンアクター and 読み込み are in no tip), and the corrected query
    // finds the tip only with one word left out, as its looser tier does.
    for (const [q, title] of [['ウィンアクター エクセル 読み込み', 'WinActor'], ['VLOKUP マスタ 参照', '別表']] as const) {
      const r = await get(q);
      expect(r.items[0]?.title, q).toContain(title);
      expect(r.correctedTo, q).toBeTruthy();
    }
  });

  test('a katakana word the tips hold is searched as it is, not spelled in Latin', async () => {
    const r = await get('ピボット');
    expect(r.items[0]?.title).toContain('ピボット');
    expect(r.correctedTo ?? null).toBeNull();
  });
});

/** The queries that a search over the development tips shows as corrected to a Latin word. */
async function latinCorrections(queries: string[]): Promise<string[]> {
  const wrong: string[] = [];
  await evaluate({
    queries: [],
    onApp: (ctx) => {
      for (const q of queries) {
        const r = search(ctx, { q, limit: 10 });
        if (r.correctedTo && /[a-z]/i.test(r.correctedTo)) wrong.push(`${q} → ${r.correctedTo}`);
      }
    },
  });
  return wrong;
}

test('random katakana loanwords no tip is about are never "corrected" to an unrelated Latin word', async () => {
  // EDICT's katakana loanwords, over the development collection (201 tips with many Latin words):
  // a spelling is a guess at a sound, and its closest word must be one edit away (facom is not from).
  const rand = seeded(7);
  const words = englishLoanwords();
  const queries: string[] = [];
  while (queries.length < 300) {
    const k = katakanaOf(words[Math.floor(rand() * words.length)])[0];
    if (k) queries.push(k);
  }
  expect(await latinCorrections(queries)).toEqual([]);
}, 60_000);

test('Japanese words written in katakana (readings of kanji words) are never "corrected" to a Latin word', async () => {
  // The hostile class for the pieces read by sound (イフ → if): a native word in katakana
  // (シュウケイ) cut into a known loanword and a sounded syllable must not reach a word of the tips.
  const rand = seeded(13);
  const all = [...readings()].map(([r]) => r);
  const queries: string[] = [];
  while (queries.length < 300) {
    const r = all[Math.floor(rand() * all.length)];
    if (Array.from(r).length >= 3) queries.push(toKatakana(r));
  }
  expect(await latinCorrections(queries)).toEqual([]);
}, 60_000);

test('an English plural the tips write only in katakana (Teams: チームズ) is shown as they write it, not "corrected" to another word', async () => {
  const tips = [
    { key: 'teams', title: 'チームズで画面を共有する', tags: ['会議'], body: 'チームズの会議中に共有を押します。' },
    { key: 'forms', title: 'フォームズで回答を集める', tags: ['アンケート'], body: '質問を作って送ります。' },
  ];
  await evaluate({
    tips,
    queries: [],
    onApp: (ctx, keyOf) => {
      for (const [q, key, shown] of [['Teams', 'teams', 'チームズ'], ['teams 画面', 'teams', 'チームズ 画面'], ['Forms', 'forms', 'フォームズ']] as const) {
        const r = search(ctx, { q, limit: 10 });
        expect(r.items.map((i) => keyOf.get(i.id)), q).toEqual([key]);
        expect(r.correctedTo, q).toBe(shown);
      }
    },
  });
});
