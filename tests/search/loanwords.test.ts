import { describe, expect, test } from 'vitest';
import { TIPS } from '../../scripts/search-eval/collection';
import { evaluate } from '../../scripts/search-eval/evaluate';
import { similarity } from '../../scripts/lib/loanword-sound';
import data from '../../server/search/data/edict-loanwords.json';
import { englishLoanwords, katakanaOf } from '../../server/search/loanwords';
import { normalize } from '../../server/search/normalize';
import { parseQuery } from '../../server/search/query';
import { search } from '../../server/search/service';
import { indexText, katakanaWords } from '../../server/search/tokenize';

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
    expect(words.length).toBeGreaterThan(10_000);
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
    expect(englishLoanwords()).toContain('schedule');
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
  test('for every katakana word of the development titles with an English source in the table, the English word finds its tips', async () => {
    // From the table, not from a list: each katakana word of a title whose spelling the table
    // gives for some English word (フィルター ← filter, スライサー ← slicer, …).
    const byKatakana = new Map<string, string[]>();
    for (const w of englishLoanwords()) {
      for (const k of katakanaOf(w)) byKatakana.set(normalize(k), [...(byKatakana.get(normalize(k)) ?? []), w]);
    }
    const cases: { english: string; tips: string[] }[] = [];
    for (const word of new Set(TIPS.flatMap((t) => katakanaWords(t.title)))) {
      for (const english of byKatakana.get(normalize(word)) ?? []) {
        cases.push({ english, tips: TIPS.filter((t) => normalize(t.title).includes(normalize(word))).map((t) => t.key) });
      }
    }
    expect(cases.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    await evaluate({
      queries: [],
      onApp: (ctx, keyOf) => {
        for (const c of cases) {
          const r = search(ctx, { q: c.english, limit: 50 });
          const found = r.items.map((i) => keyOf.get(i.id));
          if (!c.tips.every((k) => found.includes(k))) failures.push(`${c.english}: ${c.tips.filter((k) => !found.includes(k)).join(', ')}`);
        }
      },
    });
    expect(failures, failures.join('\n')).toEqual([]);
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
