import { Type, type TSchema } from '@sinclair/typebox';
import { REASONS } from './reasons';

export const ErrorResponse = Type.Object({
  error: Type.String({ description: 'broad class: bad_request, unauthenticated, forbidden, not_found, conflict, too_large, unsupported_media_type, rate_limited, internal, unavailable' }),
  reason: Type.Optional(Type.Union(REASONS.map((r) => Type.Literal(r)), {
    description: 'the exact rule that refused the request, stable for programs and translated by the web app' })),
  message: Type.String({ description: 'English text for API users and logs; people read the web app\'s message for `reason`' }),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
    description: 'values the reason\'s message names, e.g. `seconds` to wait for login_locked, `max` for tag_limit' })),
});

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
