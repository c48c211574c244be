import { badRequest } from './errors';

/** Cursors are opaque to clients: base64url JSON of the sort key of the last item. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | null {
  if (cursor === undefined || cursor === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('cursor_invalid', 'cursor is invalid');
  }
  if (!Array.isArray(value) || value.length !== shape.length || value.some((v, i) => typeof v !== shape[i])) {
    throw badRequest('cursor_invalid', 'cursor is invalid');
  }
  return value as (string | number)[];
}

/** Takes one row more than asked to know whether a next page exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

export type CursorKey = (string | number)[];

/** How a list is ordered: the types of its sort key, and a row's key (what the next page starts after). */
export interface PageKey<Row> {
  shape: readonly ('string' | 'number')[];
  key: (row: Row) => CursorKey;
}

/** The most common order: by id alone. */
export const byId: PageKey<{ id: number }> = { shape: ['number'], key: (row) => [row.id] };

/**
 * One page of a keyset-paginated list, the one way every list route pages: the cursor decoded to
 * the sort key of the last row the client saw (400 if it is malformed), one row more than `limit`
 * fetched to know whether a next page exists, the page's rows presented, and the cursor of its
 * last row when there is more.
 */
export function paginate<Row, Item>(
  page: { cursor?: string; limit: number },
  order: PageKey<Row>,
  fetch: (after: CursorKey | null, take: number) => Row[],
  present: (rows: Row[]) => Item[],
): { items: Item[]; nextCursor: string | null } {
  const after = decodeCursor(page.cursor, order.shape);
  const { items, nextCursor } = pageOf(fetch(after, page.limit + 1), page.limit, order.key);
  return { items: present(items), nextCursor };
}
