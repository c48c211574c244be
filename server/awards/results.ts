import type { CriterionRow } from './store';

export interface ScoreInput {
  nominationId: number;
  judgeId: number;
  scores: Record<string, number>;
}

export interface RankedResult {
  nominationId: number;
  /** 1-based competition rank ("1, 1, 3"); null while nobody has scored the nomination. */
  rank: number | null;
  /** Mean over counted judges of each judge's weighted mean; null with no counted judge. */
  score: number | null;
  judgeCount: number;
  /** True when another nomination has exactly the same score. */
  tied: boolean;
  /** Mean score per criterion over counted judges. */
  criteria: Record<string, number>;
}

/**
 * Ranks nominations by the mean of each judge's weighted mean score.
 *
 * A judge's weighted mean is Σ weight·score / Σ weight. Only scores by current judges count,
 * and never a judge's score of a tip they wrote (the conflict-of-interest rule). Weights are
 * integers, so every score is the fraction num / (Σweight · judgeCount): ties are decided
 * exactly by cross-multiplying, never by comparing rounded floats.
 */
export function rankNominations(
  criteria: readonly CriterionRow[],
  nominations: readonly { id: number; authorId: number }[],
  scores: readonly ScoreInput[],
  judgeIds: ReadonlySet<number>,
): RankedResult[] {
  const totalWeight = criteria.reduce((s, c) => s + c.weight, 0);
  const authorOf = new Map(nominations.map((n) => [n.id, n.authorId]));
  const acc = new Map(nominations.map((n) => [n.id, { num: 0, judges: 0, sums: new Map<string, number>() }]));
  for (const s of scores) {
    const a = acc.get(s.nominationId);
    if (!a || !judgeIds.has(s.judgeId) || authorOf.get(s.nominationId) === s.judgeId) continue;
    // A score stored before the criteria changed would be incomplete: it does not count.
    if (!criteria.every((c) => Number.isInteger(s.scores[c.key]))) continue;
    a.judges += 1;
    for (const c of criteria) {
      a.num += c.weight * s.scores[c.key];
      a.sums.set(c.key, (a.sums.get(c.key) ?? 0) + s.scores[c.key]);
    }
  }

  const rows = nominations.map((n) => {
    const a = acc.get(n.id)!;
    const den = totalWeight * a.judges;
    return {
      nominationId: n.id,
      num: a.num,
      den,
      judgeCount: a.judges,
      criteria: Object.fromEntries(criteria.map((c) => [c.key, a.judges ? round(a.sums.get(c.key)! / a.judges) : 0])),
    };
  });
  // Higher score first; unscored last; equal scores keep nomination order.
  const cmp = (x: typeof rows[number], y: typeof rows[number]) => {
    if (x.den === 0 || y.den === 0) return (x.den === 0 ? 1 : 0) - (y.den === 0 ? 1 : 0);
    return y.num * x.den - x.num * y.den;
  };
  rows.sort((x, y) => cmp(x, y) || x.nominationId - y.nominationId);

  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || cmp(rows[i - 1], r) !== 0) rank = i + 1;
    const scored = r.den > 0;
    const tied = scored && ((i > 0 && cmp(rows[i - 1], r) === 0) || (i + 1 < rows.length && cmp(rows[i + 1], r) === 0));
    return {
      nominationId: r.nominationId,
      rank: scored ? rank : null,
      score: scored ? round(r.num / r.den) : null,
      judgeCount: r.judgeCount,
      tied,
      criteria: r.criteria,
    };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;
