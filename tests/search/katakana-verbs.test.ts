import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { seeded } from '../../scripts/lib/edict';
import { alternativesOf, latinLoanwords } from '../../server/search/lexicon';
import { missingWord } from '../../server/search/missing';
import { normalize } from '../../server/search/normalize';
import { parseQuery } from '../../server/search/query';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/**
 * Verbs made of a katakana word (サボる, ググる, ダブる, バグる, ディスる: a katakana stem and its
 * conjugation in hiragana, query.ts katakanaVerbIn): the search matches the stem, names the word as
 * typed (ダブり, バグった), and leaves none of its kana to be required (りたい of サボりたい).
 */

/** Stems: the Sudachi dictionary's own katakana loanwords of two or three letters (バグ, メモ, ミス …) and katakana strings from a fixed seed (ググ, ダブ, サボ are no word either). */
function stems(): string[] {
  const rand = seeded(53);
  const dictionary = latinLoanwords().map((l) => alternativesOf(l)?.same.find((w) => /^[ァ-ヺ]{2,3}$/u.test(w)))
    .filter((w): w is string => w !== undefined && !/[ァィゥェォッャュョヮ]/u.test(w));
  const kana = 'カキクケコガギグゲゴサシスセソザジズゼゾタチテトダデドナニヌネノハヒフヘホバビブベボパピプペポマミムメモ';
  const made = Array.from({ length: 10 }, () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => kana[Math.floor(rand() * kana.length)]).join(''));
  const picked = Array.from({ length: 10 }, () => dictionary[Math.floor(rand() * dictionary.length)]);
  return [...new Set(['サボ', 'ググ', 'ダブ', 'バグ', 'ディス', ...picked, ...made])];
}

/**
 * The conjugation of a godan verb in る after its stem, by the grammar's table: each form (り, る,
 * れ, ら, ろう, っ) with endings it takes. Negated forms that end so (らない, れない, りません) are intent
 * words, which rank (as 動かない does); the past (らなかった) is a verb like any other (動かなかった).
 */
const ENDINGS = [
  'り', 'りたい', 'りたかった', 'ります', 'りました', 'りながら', 'りそう', 'りすぎ', 'りまくり',
  'る', 'れば', 'れる', 'れた', 'ろう',
  'られた', 'られる', 'らせたい', 'らず', 'らされた', 'らなかった',
  'った', 'ったら', 'ったり', 'っちゃった', 'っちゃう', 'ってる', 'ってた', 'っとく', 'ってしまった', 'ってます',
];
const NEGATED = ['らない', 'れない', 'れません', 'りません'];

describe('a verb made of a katakana word', () => {
  test('is matched by its stem and named as typed; no kana of its conjugation is required or ranked', () => {
    const missed: string[] = [];
    for (const stem of stems()) {
      for (const ending of ENDINGS) {
        for (const q of [`${stem}${ending} 会議`, `${stem}${ending}会議`, `会議 ${stem}${ending}`]) {
          const p = parseQuery(q);
          const words = p.must.map((t) => `${t.tokens.join('+')}(${t.typed})`);
          const verb = p.must.find((t) => t.typed === `${stem}${ending}`);
          const kana = [...p.must, ...(p.should ?? []).filter((t) => !t.whole)].filter((t) => t.tokens.some((x) => /\p{sc=Hiragana}/u.test(x)));
          // The stem as the index holds it (its bigrams), the word as typed, the other word, and nothing else.
          const ok = verb !== undefined && verb.highlights[0] === normalize(stem) && kana.length === 0
            && p.must.length === 2 && p.must.some((t) => t.typed === '会議');
          if (!ok) missed.push(`${q}: ${words.join(' ')} / ${(p.should ?? []).map((t) => t.tokens.join('+')).join(' ')}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  test('negated, it ranks (an intent word) and leaves nothing of its kana required', () => {
    for (const stem of stems()) {
      for (const ending of NEGATED) {
        const p = parseQuery(`${stem}${ending} 会議`);
        expect(p.must.map((t) => t.typed), `${stem}${ending}`).toEqual(['会議']);
      }
    }
  });

  test('a katakana word with its particles and function words is no verb (ピボットってなに, メールりよう, メールの)', () => {
    const typed = (q: string) => parseQuery(q).must.map((t) => t.typed);
    expect(typed('ピボットってなに')).toEqual(['ピボット']);
    expect(typed('ピボットを設定')).toEqual(['ピボット', '設定']);
    expect(typed('メールからの設定')).toEqual(['メール', '設定']);
    // Kana that read as a word left unconverted (りよう: 利用, りれき: 履歴) stay that word.
    expect(typed('メールりよう')).toEqual(['メール', 'りよう']);
    expect(typed('メールりれき')).toEqual(['メール', 'りれき']);
  });

  test('an ichidan verb (ズレる, キレる: a stem ending in the i or e row) likewise', () => {
    for (const stem of ['ズレ', 'キレ', 'ブレ', 'バレ']) {
      for (const ending of ['ちゃった', 'てる', 'られた', 'させたい', 'ちゃう', 'てました']) {
        const p = parseQuery(`${stem}${ending} 会議`);
        expect(p.must.map((t) => `${t.highlights[0]}(${t.typed})`), `${stem}${ending}`).toEqual([`${normalize(stem)}(${stem}${ending})`, '会議(会議)']);
      }
      // Endings that are function words whole (た, ない, たい) were never required: the stem is named.
      for (const ending of ['た', 'たい', 'て', 'ます', 'ました']) expect(parseQuery(`${stem}${ending} 会議`).must.map((t) => t.typed)).toEqual([stem, '会議']);
    }
  });

  test('missingWord names it as typed', () => {
    const tip = { title: '会議室の予約', tags: [], html: '<p>予約の手順です。</p>' };
    for (const stem of stems()) {
      for (const ending of ['り', 'った', 'りたい', 'っちゃった', 'ってる', 'られた']) {
        expect(missingWord(parseQuery(`${stem}${ending} 会議`).must)(tip)).toBe(`${stem}${ending}`);
      }
    }
  });
});

describe('a katakana verb\'s continuative written in katakana (ダブリ)', () => {
  test('is looked up as written with its kana (ダブり) too: what the dictionary lists for that, for every stem', () => {
    const synonymsOf = (q: string) => new Set(parseQuery(q).must[0]?.synonyms?.map((s) => s.join('')) ?? []);
    let listed = 0;
    for (const stem of stems()) {
      // The verb typed with its kana is looked up by its stem too (サボ: サボタージュ); the katakana
      // word is not (メモリ is no メモ): what the continuative itself brings.
      const own = synonymsOf(`${stem} `);
      const kana = [...synonymsOf(`${stem}り `)].filter((w) => !own.has(w));
      const katakana = synonymsOf(`${stem}リ `);
      for (const w of kana) expect(katakana.has(w), `${stem}リ: ${w}`).toBe(true);
      listed += kana.length;
    }
    expect(listed).toBeGreaterThan(0);
  });
});

describe('the search names the word a tip lacks as typed (service.ts, missing)', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.close(); });

  test('ダブり 削除 says ダブり, バグった 会議 says バグった, サボりたい 会議 requires no りたい', async () => {
    const dup = await postTip(t, t.admin, { title: '重複した行を削除する', body: '並べ替えてから消します。', tags: ['Excel'] });
    const del = await postTip(t, t.admin, { title: 'ファイルを削除する手順', body: 'ごみ箱に移します。', tags: ['Windows'] });
    const meeting = await postTip(t, t.admin, { title: '会議室の予約', body: '予約の手順です。', tags: ['総務'] });
    const find = async (q: string) => {
      const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { id: number; missing?: string }[]; partial?: { id: number; missing?: string }[]; relaxed: boolean };
    };
    // The verb's continuative is a noun the dictionary lists (ダブり: 重複): the tip that says 重複
    // has every word; the one without it comes apart (partial), named as typed.
    // Its continuative written in katakana too (ダブリ, as often as ダブり; half-width ﾀﾞﾌﾞﾘ).
    for (const q of ['ダブり 削除 ', 'ダブりを削除 ', 'ダブってる 削除 ', 'ダブリ 削除 ', 'ダブリを削除 ', 'ﾀﾞﾌﾞﾘ 削除 ']) {
      const r = await find(q);
      expect(r.relaxed, q).toBe(false);
      expect(r.items.map((i) => i.id), q).toEqual([dup.id]);
      expect((r.partial ?? []).map((i) => [i.id, i.missing]), q).toEqual([[del.id, q.startsWith('ダブってる') ? 'ダブってる' : q.startsWith('ﾀﾞﾌﾞﾘ') ? 'ダブリ' : q.split(/[ を]/u)[0]]]);
    }
    // Verbs no dictionary knows, or no tip holds in any spelling: the other word's tips, each
    // naming the verb as typed.
    for (const [q, ids, missing] of [
      ['バグった 会議 ', [meeting.id], 'バグった'], ['サボりたい 会議 ', [meeting.id], 'サボりたい'], ['会議 ググりたい ', [meeting.id], 'ググりたい'],
      ['ディスられた 会議 ', [meeting.id], 'ディスられた'], ['ググったら 削除 ', [dup.id, del.id], 'ググったら'],
    ] as const) {
      const r = await find(q);
      expect(r.relaxed, q).toBe(true);
      expect(r.items.map((i) => i.id).sort(), q).toEqual([...ids].sort());
      expect(r.items.map((i) => i.missing), q).toEqual(ids.map(() => missing));
    }
  });
});
