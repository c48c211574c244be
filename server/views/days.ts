/** Japan calendar days (Asia/Tokyo is UTC+9 all year, no daylight saving) as YYYY-MM-DD strings. */

const JST_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 86_400_000;

/** The Japan calendar day of an instant. */
export function japanDay(at: Date): string {
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The instant a Japan day begins (00:00 JST), as an ISO UTC string comparable with stored times. */
export function japanDayStartIso(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - JST_OFFSET_MS).toISOString();
}

/** The first day of the Japan calendar month that `day` falls in. */
export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
