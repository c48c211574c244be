/**
 * The one CSV writer: every CSV the app serves is made here, so every cell is encoded the same
 * way. Excel opens it correctly by double-click: UTF-8 with a byte order mark (without it,
 * Japanese Excel reads the file as Shift_JIS and shows mojibake), CRLF line ends, and RFC 4180
 * quoting.
 *
 * Formula injection: Excel takes a cell for a formula when its first character that is not a
 * space is `=`, `+`, `-` or `@` — also after leading spaces, tabs, no-break or ideographic
 * spaces, and also in their full-width and small forms (`＝＋－＠`, `﹦﹢﹣﹫`) and the minus sign
 * `−`, which Japanese Excel converts. Such a cell gets a leading apostrophe, so a tip titled
 * "=VLOOKUP(…)の使い方" or a department "　＝cmd|…" from the directory stays text and cannot
 * run anything on the reader's machine. A cell starting with a tab, CR or LF is treated alike.
 */
const BOM = '\uFEFF';
const LEADING_BLANKS = /^[\p{White_Space}\u180e\u200b-\u200d\u2060\ufeff]*/u;
const TRIGGERS = new Set(['=', '+', '-', '@', '\u2212']);
const NEEDS_QUOTES = /[",\r\n]/;

export type Cell = string | number | null;

/** Whether Excel would read this text as the start of a formula. */
export function looksLikeFormula(text: string): boolean {
  if (/^[\t\r\n]/.test(text)) return true;
  const rest = text.slice(LEADING_BLANKS.exec(text)![0].length);
  if (rest === '') return false;
  const first = String.fromCodePoint(rest.codePointAt(0)!);
  return TRIGGERS.has(first) || TRIGGERS.has(first.normalize('NFKC'));
}

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = looksLikeFormula(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): Buffer {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
