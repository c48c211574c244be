import type { Static } from '@sinclair/typebox';
import type { Context } from '../context';
import { presentSummaries } from '../posts/presenter';
import type { PostSummaryT } from '../posts/schemas';
import { presentPublicUser } from '../users/presenter';
import type { UserRow } from '../users/store';
import { forbidden } from '../http/errors';
import type { MyScore, NominationT, PostNomination, ResultsT, RoundT } from './schemas';
import type { RankedResult } from './results';
import { canSeeResults, computeResults, seesHiddenNominations } from './service';
import type { NominationRow, RoundRow, ScoreRow } from './store';

/** Exactly the fields of a round that leave the server. */
export function presentRound(ctx: Context, row: RoundRow, viewer: UserRow): RoundT {
  const jury = ctx.awards.judges(row.id);
  return {
    id: row.id,
    title: row.title,
    phase: row.phase,
    categories: ctx.awards.categories(row.id),
    criteria: ctx.awards.criteria(row.id),
    judges: jury.map((j) => j.username),
    jury: jury.map(presentPublicUser),
    nominationCount: ctx.awards.nominationCount(row.id, seesHiddenNominations(viewer)),
    isJudge: jury.some((j) => j.id === viewer.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    resultsVisibility: row.results_visibility,
  };
}

export function presentScore(row: ScoreRow): Static<typeof MyScore> {
  return { scores: JSON.parse(row.scores) as Record<string, number>, comment: row.comment, scoredAt: row.scored_at };
}

const nominator = (n: NominationRow) => presentPublicUser({
  id: n.nominated_by, username: n.nominator_username, display_name: n.nominator_display_name, department: n.nominator_department,
});

/** Tip summaries for nominations, looked up in one batch and keyed by post id. */
function summariesOf(ctx: Context, rows: readonly NominationRow[], viewer: UserRow): Map<number, PostSummaryT> {
  const summaries = presentSummaries(ctx, ctx.posts.summaries(rows.map((n) => n.post_id)), viewer);
  return new Map(summaries.map((s) => [s.id, s]));
}

/**
 * Nominations of one round. A judge also gets their own score and whether the tip is theirs;
 * nobody gets anyone else's scores here. The prize shows only once the round is published.
 */
export function presentNominations(ctx: Context, round: RoundRow, rows: readonly NominationRow[], viewer: UserRow): NominationT[] {
  const posts = summariesOf(ctx, rows, viewer);
  const judge = ctx.awards.isJudge(round.id, viewer.id);
  const mine = judge
    ? new Map(ctx.awards.scoresOfJudge(round.id, viewer.id).map((s) => [s.nomination_id, s]))
    : new Map<number, ScoreRow>();
  return rows.map((n) => {
    const item: NominationT = {
      id: n.id,
      roundId: n.round_id,
      post: posts.get(n.post_id)!,
      category: n.category,
      statement: n.statement,
      nominatedBy: nominator(n),
      createdAt: n.created_at,
      prize: round.phase === 'published' ? n.prize : null,
    };
    if (judge) {
      const s = mine.get(n.id);
      item.myScore = s ? presentScore(s) : null;
      item.ownTip = n.author_id === viewer.id;
    }
    return item;
  });
}

/** A tip's nominations across rounds, for the tip page. */
export function presentPostNominations(ctx: Context, rows: readonly NominationRow[]): Static<typeof PostNomination>[] {
  return rows.map((n) => {
    const round = ctx.awards.roundById(n.round_id)!;
    return {
      id: n.id,
      roundId: round.id,
      roundTitle: round.title,
      phase: round.phase,
      category: n.category,
      statement: n.statement,
      nominatedBy: nominator(n),
      createdAt: n.created_at,
      prize: round.phase === 'published' ? n.prize : null,
    };
  });
}

type Comment = ResultsT['items'][number]['comments'][number];

/** Judges' comments per nomination, in jury order; blank comments are left out. */
function commentsByNomination(ctx: Context, roundId: number): Map<number, Comment[]> {
  const jury = ctx.awards.judges(roundId);
  const order = new Map(jury.map((j, i) => [j.id, i]));
  const out = new Map<number, (Comment & { order: number })[]>();
  for (const s of ctx.awards.scoresOfRound(roundId)) {
    const judge = jury[order.get(s.judge_id) ?? -1];
    if (!judge || s.comment === '') continue;
    const list = out.get(s.nomination_id) ?? [];
    list.push({ judge: presentPublicUser(judge), comment: s.comment, order: order.get(s.judge_id)! });
    out.set(s.nomination_id, list);
  }
  return new Map([...out].map(([k, list]) => [k, list.sort((a, b) => a.order - b.order).map(({ judge, comment }) => ({ judge, comment }))]));
}

type ResultItemT = ResultsT['items'][number];

/**
 * The results, overall and by category. Nobody sees them while nominating or scoring (403).
 * Once scoring is closed the jury and administrators see the ranking; a judge never sees the
 * scores or comments on a tip they wrote. Once published, everyone sees what the administrator
 * chose: the winners only (no scores) or the full ranking. Judges' comments never leave the
 * jury and administrators.
 */
export function presentResults(ctx: Context, round: RoundRow, viewer: UserRow): ResultsT {
  if (!canSeeResults(ctx, viewer, round)) {
    throw forbidden('results_hidden', 'results are hidden until scoring is closed, and from members until published');
  }
  const { nominations, ranked, byCategory } = computeResults(ctx, round);
  const presented = new Map(presentNominations(ctx, round, nominations, viewer).map((n) => [n.id, n]));
  const authorOf = new Map(nominations.map((n) => [n.id, n.author_id]));
  const judge = ctx.awards.isJudge(round.id, viewer.id);
  const insider = viewer.role === 'admin' || judge;
  const publicRanking = round.phase === 'published' && round.results_visibility === 'ranking';
  const shown = insider || publicRanking ? 'ranking' : 'winners';
  const comments = insider ? commentsByNomination(ctx, round.id) : new Map<number, Comment[]>();
  const item = (r: RankedResult): ResultItemT => {
    const wrote = judge && authorOf.get(r.nominationId) === viewer.id;
    // Once the full ranking is public its scores are everyone's, the judge's own tip's included;
    // the other judges' comments on it are still the jury's, never its author's.
    const ownTip = wrote && !publicRanking;
    return {
      rank: r.rank, nomination: presented.get(r.nominationId)!,
      score: ownTip ? null : r.score, judgeCount: ownTip ? 0 : r.judgeCount, tied: ownTip ? false : r.tied,
      criteria: ownTip ? {} : r.criteria, comments: wrote ? [] : comments.get(r.nominationId) ?? [],
    };
  };
  const winner = (n: NominationRow): ResultItemT => ({
    rank: null, nomination: presented.get(n.id)!, score: null, judgeCount: 0, tied: false, criteria: {}, comments: [],
  });
  if (shown === 'winners') {
    const winners = nominations.filter((n) => n.prize !== null).sort((a, b) => (a.prize_order ?? 0) - (b.prize_order ?? 0));
    return {
      phase: round.phase, shown, items: winners.map(winner),
      categories: byCategory.map((c) => ({ category: c.category, items: winners.filter((n) => n.category === c.category).map(winner) }))
        .filter((c) => c.items.length > 0),
    };
  }
  return {
    phase: round.phase, shown, items: ranked.map(item),
    categories: byCategory.map((c) => ({ category: c.category, items: c.ranked.map(item) })),
  };
}
