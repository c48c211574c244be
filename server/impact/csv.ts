/**
 * CSV that Excel opens correctly by double-click: UTF-8 with a byte order mark (without it,
 * Japanese Excel reads the file as Shift_JIS and shows mojibake), CRLF line ends, and RFC 4180
 * quoting. A cell that Excel would take for a formula (=, +, -, @, tab, CR at its start) gets a
 * leading apostrophe, so a tip titled "=VLOOKUP(…)の使い方" stays text and a crafted title cannot
 * run anything on the reader's machine.
 */
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export type Cell = string | number | null;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): Buffer {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
