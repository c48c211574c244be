import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { evaluate } from '../../scripts/search-eval/evaluate';
import { TIPS } from '../../scripts/search-eval/collection';
import { normalize } from '../../server/search/normalize';
import { search } from '../../server/search/service';
import { createSuggester } from '../../server/search/suggest';
import { katakanaWords } from '../../server/search/tokenize';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/**
 * Romaji typed through the IME with one key wrong gives a katakana word one letter off:
 * pibotto → ピボット, but pobotto → ポボット, piboto → ピボト, pibbotto → ピッボット. These tests make
 * such typos of every katakana word of the development collection's titles, by rules of the
 * writing system (a letter left out, doubled, swapped with its neighbour, or voiced otherwise —
 * ホ ボ ポ computed through Unicode's combining marks, not listed), and require the search to
 * show the corrected word's tips.
 */
function voicings(c: string): string[] {
  const base = c.normalize('NFD')[0];
  return [base, `${base}\u3099`, `${base}\u309A`].map((x) => x.normalize('NFC')).filter((x) => x.length === 1 && x !== c);
}

function typos(word: string, rand: () => number): { kind: string; typo: string }[] {
  const chars = Array.from(word);
  const at = () => 1 + Math.floor(rand() * (chars.length - 2)); // inside the word: the first letter is seldom the wrong one
  const out: { kind: string; typo: string }[] = [];
  const i = at();
  out.push({ kind: 'left out', typo: [...chars.slice(0, i), ...chars.slice(i + 1)].join('') });
  const j = at();
  out.push({ kind: 'doubled', typo: [...chars.slice(0, j + 1), chars[j], ...chars.slice(j + 1)].join('') });
  const k = at();
  if (k + 1 < chars.length) out.push({ kind: 'swapped', typo: [...chars.slice(0, k), chars[k + 1], chars[k], ...chars.slice(k + 2)].join('') });
  const voiced = chars.map((c, n) => ({ n, v: voicings(c) })).filter((x) => x.v.length > 0);
  if (voiced.length > 0) {
    const { n, v } = voiced[Math.floor(rand() * voiced.length)];
    out.push({ kind: 'voiced', typo: [...chars.slice(0, n), v[Math.floor(rand() * v.length)], ...chars.slice(n + 1)].join('') });
  }
  return out;
}

describe('katakana typos (suggest.ts correctKatakana, service.ts didYouMean)', () => {
  test('voicings are computed from the letter: ホ ボ ポ, カ ガ, and none for ン', () => {
    expect(voicings('ボ').sort()).toEqual(['ホ', 'ポ']);
    expect(voicings('カ')).toEqual(['ガ']);
    expect(voicings('ン')).toEqual([]);
  });

  test('a typo of any katakana word of the titles shows that word\'s tips, corrected', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const words = [...new Set(TIPS.flatMap((t) => katakanaWords(t.title)))].filter((w) => normalize(w).length >= 5);
    expect(words.length).toBeGreaterThanOrEqual(15);
    const failures: string[] = [];
    let tried = 0;
    await evaluate({
      queries: [],
      onApp: (ctx) => {
        const known = new Set(words.map(normalize));
        for (const word of words) {
          // The word as written is found as it is, never "corrected".
          const exact = search(ctx, { q: word, limit: 10 });
          expect(exact.total, word).toBeGreaterThan(0);
          expect(exact.correctedTo, word).toBeNull();
          for (const { kind, typo } of typos(word, rand)) {
            const norm = normalize(typo);
            // Not a typo after all (ッ doubled is ツツ, a long-vowel mark left out is folded anyway),
            // or another word of the titles, or a word some tip holds as typed.
            if (norm === normalize(word) || known.has(norm)) continue;
            const r = search(ctx, { q: typo, limit: 10 });
            if (r.total > 0 && r.correctedTo === null) continue; // the tips have the typo itself
            tried++;
            const ok = r.correctedTo !== null && r.items.some((i) => normalize(i.title).includes(normalize(word)));
            if (!ok) failures.push(`${kind}: ${typo} (${word}) → ${r.correctedTo ?? 'nothing'}`);
          }
        }
      },
    });
    expect(tried).toBeGreaterThanOrEqual(40);
    // 98 of 101 when written: the three others involve ヴ (ヴィ normalizes to ビ, so a voicing
    // change there is two letters apart after normalization: ヴィンドウ for ウィンドウ).
    expect(failures.length / tried, failures.join('\n')).toBeLessThanOrEqual(0.1);
  });

  test('the closest word by edits, nearest in length on a tie; three letters or a known word are left alone', () => {
    const s = createSuggester({ words: () => [], katakana: () => ['ピボットテーブル', 'ピボット', 'スライドマスター', 'フォルダー'], docs: () => 1 });
    expect(s.correctKatakana(normalize('ピポットテーブル'))).toBe('ピボットテーブル');
    expect(s.correctKatakana(normalize('ピボトテーブル'))).toBe('ピボットテーブル');
    expect(s.correctKatakana(normalize('ピポット'))).toBe('ピボット');
    // Two edits from eight letters on: スラウドマスタ (one substitution, and the long vowel folded).
    expect(s.correctKatakana(normalize('スラウドマスタ'))).toBe('スライドマスター');
    expect(s.correctKatakana(normalize('フォルダー'))).toBeNull();
    expect(s.correctKatakana(normalize('ピボツト'))).toBeNull(); // ッ and ツ are one spelling: it is the word
    expect(s.correctKatakana(normalize('ホルダ'))).toBeNull(); // three letters: too short to tell
    expect(s.correctKatakana(normalize('カメラ'))).toBeNull();
    expect(s.correctKatakana(normalize('アンケート'))).toBeNull(); // nothing near
  });
});

describe('katakana typos over HTTP', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.app.close(); });

  const get = async (q: string) => (await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` })).json() as
    { total: number; items: { title: string }[]; correctedTo: string | null; didYouMean: string | null };

  test('the corrected query is shown with its spelling from the title, word by word, hiragana too', async () => {
    await postTip(t, t.admin, { title: 'ピボットテーブルで件数を集計する', body: '挿入タブから作成します。', tags: ['Excel'] });
    await postTip(t, t.admin, { title: '共有フォルダーの使い方', body: 'ネットワークドライブに割り当てる。' });
    const one = await get('ピポットテーブル');
    expect(one.correctedTo).toBe('ピボットテーブル');
    expect(one.items.map((i) => i.title)).toEqual(['ピボットテーブルで件数を集計する']);
    const two = await get('ピボトテーブル 集計');
    expect(two.correctedTo).toBe('ピボットテーブル 集計');
    expect(two.total).toBe(1);
    const kana = await get('ぴぽっとてーぶる');
    expect(kana.correctedTo).toBe('ピボットテーブル');
    // The original stays one click away: exact=true searches as typed.
    const exact = (await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent('ピポットテーブル')}&exact=true` })).json();
    expect(exact.total).toBe(0);
    expect(exact.correctedTo).toBeNull();
  });

  test('a katakana word that tips hold in their bodies is searched as typed, not corrected to a title\'s word', async () => {
    await postTip(t, t.admin, { title: 'ピボットテーブルで件数を集計する', body: '挿入タブから作成します。' });
    await postTip(t, t.admin, { title: '集計の小技', body: 'ピボットデーブルと書かれた古い手順書があります。' });
    const r = await get('ピボットデーブル');
    expect(r.correctedTo).toBeNull();
    expect(r.items.map((i) => i.title)).toEqual(['集計の小技']);
  });

  test('a database indexed before the list gets its katakana words once at start-up', async () => {
    await postTip(t, t.admin, { title: 'スライドマスターでロゴを入れる', body: '表示タブから。' });
    // As an older database: no katakana words in the list, and not marked as recorded.
    t.db.exec("DELETE FROM search_vocab WHERE term >= 'ァ' AND term < '㄀'");
    t.db.exec("DELETE FROM search_meta WHERE key = 'katakana'");
    const { createSearchEngine } = await import('../../server/search/engine');
    const engine = createSearchEngine(t.db, { maintenance: { enabled: false } });
    expect([...engine.store.katakanaWords()]).toEqual(['スライドマスター']);
    expect(engine.store.meta('katakana')).toBe('1');
    expect(engine.suggester.correctKatakana(normalize('スライドマスタア'))).toBe('スライドマスター');
  });
});
