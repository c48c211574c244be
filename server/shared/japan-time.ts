/**
 * Japan time, the one place: Asia/Tokyo is UTC+9 all year (no daylight saving). Days are
 * YYYY-MM-DD strings, months YYYY-MM; instants stay UTC ISO strings as stored.
 */

export const JST_OFFSET_MS = 9 * 3600_000;
/** The same offset as an SQLite date modifier: strftime('%Y-%m', t, JST_SQL_MODIFIER). */
export const JST_SQL_MODIFIER = '+9 hours';
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

/** The last `count` Japan calendar months up to `now`'s, oldest first (YYYY-MM), with the instant the first began. */
export function lastJapanMonths(now: Date, count: number): { months: string[]; since: string } {
  const jst = new Date(now.getTime() + JST_OFFSET_MS);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1) {
    months.push(new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  }
  const first = Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth() - (count - 1), 1) - JST_OFFSET_MS;
  return { months, since: new Date(first).toISOString() };
}

/** The Japanese fiscal year (年度) an instant falls in, by the calendar year it starts in: April–March, Japan time. */
export function japanFiscalYear(at: Date): number {
  const jst = new Date(at.getTime() + JST_OFFSET_MS);
  return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
}

/** The instants fiscal year `fy` begins (1 April 00:00 JST) and ends (exclusive: the next 1 April), as ISO UTC strings. */
export function japanFiscalYearRange(fy: number): { since: string; until: string } {
  return { since: japanDayStartIso(`${fy}-04-01`), until: japanDayStartIso(`${fy + 1}-04-01`) };
}
