import type { Static } from '@sinclair/typebox';
import type { Context } from '../context';
import { forbidden, notFound } from '../http/errors';
import { presentSummaries } from '../posts/presenter';
import { getReadable } from '../posts/service';
import { checkText } from '../shared/text';
import { presentPublicUser } from '../users/presenter';
import type { UserRow } from '../users/store';
import type { Adoption, AdoptInput, ImpactT, PeriodT, PostAdoptionsT } from './schemas';
import { lastJapanMonths } from '../shared/japan-time';
import type { AdoptionRow } from './store';

const DAY = 86_400_000;
const RECENT = 10;

/** Rolling windows: "month" is the last 30 days, "year" the last 365, by the day a tip was first put to use. */
export function periodStart(period: PeriodT, now: Date): string | null {
  if (period === 'all') return null;
  return new Date(now.getTime() - (period === 'month' ? 30 : 365) * DAY).toISOString();
}

/** The last `count` months in Japan time, oldest first, as YYYY-MM, with the instant the first began. */
export const lastMonths = lastJapanMonths;

const presentAdoption = (a: AdoptionRow, user: Pick<UserRow, 'id' | 'username' | 'display_name' | 'department'>): Static<typeof Adoption> => ({
  user: presentPublicUser(user),
  department: a.department,
  minutesSavedPerMonth: a.minutes_saved_per_month,
  note: a.note,
  createdAt: a.created_at,
  updatedAt: a.updated_at,
});

const withUser = (a: AdoptionRow) => presentAdoption(a, {
  id: a.user_id, username: a.username, display_name: a.display_name, department: a.department,
});

/** What everyone sees of a tip's adoptions: totals and the latest reports (tip pages cache it). */
export function adoptionFigures(ctx: Context, postId: number): Omit<PostAdoptionsT, 'mine'> {
  const totals = ctx.impact.totalsFor([postId]).get(postId)!;
  return { adoptions: totals.adoptions, minutesSavedPerMonth: totals.minutes, recent: ctx.impact.recent(postId, RECENT).map(withUser) };
}

/** The viewer's own adoption report on a tip, or null. */
export function myAdoption(ctx: Context, viewer: UserRow, postId: number): PostAdoptionsT['mine'] {
  const mine = ctx.impact.one(postId, viewer.id);
  return mine ? withUser(mine) : null;
}

export function postAdoptions(ctx: Context, viewer: UserRow, postId: number): PostAdoptionsT {
  const post = getReadable(ctx, viewer, postId);
  const { adoptions, minutesSavedPerMonth, recent } = adoptionFigures(ctx, post.id);
  return { adoptions, minutesSavedPerMonth, mine: myAdoption(ctx, viewer, post.id), recent };
}

/** "使ってみた": one report per member per tip; a second one replaces the first. */
export function adopt(ctx: Context, member: UserRow, postId: number, input: AdoptInput): PostAdoptionsT {
  const post = getReadable(ctx, member, postId);
  if (post.status !== 'published') throw notFound('tip_not_found', 'tip not found');
  if (post.author_id === member.id) {
    throw forbidden('own_tip_adoption', 'authors do not report adopting their own tip');
  }
  const note = (input.note ?? '').trim();
  checkText('note', note, { multiline: true });
  ctx.impact.upsert({
    postId: post.id, userId: member.id, department: member.department, minutes: input.minutesSavedPerMonth, note,
  }, ctx.now().toISOString());
  return postAdoptions(ctx, member, post.id);
}

export function withdrawAdoption(ctx: Context, member: UserRow, postId: number): void {
  const post = getReadable(ctx, member, postId);
  if (!ctx.impact.remove(post.id, member.id)) throw notFound('adoption_not_found', 'no adoption reported');
}

export function impactReport(ctx: Context, viewer: UserRow, period: PeriodT, limit: number): ImpactT {
  const now = ctx.now();
  const since = periodStart(period, now);
  const totals = ctx.impact.totals(since);
  const top = ctx.impact.topPosts(since, limit);
  const summaries = new Map(presentSummaries(ctx, ctx.posts.summaries(top.map((t) => t.postId)), viewer).map((s) => [s.id, s]));
  const perUse = ctx.impact.minutesSavedPerUseOf(top.map((t) => t.postId));

  const { months, since: seriesStart } = lastMonths(now, 12);
  const inWindow = new Map(ctx.impact.byMonth(seriesStart).map((m) => [m.month, m]));
  const windowMinutes = [...inWindow.values()].reduce((s, m) => s + m.minutes, 0);
  let running = ctx.impact.totals(null).minutes - windowMinutes;
  const byMonth = months.map((month) => {
    const m = inWindow.get(month);
    running += m?.minutes ?? 0;
    return { month, adoptions: m?.adoptions ?? 0, minutesSavedPerMonth: m?.minutes ?? 0, cumulativeMinutesSavedPerMonth: running };
  });

  return {
    period,
    since,
    adoptions: totals.adoptions,
    minutesSavedPerMonth: totals.minutes,
    byDepartment: ctx.impact.byDepartment(since).map((d) => ({
      department: d.department, adoptions: d.adoptions, minutesSavedPerMonth: d.minutes,
    })),
    topPosts: top.filter((t) => summaries.has(t.postId)).map((t) => ({
      post: summaries.get(t.postId)!, adoptions: t.adoptions, minutesSavedPerMonth: t.minutes,
      minutesSavedPerUse: perUse.get(t.postId) ?? null,
    })),
    byMonth,
  };
}
