/**
 * Login names: one rule for every way a name arrives (the proxy header, the staff import, the
 * admin API, the login form and KOTSU_ADMINS), so two different names from the directory never
 * become one account.
 *
 * The one normalization, nothing more:
 *  1. leading and trailing ASCII spaces and tabs are dropped (HTTP drops them from headers
 *     anyway; Excel leaves them in cells);
 *  2. Unicode NFC (canonical composition: `e` + U+0301 and `é` are the same text);
 *  3. for comparison only, ASCII `A`–`Z` become `a`–`z` (the directory treats `Sato` and
 *     `sato` as one logon name); the name is stored as given.
 * Then a name must be 1–64 letters, digits and `. _ @ -`, and must be unchanged by NFKC: a
 * compatibility character (`ª`, `ｓａｔｏ`, half-width `ｻﾄｳ`, `①`, ligatures) is refused
 * rather than folded, and so are spaces of any kind (no-break, ideographic), controls, and
 * invisible characters. No compatibility folding and no full Unicode case folding ever touch
 * identity: the "text fold" used for tags, template names and search is not used here.
 */
const SHAPE = /^[\p{L}\p{N}._@-]{1,64}$/u;

const trimAscii = (raw: string) => raw.replace(/^[ \t]+|[ \t]+$/g, '');

/** The comparison key stored in `users.username_norm`. */
export const loginKey = (name: string) =>
  trimAscii(name).normalize('NFC').replace(/[A-Z]+/g, (s) => s.toLowerCase());

import type { Reason } from '../http/reasons';

/** Why a name is refused: the reason and English message for the API, the Japanese note for import rows. */
export interface LoginProblem { reason: Reason; message: string; ja: string }
export type LoginName = { ok: true; name: string; key: string } | ({ ok: false } & LoginProblem);

/** Checks a login name from any source; the name to store and its comparison key, or why it is refused. */
export function parseLoginName(raw: string): LoginName {
  const name = trimAscii(raw).normalize('NFC');
  if (name === '') return { ok: false, reason: 'username_empty', message: 'username is empty', ja: 'ユーザー名が空です' };
  if (!SHAPE.test(name)) {
    return { ok: false, reason: 'username_chars', message: 'username may hold letters, digits and . _ @ - only (at most 64)',
      ja: 'ユーザー名に使えない文字があります' };
  }
  // A login name is a path segment (/users/:username, /api/profiles/:username): `.` and `..` are dot
  // segments, which browsers and fetch resolve away, so that member's pages could not be reached.
  if (name === '.' || name === '..') {
    return { ok: false, reason: 'username_dot_segment', message: 'username cannot be "." or ".."',
      ja: 'ユーザー名を「.」や「..」だけにはできません' };
  }
  if (name.normalize('NFKC') !== name) {
    return { ok: false, reason: 'username_compat',
      message: 'username must not hold compatibility characters (full-width letters, ª, ①, half-width kana)',
      ja: 'ユーザー名に全角英数字などの互換文字は使えません' };
  }
  return { ok: true, name, key: loginKey(name) };
}

/** Whether KOTSU_ADMINS names this account (compared with the same key as every login). */
export const isListedAdmin = (admins: readonly string[], username: string) => {
  const key = loginKey(username);
  return admins.some((a) => loginKey(a) === key);
};
