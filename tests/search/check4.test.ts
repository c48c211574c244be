import { describe, expect, it } from 'vitest';
import { CHECK4_KINDS, CHECK4_QUERIES, CHECK4_TIPS } from '../../scripts/search-eval/check4';
import { TIPS } from '../../scripts/search-eval/collection';

// Integrity of check set 4 (synonyms and paraphrases, never tuned on), not engine quality.
describe('check set 4', () => {
  const own = new Set(CHECK4_TIPS.map((t) => t.key));

  it('has ≥60 tips, ≥12 of them near misses', () => {
    expect(CHECK4_TIPS.length).toBeGreaterThanOrEqual(60);
    expect(CHECK4_TIPS.filter((t) => t.key.startsWith('c4n-')).length).toBeGreaterThanOrEqual(12);
  });

  it('has unique keys prefixed c4-/c4n-, not clashing with the development tips', () => {
    expect(own.size).toBe(CHECK4_TIPS.length);
    for (const t of CHECK4_TIPS) {
      expect(t.key, t.key).toMatch(/^c4n?-/);
      expect(TIPS.some((d) => d.key === t.key), t.key).toBe(false);
      expect(t.title.trim().length, t.key).toBeGreaterThan(0);
      expect(t.body.trim().length, t.key).toBeGreaterThan(20);
      expect(t.tags.length, t.key).toBeGreaterThanOrEqual(1);
    }
  });

  it('has ≥50 unique queries of the allowed kinds, each graded tip its own, none queries empty', () => {
    expect(CHECK4_QUERIES.length).toBeGreaterThanOrEqual(50);
    for (const kind of CHECK4_KINDS) expect(CHECK4_QUERIES.some((q) => q.kind === kind), kind).toBe(true);
    expect(new Set(CHECK4_QUERIES.map((q) => q.q)).size).toBe(CHECK4_QUERIES.length);
    for (const q of CHECK4_QUERIES) {
      expect(CHECK4_KINDS, q.q).toContain(q.kind);
      for (const [key, grade] of Object.entries(q.relevant)) {
        // Only its own tips are graded (the development tips' subjects were not read).
        expect(own.has(key), `${q.q} -> ${key}`).toBe(true);
        expect([1, 2], `${q.q} -> ${key}`).toContain(grade);
      }
      if (q.kind === 'none') expect(Object.keys(q.relevant), q.q).toEqual([]);
      else expect(Object.values(q.relevant), q.q).toContain(2);
    }
  });

  it('targets each answer tip with at most 2 queries and never grades a near miss', () => {
    const uses = new Map<string, number>();
    for (const q of CHECK4_QUERIES) for (const key of Object.keys(q.relevant)) uses.set(key, (uses.get(key) ?? 0) + 1);
    for (const [key, n] of uses) {
      expect(n, key).toBeLessThanOrEqual(2);
      expect(key.startsWith('c4n-'), key).toBe(false);
    }
  });
});
