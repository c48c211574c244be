import { Type, type Static } from '@sinclair/typebox';
import { PostSummary } from '../posts/schemas';
import { PublicUser } from '../users/presenter';

/** Minutes are whole numbers; a month has at most 44,640 minutes, a use is capped at a full day's work twice over. */
export const MinutesSavedPerUse = Type.Integer({ minimum: 0, maximum: 1440 });
export const MinutesSavedPerMonth = Type.Integer({ minimum: 0, maximum: 44_640 });

export const AdoptBody = Type.Object({
  minutesSavedPerMonth: MinutesSavedPerMonth,
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const Adoption = Type.Object({
  user: PublicUser,
  /** The adopter's department when they reported. */
  department: Type.String(),
  minutesSavedPerMonth: Type.Integer(),
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

const periods = () => [Type.Literal('month'), Type.Literal('year'), Type.Literal('all')];
export const Period = Type.Union(periods());

export const ImpactQuery = Type.Object({
  period: Type.Optional(Type.Union(periods(), { default: 'all' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
}, { additionalProperties: false });

export const ImpactCsvQuery = Type.Object({
  period: Type.Optional(Type.Union(periods(), { default: 'all' })),
  table: Type.Optional(Type.Union([Type.Literal('departments'), Type.Literal('posts')], { default: 'departments' })),
}, { additionalProperties: false });

const Figures = { adoptions: Type.Integer(), minutesSavedPerMonth: Type.Integer() };

export const Impact = Type.Object({
  period: Period,
  /** Adoptions first reported at or after this instant count; null for all time. */
  since: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  ...Figures,
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
