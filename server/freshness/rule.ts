/**
 * When a tip asks to be looked at again: `staleAfterDays` (KOTSU_STALE_AFTER_DAYS, default 365)
 * after it was last edited or last confirmed as still valid, whichever is later. The one place
 * this rule lives: the API sends `reviewDueAt`, the store's review list asks the same question.
 */
const DAY_MS = 86_400_000;

export interface FreshnessRow {
  updated_at: string;
  confirmed_at: string | null;
}

/** The later of the last edit and the last confirmation. */
export const reviewedAt = (row: FreshnessRow): string =>
  row.confirmed_at !== null && row.confirmed_at > row.updated_at ? row.confirmed_at : row.updated_at;

export const reviewDueAt = (row: FreshnessRow, staleAfterDays: number): string =>
  new Date(Date.parse(reviewedAt(row)) + staleAfterDays * DAY_MS).toISOString();

/** The reviewed-before instant that makes a tip due now: for the store's query. */
export const dueIfReviewedBefore = (now: Date, staleAfterDays: number): string =>
  new Date(now.getTime() - staleAfterDays * DAY_MS).toISOString();
