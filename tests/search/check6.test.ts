import { describe, expect, it } from 'vitest';
import { CHECK6_KINDS, CHECK6_QUERIES, CHECK6_TIPS } from '../../scripts/search-eval/check6';
import { TIPS } from '../../scripts/search-eval/collection';

// Integrity of check set 6 (synonyms and paraphrases, never tuned on), not engine quality.

/** Width, case and kana folded (hiragana to katakana), so a word is found however it is written. */
const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const text = (key: string) => {
  const t = CHECK6_TIPS.find((x) => x.key === key);
  return t ? fold([t.title, ...t.tags, t.body].join('\n')) : '';
};

describe('check set 6', () => {
  const own = new Set(CHECK6_TIPS.map((t) => t.key));

  it('has ≥70 tips, ≥14 of them near misses', () => {
    expect(CHECK6_TIPS.length).toBeGreaterThanOrEqual(70);
    expect(CHECK6_TIPS.filter((t) => t.key.startsWith('c6n-')).length).toBeGreaterThanOrEqual(14);
  });

  it('has ≥40 synonym, ≥12 paraphrase and ≥5 none queries', () => {
    const count = (kind: string) => CHECK6_QUERIES.filter((q) => q.kind === kind).length;
    expect(count('synonym')).toBeGreaterThanOrEqual(40);
    expect(count('paraphrase')).toBeGreaterThanOrEqual(12);
    expect(count('none')).toBeGreaterThanOrEqual(5);
  });

  it('has unique keys prefixed c6-/c6n-, not clashing with the development tips', () => {
    expect(own.size).toBe(CHECK6_TIPS.length);
    for (const t of CHECK6_TIPS) {
      expect(t.key, t.key).toMatch(/^c6n?-/);
      expect(TIPS.some((d) => d.key === t.key), t.key).toBe(false);
      expect(t.title.trim().length, t.key).toBeGreaterThan(0);
      expect(t.body.trim().length, t.key).toBeGreaterThan(20);
      expect(t.tags.length, t.key).toBeGreaterThanOrEqual(1);
    }
  });

  it('has ≥60 unique queries of the allowed kinds, each graded tip its own, none queries empty', () => {
    expect(CHECK6_QUERIES.length).toBeGreaterThanOrEqual(60);
    for (const kind of CHECK6_KINDS) expect(CHECK6_QUERIES.some((q) => q.kind === kind), kind).toBe(true);
    expect(new Set(CHECK6_QUERIES.map((q) => q.q)).size).toBe(CHECK6_QUERIES.length);
    for (const q of CHECK6_QUERIES) {
      expect(CHECK6_KINDS, q.q).toContain(q.kind);
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
    for (const q of CHECK6_QUERIES.filter((x) => x.kind === 'synonym')) {
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
    const all = CHECK6_TIPS.map((t) => t.key).map(text).join('\n');
    for (const q of CHECK6_QUERIES.filter((x) => x.kind === 'none')) {
      for (const w of q.q.split(/\s+/)) expect(all, `${q.q}: "${w}"`).not.toContain(fold(w));
    }
  });

  it('targets each answer tip with at most 2 queries and never grades a near miss', () => {
    const uses = new Map<string, number>();
    for (const q of CHECK6_QUERIES) for (const key of Object.keys(q.relevant)) uses.set(key, (uses.get(key) ?? 0) + 1);
    for (const [key, n] of uses) {
      expect(n, key).toBeLessThanOrEqual(2);
      expect(key.startsWith('c6n-'), key).toBe(false);
    }
  });

  it('gives every near miss a word shared with some query', () => {
    const queryWords = CHECK6_QUERIES.flatMap((q) => q.q.split(/\s+/)).map(fold);
    for (const t of CHECK6_TIPS.filter((x) => x.key.startsWith('c6n-'))) {
      expect(queryWords.some((w) => w.length >= 2 && text(t.key).includes(w)), t.key).toBe(true);
    }
  });
});
