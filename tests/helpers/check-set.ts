import { describe, expect, it } from 'vitest';
import { TIPS, type EvalTip } from '../../scripts/search-eval/collection';
import type { GradedQuery } from '../../scripts/search-eval/evaluate';

/**
 * The integrity of an independent check set (synonyms and paraphrases, never tuned on), not engine
 * quality: its counts, key prefixes (c<n>- and near misses c<n>n-), grades of its own tips only,
 * synonym queries' distinguishing words absent from their grade-2 tips, none queries' words absent
 * from every tip, near misses sharing a word with some query. Check sets 5 and 6 run it.
 */
export interface CheckQuery extends GradedQuery { kind: string; words?: readonly string[] }

/** Width, case and kana folded (hiragana to katakana), so a word is found however it is written. */
export const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

export function describeCheckSet(n: number, tips: readonly EvalTip[], queries: readonly CheckQuery[], kinds: readonly string[],
  min: { tips: number; nearMisses: number; queries: number; kinds?: Record<string, number> }): void {
  const near = `c${n}n-`;
  const text = (key: string) => {
    const t = tips.find((x) => x.key === key);
    return t ? fold([t.title, ...t.tags, t.body].join('\n')) : '';
  };
  describe(`check set ${n}`, () => {
    const own = new Set(tips.map((t) => t.key));

    it(`has ≥${min.tips} tips, ≥${min.nearMisses} of them near misses`, () => {
      expect(tips.length).toBeGreaterThanOrEqual(min.tips);
      expect(tips.filter((t) => t.key.startsWith(near)).length).toBeGreaterThanOrEqual(min.nearMisses);
    });

    if (min.kinds) it(`has at least ${Object.entries(min.kinds).map(([k, c]) => `${c} ${k}`).join(', ')} queries`, () => {
      for (const [kind, least] of Object.entries(min.kinds ?? {})) expect(queries.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(least);
    });

    it(`has unique keys prefixed c${n}-/c${n}n-, not clashing with the development tips`, () => {
      expect(own.size).toBe(tips.length);
      for (const t of tips) {
        expect(t.key, t.key).toMatch(new RegExp(`^c${n}n?-`));
        expect(TIPS.some((d) => d.key === t.key), t.key).toBe(false);
        expect(t.title.trim().length, t.key).toBeGreaterThan(0);
        expect(t.body.trim().length, t.key).toBeGreaterThan(20);
        expect(t.tags.length, t.key).toBeGreaterThanOrEqual(1);
      }
    });

    it(`has ≥${min.queries} unique queries of the allowed kinds, each graded tip its own, none queries empty`, () => {
      expect(queries.length).toBeGreaterThanOrEqual(min.queries);
      for (const kind of kinds) expect(queries.some((q) => q.kind === kind), kind).toBe(true);
      expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
      for (const q of queries) {
        expect(kinds, q.q).toContain(q.kind);
        for (const [key, grade] of Object.entries(q.relevant)) {
          // Only its own tips are graded (the development tips' subjects were not read).
          expect(own.has(key), `${q.q} -> ${key}`).toBe(true);
          expect([1, 2], `${q.q} -> ${key}`).toContain(grade);
        }
        if (q.kind === 'none') expect(Object.keys(q.relevant), q.q).toEqual([]);
        else expect(Object.values(q.relevant), q.q).toContain(2);
      }
    });

    it('names, for each synonym query, distinguishing words of the query that no grade-2 tip contains', () => {
      for (const q of queries.filter((x) => x.kind === 'synonym')) {
        const words = q.words ?? [];
        expect(words.length, q.q).toBeGreaterThan(0);
        // The first word is a part of the query as typed; the others are spellings of it to exclude too.
        expect(fold(q.q), q.q).toContain(fold(words[0]));
        for (const [key, grade] of Object.entries(q.relevant)) {
          if (grade !== 2) continue;
          for (const w of words) expect(text(key), `${q.q}: "${w}" in ${key}`).not.toContain(fold(w));
        }
      }
    });

    it('finds no word of a none query in any of its tips', () => {
      const all = tips.map((t) => t.key).map(text).join('\n');
      for (const q of queries.filter((x) => x.kind === 'none')) {
        for (const w of q.q.split(/\s+/)) expect(all, `${q.q}: "${w}"`).not.toContain(fold(w));
      }
    });

    it('targets each answer tip with at most 2 queries and never grades a near miss', () => {
      const uses = new Map<string, number>();
      for (const q of queries) for (const key of Object.keys(q.relevant)) uses.set(key, (uses.get(key) ?? 0) + 1);
      for (const [key, n] of uses) {
        expect(n, key).toBeLessThanOrEqual(2);
        expect(key.startsWith(near), key).toBe(false);
      }
    });

    it('gives every near miss a word shared with some query', () => {
      const queryWords = queries.flatMap((q) => q.q.split(/\s+/)).map(fold);
      for (const t of tips.filter((x) => x.key.startsWith(near))) {
        expect(queryWords.some((w) => w.length >= 2 && text(t.key).includes(w)), t.key).toBe(true);
      }
    });
  });
}
