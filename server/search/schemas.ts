import { Type, type Static } from '@sinclair/typebox';
import { AwardBadge } from '../awards/badge';
import { PublicUser } from '../users/presenter';

export const QUERY_MAX = 200;

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: QUERY_MAX })),
  tag: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 5 })),
  author: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('new'), Type.Literal('popular')], { default: 'relevance' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
  /** Extension: also count the tags of all matching tips (for narrowing on the search page). */
  facets: Type.Optional(Type.Boolean({ default: false })),
  /** Extension: search exactly what was typed, without showing a corrected query's results. */
  exact: Type.Optional(Type.Boolean({ default: false })),
}, { additionalProperties: false });

export const SearchHit = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  /** HTML-escaped text with the matched words in <mark>. */
  snippet: Type.String(),
  tags: Type.Array(Type.String()),
  author: PublicUser,
  viewCount: Type.Integer(),
  likeCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  /** DX賞 prizes of the tip, as on post summaries. */
  awards: Type.Array(AwardBadge),
  /**
   * Extension, on `partial` hits and the hits of a `relaxed` answer: the word of the query (as
   * typed) the tip does not have, when it lacks one.
   */
  missing: Type.Optional(Type.String()),
  /**
   * Extension, on the hits of a `relaxed` answer to a sentence of four words or more that no tip
   * answers with all its words but one (any of its words): every word of the query the tip does
   * not have, when it lacks more than one.
   */
  missingWords: Type.Optional(Type.Array(Type.String())),
});

export const TagCount = Type.Object({ name: Type.String(), count: Type.Integer() });

export const SearchResult = Type.Object({
  total: Type.Integer(),
  items: Type.Array(SearchHit),
  /** A corrected query that finds tips, offered when this one finds none. */
  didYouMean: Type.Union([Type.String(), Type.Null()]),
  /**
   * True when no tip had every word and the results have all words but one — or, for a sentence of
   * four words or more that no tip answers so, any of its words.
   */
  relaxed: Type.Boolean(),
  /**
   * Extension: set when the query as typed found nothing and the results are those of this
   * corrected query (mistyped words replaced); `exact=true` searches the query as typed.
   */
  correctedTo: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /**
   * Extension: when fewer tips than the page have every word (first page, sorted by relevance),
   * tips that have all the words but one, best first, up to the page's remaining places. They are
   * not in `items` nor counted in `total`.
   */
  partial: Type.Optional(Type.Array(SearchHit)),
  facets: Type.Optional(Type.Array(TagCount)),
});

export const SuggestQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: QUERY_MAX })),
}, { additionalProperties: false });

export const SuggestResult = Type.Object({
  posts: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() })),
  tags: Type.Array(TagCount),
});

export type SearchQueryT = Static<typeof SearchQuery>;
export type SearchHitT = Static<typeof SearchHit>;
export type SearchResultT = Static<typeof SearchResult>;
export type SuggestResultT = Static<typeof SuggestResult>;

/** A tip's id, for the tips related to it. */
export const RelatedQuery = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
/** A title being typed, for the existing tips it may duplicate; none yet (no `q`) finds none, as for suggest. */
export const SimilarQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: QUERY_MAX })) }, { additionalProperties: false });
export const RelatedResult = Type.Object({
  items: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String() }), { maxItems: 5 }),
});
export type RelatedResultT = Static<typeof RelatedResult>;
