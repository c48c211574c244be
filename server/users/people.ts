import { fold } from '../shared/fold';
import type { UserRow } from './store';

/** A name as typed and as matched: folded (NFKC, lower case) with every space removed. */
const key = (text: string) => fold(text).replace(/\s+/gu, '');

/**
 * Members whose display name or login name matches what was typed after an @ (or in any people
 * lookup): staff know each other by their Japanese names, so 佐藤, 花子, 佐藤花子 and 佐藤 花子
 * all find 「佐藤 花子」, and `sato` finds her login name. Best first: a display name that starts
 * with the text, a given name (after the space) that does, a login name that does, then a
 * display name that holds it anywhere. Suspended members are not found.
 */
export function findPeople(users: readonly UserRow[], typed: string, limit: number): UserRow[] {
  const q = key(typed.replace(/^[@＠]/u, ''));
  if (!q) return [];
  const ranked: { user: UserRow; rank: number }[] = [];
  for (const user of users) {
    const display = key(user.display_name);
    const given = fold(user.display_name).trim().split(/\s+/u).slice(1).map(key);
    const rank = display.startsWith(q) ? 0
      : given.some((g) => g.startsWith(q)) ? 1
        : key(user.username).startsWith(q) ? 2
          : display.includes(q) ? 3 : -1;
    if (rank >= 0) ranked.push({ user, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.user.display_name.localeCompare(b.user.display_name, 'ja') || a.user.id - b.user.id)
    .slice(0, limit).map((r) => r.user);
}
