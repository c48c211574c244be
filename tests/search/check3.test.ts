import { describe, expect, it } from 'vitest';
import { CHECK3_KINDS, CHECK3_QUERIES, CHECK3_TIPS } from '../../scripts/search-eval/check3';
import { TIPS } from '../../scripts/search-eval/collection';

// Integrity of check set 3 (synonyms and paraphrases, never tuned on), not engine quality.
describe('check set 3', () => {
  const own = new Set(CHECK3_TIPS.map((t) => t.key));
  const all = new Set([...TIPS.map((t) => t.key), ...own]);

  it('has unique keys prefixed c3-/c3n-, not clashing with the development tips', () => {
    expect(own.size).toBe(CHECK3_TIPS.length);
    for (const t of CHECK3_TIPS) {
      expect(t.key, t.key).toMatch(/^c3n?-/);
      expect(TIPS.some((d) => d.key === t.key), t.key).toBe(false);
      expect(t.title.trim().length, t.key).toBeGreaterThan(0);
      expect(t.body.trim().length, t.key).toBeGreaterThan(20);
      expect(t.tags.length, t.key).toBeGreaterThanOrEqual(1);
    }
  });

  it('has ≥40 unique queries of the allowed kinds, each grade-2 tip existing, none queries empty', () => {
    expect(CHECK3_QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CHECK3_QUERIES.map((q) => q.q)).size).toBe(CHECK3_QUERIES.length);
    for (const q of CHECK3_QUERIES) {
      expect(CHECK3_KINDS, q.q).toContain(q.kind);
      for (const [key, grade] of Object.entries(q.relevant)) {
        expect(all.has(key), `${q.q} -> ${key}`).toBe(true);
        expect([1, 2], `${q.q} -> ${key}`).toContain(grade);
      }
      if (q.kind === 'none') expect(Object.keys(q.relevant), q.q).toEqual([]);
      else expect(Object.values(q.relevant), q.q).toContain(2);
    }
  });

  it('targets each answer tip with at most 2 queries and never grades a near miss', () => {
    const uses = new Map<string, number>();
    for (const q of CHECK3_QUERIES) for (const key of Object.keys(q.relevant)) uses.set(key, (uses.get(key) ?? 0) + 1);
    for (const [key, n] of uses) {
      expect(n, key).toBeLessThanOrEqual(2);
      expect(key.startsWith('c3n-'), key).toBe(false);
    }
  });
});
