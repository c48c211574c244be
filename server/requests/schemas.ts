import { Type, type Static } from '@sinclair/typebox';
import { Cursor, Limit } from '../http/schemas';
import { PostSummary } from '../posts/schemas';
import { PublicUser } from '../users/presenter';

export const REQUEST_TITLE_MAX = 200;
export const REQUEST_BODY_MAX = 10_000;

const Title = Type.String({ minLength: 1, maxLength: REQUEST_TITLE_MAX });
const Body = Type.String({ maxLength: REQUEST_BODY_MAX });

export const TipRequest = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  html: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('solved')]),
  requester: PublicUser,
  voteCount: Type.Integer({ description: '私も知りたい: members other than the requester who want this too' }),
  votedByMe: Type.Boolean(),
  answerCount: Type.Integer(),
  solvedPostId: Type.Union([Type.Integer(), Type.Null()]),
  solvedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const Answer = Type.Object({
  post: PostSummary,
  linkedBy: PublicUser,
  linkedAt: Type.String({ format: 'date-time' }),
});

export const TipRequestDetail = Type.Object({ ...TipRequest.properties, answers: Type.Array(Answer) });

export const CreateRequestBody = Type.Object({ title: Title, body: Type.Optional(Body) }, { additionalProperties: false });
export const UpdateRequestBody = Type.Object({ title: Type.Optional(Title), body: Type.Optional(Body) },
  { additionalProperties: false, minProperties: 1 });

export const ListRequestsQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('solved'), Type.Literal('all')], { default: 'open' })),
  sort: Type.Optional(Type.Union([Type.Literal('votes'), Type.Literal('new')], { default: 'votes' })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const AnswerBody = Type.Object({ postId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const SolveBody = Type.Object({
  postId: Type.Optional(Type.Integer({ minimum: 1, description: 'the answer that solved it; must be linked to the request' })),
}, { additionalProperties: false });
export const AnswerParams = Type.Object({ id: Type.Integer({ minimum: 1 }), postId: Type.Integer({ minimum: 1 }) });

export const VoteState = Type.Object({ voteCount: Type.Integer(), votedByMe: Type.Boolean() });

export const RequestRef = Type.Object({
  id: Type.Integer(), title: Type.String(), status: Type.Union([Type.Literal('open'), Type.Literal('solved')]),
});

export type TipRequestT = Static<typeof TipRequest>;
export type TipRequestDetailT = Static<typeof TipRequestDetail>;
