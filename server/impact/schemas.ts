import { Type, type Static } from '@sinclair/typebox';
import { PostSummary } from '../posts/schemas';
import { PublicUser } from '../users/presenter';

/** Minutes are whole numbers; a month has at most 44,640 minutes, a use is capped at a full day's work twice over. */
export const MinutesSavedPerUse = Type.Integer({ minimum: 0, maximum: 1440 });
export const MinutesSavedPerMonth = Type.Integer({ minimum: 0, maximum: 44_640 });

/** How often an adopter uses a tip: at most 1,000 times a month. */
export const UsesPerMonth = Type.Integer({ minimum: 0, maximum: 1000 });

/**
 * One rule for time saved (issue 18): the adopter says how often they use the tip (回/月) and the
 * minutes one use saves (分/回, the author's estimate prefilled); the server derives minutes per
 * month = uses × minutes. The older body `{minutesSavedPerMonth, note?}` (API.md; RPA robots send
 * it) is still taken as given, with the uses unknown. Exactly one of the two forms.
 */
export const AdoptBody = Type.Object({
  usesPerMonth: Type.Optional(UsesPerMonth),
  minutesSavedPerUse: Type.Optional(MinutesSavedPerUse),
  minutesSavedPerMonth: Type.Optional(MinutesSavedPerMonth),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const Adoption = Type.Object({
  user: PublicUser,
  /** The adopter's department when they reported. */
  department: Type.String(),
  /** Minutes saved per month: uses × minutes per use, or as reported with the older body. */
  minutesSavedPerMonth: Type.Integer(),
  /** Uses per month (回/月); null for a report made with the older body. */
  usesPerMonth: Type.Union([Type.Integer(), Type.Null()]),
  /** Minutes one use saves (分/回) as the adopter reported it; null for the older body. */
  minutesSavedPerUse: Type.Union([Type.Integer(), Type.Null()]),
  note: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const PostAdoptions = Type.Object({
  adoptions: Type.Integer(),
  minutesSavedPerMonth: Type.Integer(),
  /** The caller's own report, or null. */
  mine: Type.Union([Adoption, Type.Null()]),
  /** The latest reports, newest first (at most 10). */
  recent: Type.Array(Adoption),
});

/** Rolling windows (month = last 30 days, year = last 365), all time, or one fiscal year (`fy`, 年度 April–March, Japan time). */
const periods = () => [Type.Literal('month'), Type.Literal('year'), Type.Literal('all'), Type.Literal('fy')];
export const Period = Type.Union(periods());
/** The fiscal year by the calendar year it starts in (2026 = 1 April 2026 – 31 March 2027, Japan time); with period=fy, default the current one. */
export const FiscalYear = Type.Integer({ minimum: 2000, maximum: 2100 });

export const ImpactQuery = Type.Object({
  period: Type.Optional(Type.Union(periods(), { default: 'all' })),
  fy: Type.Optional(FiscalYear),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
}, { additionalProperties: false });

export const ImpactCsvQuery = Type.Object({
  period: Type.Optional(Type.Union(periods(), { default: 'all' })),
  fy: Type.Optional(FiscalYear),
  table: Type.Optional(Type.Union([Type.Literal('departments'), Type.Literal('posts')], { default: 'departments' })),
}, { additionalProperties: false });

const Figures = { adoptions: Type.Integer(), minutesSavedPerMonth: Type.Integer() };

export const Impact = Type.Object({
  period: Period,
  /** Adoptions first reported at or after this instant count; null for all time. */
  since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Adoptions first reported before this instant count; null unless a fiscal year was asked for. */
  until: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** The fiscal year reported (period=fy), else null. */
  fiscalYear: Type.Union([FiscalYear, Type.Null()]),
  /** Fiscal years that can be asked for: from the first adoption's to the current one, newest first. */
  fiscalYears: Type.Array(FiscalYear),
  ...Figures,
  /** By the adopter's department at the time of the report. */
  byDepartment: Type.Array(Type.Object({ department: Type.String(), ...Figures })),
  topPosts: Type.Array(Type.Object({ post: PostSummary, ...Figures, minutesSavedPerUse: Type.Union([Type.Integer(), Type.Null()]) })),
  /**
   * The last 12 months (Japan time), whatever the period: adoptions first reported in each month,
   * the minutes per month they added, and the running total of minutes saved per month at its end.
   */
  byMonth: Type.Array(Type.Object({ month: Type.String(), ...Figures, cumulativeMinutesSavedPerMonth: Type.Integer() })),
});

export type AdoptInput = Static<typeof AdoptBody>;
export type ImpactT = Static<typeof Impact>;
export type PeriodT = Static<typeof Period>;
export type PostAdoptionsT = Static<typeof PostAdoptions>;
