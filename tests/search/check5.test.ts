import { describe, expect, it } from 'vitest';
import { CHECK5_KINDS, CHECK5_QUERIES, CHECK5_TIPS } from '../../scripts/search-eval/check5';
import { TIPS } from '../../scripts/search-eval/collection';

// Integrity of check set 5 (synonyms and paraphrases, never tuned on), not engine quality.

/** Width, case and kana folded (hiragana to katakana), so a word is found however it is written. */
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const text = (key: string) => {
  const t = CHECK5_TIPS.find((x) => x.key === key);
  return t ? fold([t.title, ...t.tags, t.body].join('\n')) : '';
};

describe('check set 5', () => {
  const own = new Set(CHECK5_TIPS.map((t) => t.key));

  it('has ≥60 tips, ≥12 of them near misses', () => {
    expect(CHECK5_TIPS.length).toBeGreaterThanOrEqual(60);
    expect(CHECK5_TIPS.filter((t) => t.key.startsWith('c5n-')).length).toBeGreaterThanOrEqual(12);
  });

  it('has unique keys prefixed c5-/c5n-, not clashing with the development tips', () => {
    expect(own.size).toBe(CHECK5_TIPS.length);
    for (const t of CHECK5_TIPS) {
      expect(t.key, t.key).toMatch(/^c5n?-/);
      expect(TIPS.some((d) => d.key === t.key), t.key).toBe(false);
      expect(t.title.trim().length, t.key).toBeGreaterThan(0);
      expect(t.body.trim().length, t.key).toBeGreaterThan(20);
      expect(t.tags.length, t.key).toBeGreaterThanOrEqual(1);
    }
  });

  it('has ≥50 unique queries of the allowed kinds, each graded tip its own, none queries empty', () => {
    expect(CHECK5_QUERIES.length).toBeGreaterThanOrEqual(50);
    for (const kind of CHECK5_KINDS) expect(CHECK5_QUERIES.some((q) => q.kind === kind), kind).toBe(true);
    expect(new Set(CHECK5_QUERIES.map((q) => q.q)).size).toBe(CHECK5_QUERIES.length);
    for (const q of CHECK5_QUERIES) {
      expect(CHECK5_KINDS, q.q).toContain(q.kind);
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
    for (const q of CHECK5_QUERIES.filter((x) => x.kind === 'synonym')) {
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
    const all = CHECK5_TIPS.map((t) => t.key).map(text).join('\n');
    for (const q of CHECK5_QUERIES.filter((x) => x.kind === 'none')) {
      for (const w of q.q.split(/\s+/)) expect(all, `${q.q}: "${w}"`).not.toContain(fold(w));
    }
  });

  it('targets each answer tip with at most 2 queries and never grades a near miss', () => {
    const uses = new Map<string, number>();
    for (const q of CHECK5_QUERIES) for (const key of Object.keys(q.relevant)) uses.set(key, (uses.get(key) ?? 0) + 1);
    for (const [key, n] of uses) {
      expect(n, key).toBeLessThanOrEqual(2);
      expect(key.startsWith('c5n-'), key).toBe(false);
    }
  });

  it('gives every near miss a word shared with some query', () => {
    const queryWords = CHECK5_QUERIES.flatMap((q) => q.q.split(/\s+/)).map(fold);
    for (const t of CHECK5_TIPS.filter((x) => x.key.startsWith('c5n-'))) {
      expect(queryWords.some((w) => w.length >= 2 && text(t.key).includes(w)), t.key).toBe(true);
    }
  });
});
