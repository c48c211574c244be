import { Type, type Static } from '@sinclair/typebox';

export const TagCount = Type.Object({ name: Type.String(), count: Type.Integer() });

export const ListTagsQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 40 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
}, { additionalProperties: false });

export type TagCountT = Static<typeof TagCount>;
export type ListTagsQueryT = Static<typeof ListTagsQuery>;
