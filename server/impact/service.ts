import type { Static } from '@sinclair/typebox';
import type { Context } from '../context';
import { forbidden, notFound } from '../http/errors';
import { presentSummaries } from '../posts/presenter';
import { getReadable } from '../posts/service';
import { checkText } from '../shared/text';
import { presentPublicUser } from '../users/presenter';
import type { UserRow } from '../users/store';
import type { Adoption, AdoptInput, ImpactT, PeriodT, PostAdoptionsT } from './schemas';
import { japanFiscalYear, japanFiscalYearRange, lastJapanMonths } from '../shared/japan-time';
import { badRequest } from '../http/errors';
import type { AdoptionRow } from './store';

const DAY = 86_400_000;
const RECENT = 10;

/** Rolling windows: "month" is the last 30 days, "year" the last 365, by the day a tip was first put to use. */
export function periodStart(period: Exclude<PeriodT, 'fy'>, now: Date): string | null {
  if (period === 'all') return null;
  return new Date(now.getTime() - (period === 'month' ? 30 : 365) * DAY).toISOString();
}

/** The last `count` months in Japan time, oldest first, as YYYY-MM, with the instant the first began. */
export const lastMonths = lastJapanMonths;

const presentAdoption = (a: AdoptionRow, user: Pick<UserRow, 'id' | 'username' | 'display_name' | 'department'>): Static<typeof Adoption> => ({
  user: presentPublicUser(user),
  department: a.department,
  minutesSavedPerMonth: a.minutes_saved_per_month,
  usesPerMonth: a.uses_per_month,
  minutesSavedPerUse: a.minutes_saved_per_use,
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

/** The most minutes a month can save (31 days × 24 h), as MinutesSavedPerMonth allows. */
const MONTH_MINUTES = 44_640;

/**
 * The one rule for time saved: minutes per month = uses per month × minutes per use. A body with
 * only `minutesSavedPerMonth` (the older form, API.md) is stored as given with the uses unknown.
 */
export function adoptionMinutes(input: AdoptInput): { minutes: number; uses: number | null; perUse: number | null } {
  const { usesPerMonth: uses, minutesSavedPerUse: perUse, minutesSavedPerMonth: given } = input;
  const newForm = uses !== undefined || perUse !== undefined;
  if (newForm && given !== undefined) {
    throw badRequest('adoption_figures', 'give either usesPerMonth and minutesSavedPerUse, or minutesSavedPerMonth');
  }
  if (!newForm) {
    if (given === undefined) throw badRequest('adoption_figures', 'give usesPerMonth and minutesSavedPerUse');
    return { minutes: given, uses: null, perUse: null };
  }
  if (uses === undefined || perUse === undefined) {
    throw badRequest('adoption_figures', 'give both usesPerMonth and minutesSavedPerUse');
  }
  const minutes = uses * perUse;
  if (minutes > MONTH_MINUTES) throw badRequest('adoption_too_much', `uses × minutes exceeds a month (${MONTH_MINUTES} minutes)`, { max: MONTH_MINUTES });
  return { minutes, uses, perUse };
}

/** "使ってみた": one report per member per tip; a second one replaces the first. */
export function adopt(ctx: Context, member: UserRow, postId: number, input: AdoptInput): PostAdoptionsT {
  const post = getReadable(ctx, member, postId);
  if (post.status !== 'published') throw notFound('tip_not_found', 'tip not found');
  if (post.author_id === member.id) {
    throw forbidden('own_tip_adoption', 'authors do not report adopting their own tip');
  }
  const figures = adoptionMinutes(input);
  const note = (input.note ?? '').trim();
  checkText('note', note, { multiline: true });
  ctx.impact.upsert({
    postId: post.id, userId: member.id, department: member.department, ...figures, note,
  }, ctx.now().toISOString());
  return postAdoptions(ctx, member, post.id);
}

export function withdrawAdoption(ctx: Context, member: UserRow, postId: number): void {
  const post = getReadable(ctx, member, postId);
  if (!ctx.impact.remove(post.id, member.id)) throw notFound('adoption_not_found', 'no adoption reported');
}

/** The fiscal years with anything to report: from the first adoption's to the current one, newest first. */
export function fiscalYears(ctx: Context, now: Date): number[] {
  const current = japanFiscalYear(now);
  const first = ctx.impact.firstAdoptionAt();
  const from = first ? Math.min(japanFiscalYear(new Date(first)), current) : current;
  const out: number[] = [];
  for (let fy = current; fy >= from; fy -= 1) out.push(fy);
  return out;
}

function fiscalMonths(fy: number): { months: string[]; since: string } {
  const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(fy, 3 + i, 1)).toISOString().slice(0, 7));
  return { months, since: japanFiscalYearRange(fy).since };
}

/** The instants a period covers: [since, until), either end null when open. */
export function periodRange(period: PeriodT, now: Date, fy?: number): { since: string | null; until: string | null; fiscalYear: number | null } {
  if (period === 'fy') {
    const year = fy ?? japanFiscalYear(now);
    return { ...japanFiscalYearRange(year), fiscalYear: year };
  }
  return { since: periodStart(period, now), until: null, fiscalYear: null };
}

export function impactReport(ctx: Context, viewer: UserRow, period: PeriodT, limit: number, fy?: number): ImpactT {
  const now = ctx.now();
  const { since, until, fiscalYear } = periodRange(period, now, fy);
  const totals = ctx.impact.totals(since, until);
  const top = ctx.impact.topPosts(since, limit, until);
  const summaries = new Map(presentSummaries(ctx, ctx.posts.summaries(top.map((t) => t.postId)), viewer).map((s) => [s.id, s]));
  const perUse = ctx.impact.minutesSavedPerUseOf(top.map((t) => t.postId));

  // The fiscal year's twelve months (April–March), else the last 12 months.
  const { months, since: seriesStart } = fiscalYear !== null ? fiscalMonths(fiscalYear) : lastMonths(now, 12);
  const inWindow = new Map(ctx.impact.byMonth(seriesStart).map((m) => [m.month, m]));
  let running = ctx.impact.totals(null, seriesStart).minutes;
  const byMonth = months.map((month) => {
    const m = inWindow.get(month);
    running += m?.minutes ?? 0;
    return { month, adoptions: m?.adoptions ?? 0, minutesSavedPerMonth: m?.minutes ?? 0, cumulativeMinutesSavedPerMonth: running };
  });

  return {
    period,
    since,
    until,
    fiscalYear,
    fiscalYears: fiscalYears(ctx, now),
    adoptions: totals.adoptions,
    minutesSavedPerMonth: totals.minutes,
    byDepartment: ctx.impact.byDepartment(since, until).map((d) => ({
      department: d.department, adoptions: d.adoptions, minutesSavedPerMonth: d.minutes,
    })),
    topPosts: top.filter((t) => summaries.has(t.postId)).map((t) => ({
      post: summaries.get(t.postId)!, adoptions: t.adoptions, minutesSavedPerMonth: t.minutes,
      minutesSavedPerUse: perUse.get(t.postId) ?? null,
    })),
    byMonth,
  };
}
