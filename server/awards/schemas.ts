import { Type, type Static } from '@sinclair/typebox';
import { Cursor, Limit } from '../http/schemas';
import { PostSummary } from '../posts/schemas';
import { PublicUser } from '../users/presenter';

export const PhaseName = Type.Union([
  Type.Literal('nominating'), Type.Literal('scoring'), Type.Literal('closed'), Type.Literal('published'),
]);

const Title = Type.String({ minLength: 1, maxLength: 200 });
const Category = Type.String({ minLength: 1, maxLength: 40 });
const Categories = Type.Array(Category, { minItems: 1, maxItems: 10 });
const CriterionKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' });
export const Criterion = Type.Object({
  key: CriterionKey,
  label: Type.String({ minLength: 1, maxLength: 40 }),
  weight: Type.Integer({ minimum: 1, maximum: 100 }),
}, { additionalProperties: false });
const Criteria = Type.Array(Criterion, { minItems: 1, maxItems: 10 });
const Judges = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 30 });

export const ResultsVisibility = Type.Union([Type.Literal('winners'), Type.Literal('ranking')], {
  description: 'winners: everyone sees the winners (no scores); ranking: everyone sees the full ranking with scores' });

export const Round = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  phase: PhaseName,
  categories: Type.Array(Type.String()),
  criteria: Type.Array(Criterion),
  /** Usernames, as they were given when the round was opened. */
  judges: Type.Array(Type.String()),
  /** The same jury with names and departments, for display. */
  jury: Type.Array(PublicUser),
  nominationCount: Type.Integer(),
  /** Whether the caller sits on this round's jury. */
  isJudge: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Once published, what everyone sees: the winners only, or the full ranking with scores. */
  resultsVisibility: ResultsVisibility,
});

export const CreateRoundBody = Type.Object({
  title: Title, categories: Categories, criteria: Criteria, judges: Judges,
}, { additionalProperties: false });

export const UpdateRoundBody = Type.Object({
  title: Type.Optional(Title), categories: Type.Optional(Categories),
  criteria: Type.Optional(Criteria), judges: Type.Optional(Judges),
}, { additionalProperties: false, minProperties: 1 });

export const PhaseBody = Type.Object({
  phase: Type.Union([Type.Literal('nominating'), Type.Literal('scoring'), Type.Literal('closed')]),
}, { additionalProperties: false });

export const NominateBody = Type.Object({
  postId: Type.Integer({ minimum: 1 }),
  category: Category,
  statement: Type.String({ minLength: 1, maxLength: 2000 }),
}, { additionalProperties: false });

const Scores = Type.Record(Type.String(), Type.Integer({ minimum: 1, maximum: 5 }));

export const MyScore = Type.Object({
  scores: Scores,
  comment: Type.String(),
  scoredAt: Type.String({ format: 'date-time' }),
});

export const Nomination = Type.Object({
  id: Type.Integer(),
  roundId: Type.Integer(),
  post: PostSummary,
  category: Type.String(),
  statement: Type.String(),
  nominatedBy: PublicUser,
  createdAt: Type.String({ format: 'date-time' }),
  /** Set once the round is published and this nomination won. */
  prize: Type.Union([Type.String(), Type.Null()]),
  /** Only for the round's judges: their own score, and whether they wrote the tip (and may not score it). */
  myScore: Type.Optional(Type.Union([MyScore, Type.Null()])),
  ownTip: Type.Optional(Type.Boolean()),
});

export const NominationsQuery = Type.Object({
  category: Type.Optional(Category),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const NominationParams = Type.Object({ id: Type.Integer({ minimum: 1 }), nid: Type.Integer({ minimum: 1 }) });

export const ScoreBody = Type.Object({
  scores: Scores,
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });

export const ScoreResult = Type.Object({
  nominationId: Type.Integer(),
  judge: PublicUser,
  scores: Scores,
  comment: Type.String(),
  scoredAt: Type.String({ format: 'date-time' }),
});

export const Progress = Type.Object({
  /** Nominations the judge may score (all but their own tips). */
  total: Type.Integer(),
  scored: Type.Integer(),
  toScore: Type.Integer(),
  /** Nominations of tips the judge wrote: never theirs to score. */
  excluded: Type.Integer(),
});

export const ProgressResponse = Type.Object({
  /** The caller's own progress, or null when they are not on the jury. */
  me: Type.Union([Progress, Type.Null()]),
  /** Every judge's progress; administrators only (empty for others). */
  judges: Type.Array(Type.Object({ judge: PublicUser, ...Progress.properties })),
});

export const ResultItem = Type.Object({
  rank: Type.Union([Type.Integer(), Type.Null()]),
  nomination: Nomination,
  score: Type.Union([Type.Number(), Type.Null()]),
  judgeCount: Type.Integer(),
  tied: Type.Boolean(),
  /** Mean score per criterion key. */
  criteria: Type.Record(Type.String(), Type.Number()),
  /** Judges' comments; shown to the jury and administrators only. */
  comments: Type.Array(Type.Object({ judge: PublicUser, comment: Type.String() })),
});

export const Results = Type.Object({
  phase: PhaseName,
  /** What this caller is shown: the full ranking, or the winners only (published, visibility `winners`). */
  shown: ResultsVisibility,
  items: Type.Array(ResultItem),
  /** The same results grouped by category (round order), ranked within each category. */
  categories: Type.Array(Type.Object({ category: Type.String(), items: Type.Array(ResultItem) })),
});

export const PublishBody = Type.Object({
  winners: Type.Array(Type.Object({
    nominationId: Type.Integer({ minimum: 1 }),
    prize: Type.String({ minLength: 1, maxLength: 40 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
  /** What everyone sees once published; `winners` when left out. */
  visibility: Type.Optional(ResultsVisibility),
}, { additionalProperties: false });

export const ShowcaseQuery = Type.Object({ roundId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

export const ShowcaseItem = Type.Object({
  roundId: Type.Integer(),
  roundTitle: Type.String(),
  publishedAt: Type.String({ format: 'date-time' }),
  nominationId: Type.Integer(),
  category: Type.String(),
  prize: Type.String(),
  /** The author's department: where the case comes from. */
  department: Type.String(),
  statement: Type.String(),
  post: PostSummary,
  /** The case's effect: the author's estimate and what adopters reported. */
  effect: Type.Object({
    minutesSavedPerUse: Type.Union([Type.Integer(), Type.Null()]),
    adoptions: Type.Integer(),
    minutesSavedPerMonth: Type.Integer(),
  }),
});

export const Showcase = Type.Object({ items: Type.Array(ShowcaseItem) });

export const PostNomination = Type.Object({
  id: Type.Integer(),
  roundId: Type.Integer(),
  roundTitle: Type.String(),
  phase: PhaseName,
  category: Type.String(),
  statement: Type.String(),
  nominatedBy: PublicUser,
  createdAt: Type.String({ format: 'date-time' }),
  prize: Type.Union([Type.String(), Type.Null()]),
});

export type RoundT = Static<typeof Round>;
export type NominationT = Static<typeof Nomination>;
export type CreateRoundInput = Static<typeof CreateRoundBody>;
export type UpdateRoundInput = Static<typeof UpdateRoundBody>;
export type NominateInput = Static<typeof NominateBody>;
export type ScoreInputBody = Static<typeof ScoreBody>;
export type PublishInput = Static<typeof PublishBody>;
export type ResultsT = Static<typeof Results>;
export type ProgressT = Static<typeof Progress>;
