/**
 * Edits the Markdown editor's toolbar makes, as pure functions of the text and its selection,
 * so each is testable without a browser. Each returns the new text and the selection to leave.
 */
export interface TextState {
  value: string;
  start: number;
  end: number;
}

const lineStartOf = (value: string, at: number) => value.lastIndexOf('\n', at - 1) + 1;
function lineEndOf(value: string, at: number): number {
  const i = value.indexOf('\n', at);
  return i < 0 ? value.length : i;
}

function replace(s: TextState, from: number, to: number, text: string, selStart: number, selEnd: number): TextState {
  return { value: s.value.slice(0, from) + text + s.value.slice(to), start: selStart, end: selEnd };
}

/** `**bold**` around the selection (or around a placeholder, left selected to type over). */
export function wrap(s: TextState, mark: string, placeholder: string): TextState {
  const selected = s.value.slice(s.start, s.end);
  const inner = selected || placeholder;
  const text = `${mark}${inner}${mark}`;
  return replace(s, s.start, s.end, text, s.start + mark.length, s.start + mark.length + inner.length);
}

/** The block prefix a line begins with: a heading, a task (`- [ ] `, `- [x] `), a list item, a quote. */
const LINE_PREFIX = /^(#{1,6} |[-*+] \[[ xX]\] |[-*+] |\d+\. |> )/;
/** A line's prefix as the buttons compare it: a task ticked or not is a task. */
const prefixOf = (line: string) => (LINE_PREFIX.exec(line)?.[0] ?? '').replace(/\[[xX]\]/, '[ ]');

/**
 * A prefix on every line the selection touches (`## `, `- `, `- [ ] `, `1. `, `> `); numbered
 * lists count up. When every line already has exactly this prefix (a task ticked or not counts as
 * a task, and a task is not a plain list item), they lose it instead, so the button toggles; else
 * each line's own prefix is replaced by this one.
 */
export function prefixLines(s: TextState, prefix: string | ((n: number) => string)): TextState {
  const from = lineStartOf(s.value, s.start);
  const to = lineEndOf(s.value, s.end > s.start && s.value[s.end - 1] === '\n' ? s.end - 1 : s.end);
  const lines = s.value.slice(from, to).split('\n');
  const marks = lines.map((_, i) => (typeof prefix === 'string' ? prefix : prefix(i + 1)));
  const all = lines.every((l, i) => prefixOf(l) === marks[i]);
  const out = lines.map((l, i) => (all ? l.replace(LINE_PREFIX, '') : `${marks[i]}${l.replace(LINE_PREFIX, '')}`)).join('\n');
  return replace(s, from, to, out, from, from + out.length);
}

/** `[text](url)`: the selection becomes the link text, and the address is left selected. */
export function link(s: TextState, placeholderText: string, image = false): TextState {
  const text = s.value.slice(s.start, s.end) || placeholderText;
  const url = 'https://';
  const md = `${image ? '!' : ''}[${text}](${url})`;
  const urlAt = s.start + md.length - 1 - url.length;
  return replace(s, s.start, s.end, md, urlAt, urlAt + url.length);
}

/** Text put on lines of its own: a blank line before and after, unless already there. */
function asBlock(s: TextState, block: string, selectFrom: number, selectTo: number): TextState {
  const before = s.value.slice(0, s.start);
  const after = s.value.slice(s.end);
  const lead = before === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const at = s.start + lead.length;
  return replace(s, s.start, s.end, `${lead}${block}${after === '' ? '\n' : trail}`, at + selectFrom, at + selectTo);
}

/** A fenced code block in `fence` language around the selection (or an empty one to type in). */
export function codeBlock(s: TextState, fence: string): TextState {
  const selected = s.value.slice(s.start, s.end).replace(/\n$/, '');
  const head = `\`\`\`${fence}\n`;
  return asBlock(s, `${head}${selected}\n\`\`\``, head.length, head.length + selected.length);
}

/** An empty table of `rows` body rows and `cols` columns, with the first header cell selected. */
export function table(s: TextState, rows: number, cols: number, headerText: (col: number) => string): TextState {
  const header = `| ${Array.from({ length: cols }, (_, i) => headerText(i + 1)).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(cols)}`;
  const body = Array.from({ length: rows }, () => `|${'  |'.repeat(cols)}`);
  const first = headerText(1);
  return asBlock(s, [header, rule, ...body].join('\n'), 2, 2 + first.length);
}

const isTableLine = (line: string) => /^\s*\|.*\|\s*$/.test(line);

/**
 * Tab inside a table row: the caret goes to the next cell (Shift+Tab: the previous one), across
 * rows, skipping the |---| rule; the cell's text is selected. Null when the caret is not in a
 * table row or there is no cell that way, so Tab keeps its usual meaning and nobody is trapped.
 */
export function moveCell(s: TextState, backwards: boolean): TextState | null {
  const from = lineStartOf(s.value, s.start);
  if (!isTableLine(s.value.slice(from, lineEndOf(s.value, s.start)))) return null;
  let top = from;
  while (top > 0 && isTableLine(s.value.slice(lineStartOf(s.value, top - 1), top - 1))) top = lineStartOf(s.value, top - 1);
  // Each cell: the bars around it, and its text (or, when empty, the place after one space).
  const cells: { left: number; right: number; start: number; end: number }[] = [];
  let lineAt = top;
  for (;;) {
    const end = lineEndOf(s.value, lineAt);
    const line = s.value.slice(lineAt, end);
    if (!isTableLine(line)) break;
    if (!/^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line)) {
      const bars = [...line.matchAll(/\|/g)].map((m) => lineAt + m.index);
      for (let i = 0; i + 1 < bars.length; i++) {
        const raw = s.value.slice(bars[i]! + 1, bars[i + 1]!);
        const text = raw.trim();
        const start = bars[i]! + 1 + (text ? raw.length - raw.trimStart().length : Math.min(1, raw.length));
        cells.push({ left: bars[i]!, right: bars[i + 1]!, start, end: start + text.length });
      }
    }
    if (end >= s.value.length) break;
    lineAt = end + 1;
  }
  const current = cells.findIndex((c) => s.start > c.left && s.start <= c.right);
  const next = current < 0 ? (backwards ? -1 : cells.findIndex((c) => c.left >= s.start)) : current + (backwards ? -1 : 1);
  if (next < 0 || next >= cells.length) return null;
  const { start: a, end: b } = cells[next]!;
  return { value: s.value, start: a, end: b };
}
