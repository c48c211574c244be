import { describe, expect, test } from 'vitest';
import { evaluate } from '../../scripts/search-eval/evaluate';
import { similarity } from '../../scripts/lib/loanword-sound';
import data from '../../server/search/data/edict-loanwords.json';
import { alternativesOf } from '../../server/search/lexicon';
import { englishLoanwords, katakanaOf } from '../../server/search/loanwords';
import { normalize } from '../../server/search/normalize';
import { parseQuery } from '../../server/search/query';
import { indexText } from '../../server/search/tokenize';
import { createTestApp, postTip } from '../helpers/app';

// English words and their katakana loanwords, derived from EDICT (scripts/derive-loanwords.ts):
// the second resource, beside the Sudachi dictionary, for "a Latin word whose tips say katakana".
describe('the sound check (scripts/lib/loanword-sound.ts)', () => {
  test('a katakana word sounds like its English source, not like a gloss that translates it', () => {
    for (const [en, ka] of [['offline', 'オフライン'], ['server', 'サーバー'], ['signature', 'シグネチャー'], ['printer', 'プリンター'],
      ['schedule', 'スケジュール'], ['merge', 'マージ'], ['filter', 'フィルター'], ['template', 'テンプレート'], ['shortcut', 'ショートカット']]) {
      expect(similarity(en, ka), `${en} ${ka}`).toBeGreaterThanOrEqual(0.6);
    }
    for (const [en, ka] of [['autograph', 'サイン'], ['condominium', 'マンション'], ['laptop', 'ノート'], ['motorcycle', 'バイク'], ['signature', 'オリジナル']]) {
      expect(similarity(en, ka), `${en} ${ka}`).toBeLessThan(0.6);
    }
  });
});

describe('the derived table (server/search/data/edict-loanwords.json)', () => {
  const table = (data as { katakana: Record<string, string> }).katakana;

  test('every pair passes the sound check, words are single lower-case English words of 4+ letters', () => {
    const words = Object.keys(table);
    expect(words.length).toBeGreaterThan(9_000);
    for (const w of words) {
      expect(w).toMatch(/^[a-z]{4,}$/);
      const spellings = table[w].split(' ');
      expect(spellings.length).toBeGreaterThanOrEqual(1);
      expect(spellings.length).toBeLessThanOrEqual(3);
      for (const k of spellings) {
        expect(k).toMatch(/^[\u30A1-\u30FA\u30FC・]+$/u);
        expect(similarity(w, k), `${w} ${k}`).toBeGreaterThanOrEqual(0.6);
      }
    }
    expect(katakanaOf('offline')).toContain('オフライン');
    expect(katakanaOf('nosuchword')).toEqual([]);
    expect(englishLoanwords()).toContain('offline');
    // Only the words the Sudachi dictionary lacks (the search looks EDICT up for those alone).
    for (const w of words) expect(alternativesOf(w), w).toBeNull();
  });

  test('a Latin word of four letters or more matches its katakana in the first tier; shorter ones are left alone', () => {
    const tokens = (w: string) => indexText(normalize(w)).split(' ');
    const [t] = parseQuery('offline ').must;
    expect(t.alternatives).toContainEqual(tokens('オフライン'));
    expect(t.synonyms ?? []).not.toContainEqual(tokens('オフライン'));
    const [short] = parseQuery('scan ').must;
    expect(short.alternatives).toContainEqual(tokens('スキャン'));
    const [three] = parseQuery('pin ').must;
    expect(three.alternatives ?? []).toEqual([]);
  });
});

describe('English words find the tips that write them in katakana', () => {
  test('across the table: an English word finds the tip that writes its katakana (60 entries drawn with a fixed seed)', async () => {
    // Cases from the table itself, not a list: each drawn word gets a tip whose title writes its
    // first katakana spelling, among tips on other subjects, and the English word must find it.
    const words = englishLoanwords().filter((w) => normalize(katakanaOf(w)[0]).length >= 3);
    let seed = 19;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const drawn = [...new Set(Array.from({ length: 60 }, () => words[Math.floor(rand() * words.length)]))];
    const t = await createTestApp();
    try {
      const tipOf = new Map<string, number>();
      for (const w of drawn) tipOf.set(w, (await postTip(t, t.admin, { title: `${katakanaOf(w)[0]}の使い方`, body: '手順をまとめました。' })).id);
      await postTip(t, t.admin, { title: '会議室の予約', body: '予定表から予約します。' });
      const failures: string[] = [];
      for (const w of drawn) {
        const res = (await t.as(t.admin, { method: 'GET', url: `/api/search?q=${w}` })).json() as { items: { id: number }[] };
        if (!res.items.slice(0, 10).some((i) => i.id === tipOf.get(w))) failures.push(`${w} (${katakanaOf(w)[0]})`);
      }
      expect(drawn.length).toBeGreaterThanOrEqual(55);
      expect(failures, failures.join(', ')).toEqual([]);
    } finally {
      await t.close();
    }
  });

  test('the English words are not typo targets: rare ones (axel, a jump) would take corrections from common words (exel: excel)', async () => {
    await evaluate({
      queries: [],
      onApp: (ctx) => {
        expect(katakanaOf('axel')).not.toEqual([]);
        expect(ctx.search.suggester.known('axel')).toBe(false);
        expect(ctx.search.suggester.correct('exel')).toBe('excel');
      },
    });
  });
});
