import { Type, type Static } from '@sinclair/typebox';
import { Cursor, Limit } from '../http/schemas';
import { Post } from '../posts/schemas';
import { PublicUser } from '../users/presenter';
import { DIFF_MAX_ROWS, DIFF_MAX_SEGMENTS } from './diff';
import { EditBaseFields } from './edit-base';

export const RevisionSummary = Type.Object({
  number: Type.Integer({ description: 'rises with each save of the tip; a draft\'s autosaves may skip numbers' }),
  title: Type.String(),
  tags: Type.Array(Type.String()),
  editor: PublicUser,
  createdAt: Type.String({ format: 'date-time' }),
  restoredFrom: Type.Union([Type.Integer(), Type.Null()], { description: 'the revision this one restored, if any' }),
});

export const Revision = Type.Object({ ...RevisionSummary.properties, body: Type.String() });

export const RevisionParams = Type.Object({ id: Type.Integer({ minimum: 1 }), number: Type.Integer({ minimum: 1 }) });

export const RevisionListQuery = Type.Object({
  limit: Type.Optional(Limit), cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const DiffQuery = Type.Object({
  from: Type.Optional(Type.Integer({ minimum: 1, description: 'older revision; default the one before `to`' })),
  to: Type.Optional(Type.Integer({ minimum: 1, description: 'newer revision; default the latest' })),
  context: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 3, description: 'unchanged lines kept around each change' })),
}, { additionalProperties: false });

const Segment = Type.Object({
  kind: Type.Union([Type.Literal('equal'), Type.Literal('added'), Type.Literal('removed')]),
  text: Type.String(),
});

const DiffLine = Type.Object({
  kind: Type.Union(['equal', 'added', 'removed', 'changed', 'skip'].map((k) => Type.Literal(k))),
  oldLine: Type.Optional(Type.Integer()),
  newLine: Type.Optional(Type.Integer()),
  text: Type.Optional(Type.String()),
  segments: Type.Optional(Type.Array(Segment)),
  count: Type.Optional(Type.Integer()),
});

export const RevisionDiff = Type.Object({
  from: RevisionSummary,
  to: RevisionSummary,
  title: Type.Array(Segment),
  tags: Type.Object({ added: Type.Array(Type.String()), removed: Type.Array(Type.String()) }),
  body: Type.Array(DiffLine, { description: 'line-based, `changed` lines carry word-level segments; empty when the body is unchanged' }),
  stats: Type.Object({ added: Type.Integer(), removed: Type.Integer() }, { description: 'every added and removed line, also when `body` is truncated' }),
  truncated: Type.Boolean({ description: `\`body\` stops early: a diff answer carries at most ${DIFF_MAX_ROWS} rows and ${DIFF_MAX_SEGMENTS} in-line segments (a \`changed\` line past the segment cap comes as a removal and an addition)` }),
});

export const RestoreBody = Type.Object(EditBaseFields, { additionalProperties: false });

export const EditConflict = Type.Object({
  error: Type.Literal('conflict'),
  reason: Type.Literal('edit_conflict'),
  message: Type.String(),
  currentRevision: Type.Integer(),
  current: Post,
}, { description: 'the tip changed since the edit started: the current version, to compare and merge by hand' });

export type RevisionSummaryT = Static<typeof RevisionSummary>;
export type RevisionT = Static<typeof Revision>;
export type RevisionDiffT = Static<typeof RevisionDiff>;
