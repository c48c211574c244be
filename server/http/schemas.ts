import { Type, type TSchema } from '@sinclair/typebox';

export const ErrorResponse = Type.Object({ error: Type.String(), message: Type.String() });

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const Limit = Type.Integer({ minimum: 1, maximum: 100, default: 20 });
export const Cursor = Type.String({ maxLength: 200 });

export const PageQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) });

/** `{items, nextCursor}` — the list shape every paginated route answers with. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/** Standard error responses to list on a route, so the OpenAPI document shows them. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorResponse]));
