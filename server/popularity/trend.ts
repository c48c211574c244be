/**
 * The trending score (docs/POPULARITY.md): every counted view adds 1 and every like adds 5 at
 * the moment it happens, and each contribution halves every HALF_LIFE_DAYS:
 *
 *   score(now) = Σ weight · 2^(−(now − t) / H)
 *
 * Stored as "forward decay" relative to a fixed epoch T0, in log2 so it never overflows:
 *
 *   trend = log2 Σ weight · 2^((t − T0) / H)      and      score(now) = 2^(trend − (now − T0) / H)
 *
 * The factor 2^(−(now − T0)/H) is the same for every tip, so ordering by `trend` is ordering by
 * the score at any moment: the column can be indexed and never needs a periodic recompute.
 */

export const HALF_LIFE_DAYS = 3;
export const VIEW_WEIGHT = 1;
export const LIKE_WEIGHT = 5;
/** Bump when the formula changes: the store rebuilds every tip's trend once on start. */
export const TREND_VERSION = '1';
/** The value of `posts.trend` for a tip with no activity: below any real score. */
export const NO_TREND = -1e9;

const T0 = Date.UTC(2024, 0, 1);
const HALF_LIFE_MS = HALF_LIFE_DAYS * 86_400_000;

/** log2 of one event's forward-decayed contribution. */
export function eventExponent(atMs: number, weight: number): number {
  return (atMs - T0) / HALF_LIFE_MS + Math.log2(weight);
}

/** The decayed score a stored trend value stands for at `nowMs`; 0 for no activity. */
export function scoreAt(trend: number, nowMs: number): number {
  return trend <= NO_TREND ? 0 : 2 ** (trend - (nowMs - T0) / HALF_LIFE_MS);
}

/** SQL for `log2(2^trend + 2^@e)` without overflow: adds one contribution in place. */
export const TREND_ADD_SQL = 'max(trend, @e) + log2(1 + pow(2, min(trend, @e) - max(trend, @e)))';

/** SQL for `log2(2^trend − 2^@e)`: takes back a contribution (an unlike); nothing left → NO_TREND. */
export const TREND_SUB_SQL =
  `CASE WHEN @e >= trend - 1e-9 THEN ${NO_TREND} ELSE trend + log2(1 - pow(2, @e - trend)) END`;

/** Parameters for rebuilding every tip's trend from the daily view totals and the likes. */
export const rebuildParams = (nowMs: number) => ({
  ref: eventExponent(nowMs, 1),
  none: NO_TREND,
  t0: T0 / 86_400_000 + 2440587.5, // T0 as a Julian day number, SQLite's julianday()
  h: HALF_LIFE_DAYS,
  viewWeight: VIEW_WEIGHT,
  likeWeight: LIKE_WEIGHT,
});
