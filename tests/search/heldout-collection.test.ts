import { describe, expect, it } from 'vitest';
import { generateDistractors } from '../../scripts/search-eval/distractors';
import { HELDOUT_QUERIES, HELDOUT_TIPS, type HeldoutKind } from '../../scripts/search-eval/heldout';

// Integrity of the frozen held-out collection and of its distractor generator (not engine quality).
const KINDS: HeldoutKind[] = ['long-vowel', 'small-kana', 'hiragana', 'latin-typo', 'phrasing', 'synonym', 'fragment', 'plain'];
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

describe('held-out search collection', () => {
  it('has ≥160 tips with unique keys and ≥70 queries, ≥7 per kind, each with a grade-2 tip that exists', () => {
    expect(HELDOUT_TIPS.length).toBeGreaterThanOrEqual(160);
    expect(new Set(HELDOUT_TIPS.map((t) => t.key)).size).toBe(HELDOUT_TIPS.length);
    expect(HELDOUT_QUERIES.length).toBeGreaterThanOrEqual(70);
    const keys = new Set(HELDOUT_TIPS.map((t) => t.key));
    for (const kind of KINDS) expect(HELDOUT_QUERIES.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(7);
    for (const q of HELDOUT_QUERIES) {
      expect(Object.values(q.relevant), q.q).toContain(2);
      for (const k of Object.keys(q.relevant)) expect(keys.has(k), `${q.q} -> ${k}`).toBe(true);
    }
  });

  it('takes every fragment query verbatim from the body of its grade-2 tip', () => {
    for (const q of HELDOUT_QUERIES.filter((x) => x.kind === 'fragment')) {
      const [key] = Object.entries(q.relevant).find(([, g]) => g === 2)!;
      expect(HELDOUT_TIPS.find((t) => t.key === key)!.body, q.q).toContain(q.q);
    }
  });
});

describe('distractor generator', () => {
  const docs = generateDistractors(2000);
  it('is deterministic, 100–600 characters a tip, and rarely repeats a body', () => {
    expect(generateDistractors(2000)).toEqual(docs);
    for (const d of docs) { expect(d.body.length).toBeGreaterThanOrEqual(100); expect(d.body.length).toBeLessThanOrEqual(600); }
    expect(new Set(docs.map((d) => d.body)).size).toBeGreaterThan(docs.length * 0.99);
    expect(new Set(docs.map((d) => d.title)).size).toBeGreaterThan(150);
  });

  it('contains no distractor with all the words of a plain, phrasing or synonym query', () => {
    const phrasing = new Set(['作り方', 'やり方', '方法', 'できない', '動かない', 'したい', 'どうやって', '教えて', '直し方']);
    const texts = docs.map((d) => fold(`${d.title} ${d.tags.join(' ')} ${d.body}`));
    for (const q of HELDOUT_QUERIES.filter((x) => ['plain', 'phrasing', 'synonym'].includes(x.kind))) {
      const words = fold(q.q).split(/\s+/).filter((w) => w && !phrasing.has(w));
      expect(texts.filter((t) => words.every((w) => t.includes(w))).length, q.q).toBe(0);
    }
  });
});
