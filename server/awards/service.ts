import type { Context } from '../context';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { canRead, getReadable } from '../posts/service';
import type { PostStatus } from '../posts/store';
import { checkText, isBlank, requireNonBlank } from '../shared/text';
import { presentPublicUser } from '../users/presenter';
import type { UserRow } from '../users/store';
import { rankNominations, type RankedResult } from './results';
import type { CreateRoundInput, NominateInput, PublishInput, ScoreInputBody, UpdateRoundInput } from './schemas';
import { PHASES, type CriterionRow, type NominationRow, type Phase, type RoundRow } from './store';
import { foldName } from '../shared/fold';

const isAdmin = (u: UserRow) => u.role === 'admin';

export function getRound(ctx: Context, id: number): RoundRow {
  const round = ctx.awards.roundById(id);
  if (!round) throw notFound('round_not_found', 'award round not found');
  return round;
}

/**
 * A nomination of this round whose tip the viewer may read (canRead); otherwise the same 404 as
 * a nomination that does not exist, so a hidden tip's nomination does not show it is there.
 */
export function getNomination(ctx: Context, viewer: UserRow, round: RoundRow, nid: number): NominationRow {
  const n = ctx.awards.nominationById(nid);
  if (!n || n.round_id !== round.id || !canRead(viewer, { status: n.post_status as PostStatus, author_id: n.author_id })) {
    throw notFound('nomination_not_found', 'nomination not found');
  }
  return n;
}

/**
 * Whether lists and counts of nominations include those of hidden tips: for moderators and
 * administrators, who may read hidden tips (canRead). Drafts are never nominated.
 */
export const seesHiddenNominations = (viewer: UserRow) => viewer.role === 'moderator' || viewer.role === 'admin';

function requirePhase(round: RoundRow, phase: Phase, ja: string, en: string): void {
  if (round.phase !== phase) {
    throw conflict('award_wrong_phase', `${en} only while ${phase} (now ${round.phase})`, { phase, current: round.phase });
  }
}

export const PHASE_LABELS: Record<Phase, string> = {
  nominating: '推薦受付中', scoring: '審査中', closed: '審査終了', published: '結果発表済み',
};

function checkCategories(categories: readonly string[]): string[] {
  const seen = new Set<string>();
  return categories.map((c, i) => {
    requireNonBlank(`categories.${i}`, c);
    const name = c.trim();
    const norm = foldName(name);
    if (seen.has(norm)) throw badRequest('category_duplicate', `categories: "${name}" appears twice`, { name });
    seen.add(norm);
    return name;
  });
}

function checkCriteria(criteria: readonly CriterionRow[]): CriterionRow[] {
  const keys = new Set<string>();
  return criteria.map((c, i) => {
    requireNonBlank(`criteria.${i}.label`, c.label);
    if (keys.has(c.key)) throw badRequest('criterion_duplicate', `criteria: key "${c.key}" appears twice`, { key: c.key });
    keys.add(c.key);
    return { key: c.key, label: c.label.trim(), weight: c.weight };
  });
}

function resolveJudges(ctx: Context, usernames: readonly string[]): number[] {
  const ids = new Set<number>();
  for (const name of usernames) {
    const user = ctx.users.byUsername(name.trim());
    if (!user) throw badRequest('judge_not_found', `judges: no user "${name}"`, { name });
    if (ids.has(user.id)) throw badRequest('judge_duplicate', `judges: "${name}" appears twice`, { name });
    ids.add(user.id);
  }
  return [...ids];
}

export function createRound(ctx: Context, admin: UserRow, input: CreateRoundInput): RoundRow {
  requireNonBlank('title', input.title);
  const categories = checkCategories(input.categories);
  const criteria = checkCriteria(input.criteria);
  const judgeIds = resolveJudges(ctx, input.judges);
  return ctx.db.transaction(() => {
    const id = ctx.awards.createRound({ title: input.title.trim(), categories, criteria, judgeIds, createdBy: admin.id }, ctx.now().toISOString());
    ctx.audit.write({ actorId: admin.id, action: 'award.create', targetType: 'award_round', targetId: id,
      detail: { title: input.title.trim(), categories, criteria, judges: input.judges } });
    return ctx.awards.roundById(id)!;
  })();
}

/**
 * The title may change until publication; categories, criteria and jury only while nominating,
 * because scores are given against them.
 */
export function updateRound(ctx: Context, admin: UserRow, id: number, input: UpdateRoundInput): RoundRow {
  const round = getRound(ctx, id);
  if (input.title !== undefined) requireNonBlank('title', input.title);
  if (round.phase === 'published') throw conflict('round_published', 'a published round cannot change');
  const structural = input.categories !== undefined || input.criteria !== undefined || input.judges !== undefined;
  if (structural) requirePhase(round, 'nominating', '部門・審査基準・審査員の変更', 'categories, criteria and judges change');
  const categories = input.categories && checkCategories(input.categories);
  const criteria = input.criteria && checkCriteria(input.criteria);
  const judgeIds = input.judges && resolveJudges(ctx, input.judges);
  if (categories) {
    for (const old of ctx.awards.categories(id)) {
      if (!categories.includes(old) && ctx.awards.categoryInUse(id, old)) {
        throw conflict('category_in_use', `category "${old}" has nominations`, { name: old });
      }
    }
  }
  const now = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    ctx.awards.setTitle(id, input.title?.trim() ?? round.title, now);
    if (categories) ctx.awards.setCategories(id, categories);
    if (criteria) ctx.awards.setCriteria(id, criteria);
    if (judgeIds) ctx.awards.setJudges(id, judgeIds);
    // Each field by name (tests/web/audit-fields.test.ts reads them for their words); one not sent is left out.
    ctx.audit.write({ actorId: admin.id, action: 'award.update', targetType: 'award_round', targetId: id,
      detail: { title: input.title, categories: input.categories, criteria: input.criteria, judges: input.judges } });
    return ctx.awards.roundById(id)!;
  })();
}

/** Moves a round exactly one phase forward; anything else (back, repeat, skip) is a conflict. */
export function changePhase(ctx: Context, admin: UserRow, id: number, phase: Exclude<Phase, 'published'>): RoundRow {
  const round = getRound(ctx, id);
  const next = PHASES[PHASES.indexOf(round.phase) + 1];
  if (phase !== next) {
    throw conflict('phase_order',
      `phase can only move forward one step, from ${round.phase}${next ? ` to ${next}` : ''}`, { current: round.phase });
  }
  return ctx.db.transaction(() => {
    ctx.awards.setPhase(id, phase, ctx.now().toISOString());
    ctx.audit.write({ actorId: admin.id, action: 'award.phase', targetType: 'award_round', targetId: id,
      detail: { from: round.phase, to: phase } });
    return ctx.awards.roundById(id)!;
  })();
}

export function nominate(ctx: Context, member: UserRow, roundId: number, input: NominateInput): NominationRow {
  const round = getRound(ctx, roundId);
  requirePhase(round, 'nominating', '推薦', 'tips are nominated');
  if (!ctx.awards.categories(round.id).includes(input.category)) {
    throw badRequest('category_unknown', `category: "${input.category}" is not a category of this round`, { name: input.category });
  }
  checkText('statement', input.statement, { multiline: true });
  if (isBlank(input.statement)) throw badRequest('blank_field', 'statement: must not be blank', { field: 'statement' });
  const post = getReadable(ctx, member, input.postId);
  if (post.status !== 'published') throw notFound('tip_not_found', 'tip not found');
  return ctx.db.transaction(() => {
    if (ctx.awards.nominationOfPost(round.id, post.id) !== undefined) {
      throw conflict('tip_already_nominated', 'this tip is already nominated in this round');
    }
    const id = ctx.awards.insertNomination({
      roundId: round.id, postId: post.id, category: input.category, statement: input.statement.trim(), by: member.id,
    }, ctx.now().toISOString());
    return ctx.awards.nominationById(id)!;
  })();
}

/** The nominator or an administrator may withdraw a nomination while nominations are open. */
export function withdrawNomination(ctx: Context, actor: UserRow, roundId: number, nid: number): void {
  const round = getRound(ctx, roundId);
  const n = getNomination(ctx, actor, round, nid);
  if (n.nominated_by !== actor.id && !isAdmin(actor)) throw forbidden('withdraw_not_allowed', 'only the nominator or an administrator may withdraw');
  requirePhase(round, 'nominating', '推薦の取り下げ', 'nominations are withdrawn');
  ctx.db.transaction(() => {
    ctx.awards.removeNomination(n.id);
    if (n.nominated_by !== actor.id) {
      ctx.audit.write({ actorId: actor.id, action: 'award.nomination.withdraw', targetType: 'award_nomination', targetId: n.id,
        detail: { roundId: round.id, postId: n.post_id } });
    }
  })();
}

/** A judge's score of one nomination; a second call replaces the first. */
export function scoreNomination(ctx: Context, judge: UserRow, roundId: number, nid: number, input: ScoreInputBody): NominationRow {
  const round = getRound(ctx, roundId);
  const n = getNomination(ctx, judge, round, nid);
  if (!ctx.awards.isJudge(round.id, judge.id)) throw forbidden('judge_only', 'only this round\'s judges may score');
  requirePhase(round, 'scoring', '採点', 'nominations are scored');
  if (n.author_id === judge.id) throw forbidden('judge_own_tip', 'a judge may not score a tip they wrote');
  if (n.post_status !== 'published') throw notFound('tip_not_found', 'tip not found');
  const criteria = ctx.awards.criteria(round.id);
  const keys = new Set(criteria.map((c) => c.key));
  for (const key of Object.keys(input.scores)) {
    if (!keys.has(key)) throw badRequest('criterion_unknown', `scores: "${key}" is not a criterion of this round`, { key });
  }
  for (const c of criteria) {
    if (input.scores[c.key] === undefined) throw badRequest('criterion_required', `scores: "${c.key}" (${c.label}) is required`, { key: c.key, label: c.label });
  }
  const comment = (input.comment ?? '').trim();
  checkText('comment', comment, { multiline: true });
  const scores = Object.fromEntries(criteria.map((c) => [c.key, input.scores[c.key]]));
  ctx.awards.upsertScore({ nominationId: n.id, judgeId: judge.id, scores, comment }, ctx.now().toISOString());
  return n;
}

/** Nominations that count in a round: those whose tip is still published. */
export function countedNominations(ctx: Context, roundId: number): NominationRow[] {
  return ctx.awards.allNominations(roundId).filter((n) => n.post_status === 'published');
}

export interface JudgeProgress { total: number; scored: number; toScore: number; excluded: number }

export function judgeProgress(ctx: Context, round: RoundRow, judgeId: number, nominations = countedNominations(ctx, round.id)): JudgeProgress {
  const scored = new Set(ctx.awards.scoresOfJudge(round.id, judgeId).map((s) => s.nomination_id));
  let excluded = 0;
  let done = 0;
  for (const n of nominations) {
    if (n.author_id === judgeId) excluded += 1;
    else if (scored.has(n.id)) done += 1;
  }
  const total = nominations.length - excluded;
  return { total, scored: done, toScore: total - done, excluded };
}

/** Who may see scores: the jury and administrators at any phase, everyone once published. */
/**
 * While nominations and scoring are open nobody — administrators and judges included — sees
 * results, so no score can sway another. Once scoring is closed the jury and administrators
 * deliberate on them; once published, everyone (as far as the round's visibility allows).
 */
export function canSeeResults(ctx: Context, viewer: UserRow, round: RoundRow): boolean {
  if (round.phase === 'published') return true;
  if (round.phase !== 'closed') return false;
  return isAdmin(viewer) || ctx.awards.isJudge(round.id, viewer.id);
}

export function computeResults(ctx: Context, round: RoundRow): {
  nominations: NominationRow[]; ranked: RankedResult[]; byCategory: { category: string; ranked: RankedResult[] }[];
} {
  const nominations = countedNominations(ctx, round.id);
  const scores = ctx.awards.scoresOfRound(round.id).map((s) => ({
    nominationId: s.nomination_id, judgeId: s.judge_id, scores: JSON.parse(s.scores) as Record<string, number>,
  }));
  const judgeIds = new Set(ctx.awards.judges(round.id).map((j) => j.id));
  const criteria = ctx.awards.criteria(round.id);
  const rank = (list: readonly NominationRow[]) =>
    rankNominations(criteria, list.map((n) => ({ id: n.id, authorId: n.author_id })), scores, judgeIds);
  const byCategory = ctx.awards.categories(round.id).map((category) => ({
    category, ranked: rank(nominations.filter((n) => n.category === category)),
  }));
  return { nominations, ranked: rank(nominations), byCategory };
}

/** A judge sees their own progress; administrators see every judge's. */
export function progressReport(ctx: Context, viewer: UserRow, round: RoundRow) {
  const nominations = countedNominations(ctx, round.id);
  const jury = ctx.awards.judges(round.id);
  return {
    me: jury.some((j) => j.id === viewer.id) ? judgeProgress(ctx, round, viewer.id, nominations) : null,
    judges: isAdmin(viewer)
      ? jury.map((j) => ({ judge: presentPublicUser(j), ...judgeProgress(ctx, round, j.id, nominations) }))
      : [],
  };
}

export function publishRound(ctx: Context, admin: UserRow, roundId: number, input: PublishInput): RoundRow {
  const round = getRound(ctx, roundId);
  if (round.phase !== 'closed') {
    throw conflict('publish_needs_closed', `a round is published from closed (now ${round.phase})`, { current: round.phase });
  }
  const seen = new Set<number>();
  const winners = input.winners.map((w, i) => {
    requireNonBlank(`winners.${i}.prize`, w.prize);
    const n = ctx.awards.nominationById(w.nominationId);
    if (!n || n.round_id !== round.id) throw badRequest('winner_invalid', `winners: nomination ${w.nominationId} is not in this round`, { id: w.nominationId });
    if (n.post_status !== 'published') throw badRequest('winner_invalid', `winners: the tip of nomination ${w.nominationId} is hidden`, { id: w.nominationId });
    if (seen.has(n.id)) throw badRequest('winner_invalid', `winners: nomination ${w.nominationId} appears twice`, { id: w.nominationId });
    seen.add(n.id);
    return { nominationId: n.id, postId: n.post_id, prize: w.prize.trim() };
  });
  return ctx.db.transaction(() => {
    winners.forEach((w, i) => ctx.awards.setPrize(w.nominationId, w.prize, i));
    const visibility = input.visibility ?? 'winners';
    ctx.awards.markPublished(round.id, ctx.now().toISOString(), visibility);
    ctx.audit.write({ actorId: admin.id, action: 'award.publish', targetType: 'award_round', targetId: round.id,
      detail: { from: round.phase, to: 'published', winners, visibility } });
    return ctx.awards.roundById(round.id)!;
  })();
}
