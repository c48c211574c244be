import { performance } from 'node:perf_hooks';
import { diffArrays, diffLines, type ChangeObject } from 'diff';
import { normalizeTag } from '../tags/normalize';
import type { RevisionContent } from './store';

export type SegmentKind = 'equal' | 'added' | 'removed';
export interface Segment { kind: SegmentKind; text: string }

export type LineKind = 'equal' | 'added' | 'removed' | 'changed' | 'skip';
/**
 * One row of a body diff. `changed` pairs an old line with the new line that replaced it, with
 * the in-line changes as segments (equal + removed spell the old line, equal + added the new).
 * `skip` stands for `count` unchanged lines left out around the changes.
 */
export interface DiffLine {
  kind: LineKind;
  oldLine?: number;
  newLine?: number;
  text?: string;
  segments?: Segment[];
  count?: number;
}

export interface ContentDiff {
  title: Segment[];
  tags: { added: string[]; removed: string[] };
  body: DiffLine[];
  stats: { added: number; removed: number };
  /** `body` stops early: the diff had more rows or in-line segments than a diff answer carries (capBody). */
  truncated: boolean;
}

/**
 * The most a diff answer carries, whatever the bodies: rows of `body` (each `skip` row counts
 * one), and in-line segments of its `changed` rows together. A 50,000-line body against a
 * shuffled copy is ~100,000 rows, a 4.4 MB answer that the event loop would have to write out
 * and a browser to lay out; no reader follows a diff that long. `stats` still counts every
 * line. Documented in docs/AUTHORING.md.
 */
export const DIFF_MAX_ROWS = 2000;
export const DIFF_MAX_SEGMENTS = 10_000;

const sideText = (segs: Segment[], drop: SegmentKind) => segs.filter((s) => s.kind !== drop).map((s) => s.text).join('');

/**
 * The rows that fit the caps above, in order. A `changed` row whose segments would pass the
 * segment cap is shown as its old line removed and its new line added (two rows, no segments);
 * the first row that would pass the row cap ends the body, and `truncated` says so.
 */
export function capBody(rows: DiffLine[]): { body: DiffLine[]; truncated: boolean } {
  const body: DiffLine[] = [];
  let segments = 0;
  for (const row of rows) {
    let pieces = [row];
    if (row.kind === 'changed' && row.segments) {
      if (segments + row.segments.length <= DIFF_MAX_SEGMENTS) segments += row.segments.length;
      else {
        pieces = [
          { kind: 'removed', oldLine: row.oldLine, text: sideText(row.segments, 'added') },
          { kind: 'added', newLine: row.newLine, text: sideText(row.segments, 'removed') },
        ];
      }
    }
    if (body.length + pieces.length > DIFF_MAX_ROWS) return { body, truncated: true };
    body.push(...pieces);
  }
  return { body, truncated: false };
}

// Japanese has no spaces between words: ICU's dictionary segmentation finds the words, so a
// change of one word in a sentence is shown as that word, not as the whole line.
const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
const words = (s: string) => Array.from(segmenter.segment(s), (x) => x.segment);

/** Gives up on a diff that would take longer than this and shows old and new whole. */
const TIMEOUT_MS = 1000;

/**
 * The word-level diffs of one revision diff together get this long. Each line pair costs little,
 * but 25,000 of them (50,000 one-character lines against a shuffled copy) took over 2 s, past
 * the diff thread's time limit: the thread was stopped and a fresh one started for every such
 * request (seen in a CPU profile, issue 16 part 8). Past the budget, the pairs left are shown
 * as a removal and an addition, in linear time.
 */
export const INLINE_BUDGET_MS = 1000;

/**
 * Lines longer than this (either side) are not diffed word by word: shown as a removal and an
 * addition. jsdiff checks its timeout once per edit distance step, and on a long line of repeated
 * phrases one step can slide along the whole line on every diagonal: 100,000 characters of a
 * repeated Japanese sentence rewritten took 285 s inline, far past the timeout (20,000: 0.7 s;
 * 5,000: 0.1 s). Word-level changes in a paragraph of 5,000 characters are still shown.
 */
export const INLINE_MAX_CHARS = 5000;

function pushSegment(out: Segment[], kind: SegmentKind, text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last?.kind === kind) last.text += text;
  else out.push({ kind, text });
}

/**
 * Word-level changes within one line; joining the segments gives back both texts exactly.
 * Past `deadline` (a performance.now() time), or for a line over INLINE_MAX_CHARS, the old line
 * removed and the new one added.
 */
export function inlineDiff(before: string, after: string, deadline = Infinity): Segment[] {
  const out: Segment[] = [];
  const left = Math.min(TIMEOUT_MS, deadline - performance.now());
  const changes = left > 0 && before.length <= INLINE_MAX_CHARS && after.length <= INLINE_MAX_CHARS
    ? diffArrays(words(before), words(after), { timeout: left }) : undefined;
  if (!changes) {
    pushSegment(out, 'removed', before);
    pushSegment(out, 'added', after);
    return out;
  }
  for (const c of changes) pushSegment(out, c.added ? 'added' : c.removed ? 'removed' : 'equal', c.value.join(''));
  return out;
}

const linesOf = (c: ChangeObject<string>) => c.value.replace(/\r?\n$/, '').split(/\r?\n/);

/** Share of a line pair left unchanged; below this, a pair reads better as a removal and an addition. */
const SIMILAR_ENOUGH = 0.3;

function similarity(segments: Segment[], before: string, after: string): number {
  const kept = segments.filter((s) => s.kind === 'equal').reduce((n, s) => n + s.text.length, 0);
  return before.length + after.length === 0 ? 1 : (2 * kept) / (before.length + after.length);
}

function bodyLines(before: string, after: string, deadline: number): DiffLine[] {
  const changes = diffLines(before, after, { timeout: TIMEOUT_MS, stripTrailingCr: true, ignoreNewlineAtEof: true }) ??
    [{ value: before, removed: true, added: false, count: 0 }, { value: after, added: true, removed: false, count: 0 }]
      .filter((c) => c.value !== '');
  const out: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (!c.added && !c.removed) {
      for (const text of linesOf(c)) out.push({ kind: 'equal', oldLine: oldLine++, newLine: newLine++, text });
      continue;
    }
    if (c.added) {
      for (const text of linesOf(c)) out.push({ kind: 'added', newLine: newLine++, text });
      continue;
    }
    const removed = linesOf(c);
    const next = changes[i + 1];
    const added = next?.added ? linesOf(next) : [];
    if (next?.added) i++;
    const paired = Math.min(removed.length, added.length);
    const tail: DiffLine[] = [];
    for (let k = 0; k < paired; k++) {
      const segments = inlineDiff(removed[k], added[k], deadline);
      if (similarity(segments, removed[k], added[k]) >= SIMILAR_ENOUGH) {
        out.push({ kind: 'changed', oldLine: oldLine++, newLine: newLine++, segments });
      } else {
        out.push({ kind: 'removed', oldLine: oldLine++, text: removed[k] });
        tail.push({ kind: 'added', newLine: newLine++, text: added[k] });
      }
    }
    for (const text of removed.slice(paired)) out.push({ kind: 'removed', oldLine: oldLine++, text });
    out.push(...tail);
    for (const text of added.slice(paired)) out.push({ kind: 'added', newLine: newLine++, text });
  }
  return out;
}

/** Leaves `context` unchanged lines around each change and folds longer unchanged runs into `skip`. */
function fold(lines: DiffLine[], context: number): DiffLine[] {
  const out: DiffLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].kind !== 'equal') { out.push(lines[i++]); continue; }
    let j = i;
    while (j < lines.length && lines[j].kind === 'equal') j++;
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = j === lines.length ? 0 : context;
    if (j - i <= keepBefore + keepAfter + 1) {
      out.push(...lines.slice(i, j));
    } else {
      out.push(...lines.slice(i, i + keepBefore));
      const first = lines[i + keepBefore];
      out.push({ kind: 'skip', oldLine: first.oldLine, newLine: first.newLine, count: j - i - keepBefore - keepAfter });
      out.push(...lines.slice(j - keepAfter, j));
    }
    i = j;
  }
  return out;
}

export function diffContent(before: RevisionContent, after: RevisionContent, context: number, budgetMs = INLINE_BUDGET_MS): ContentDiff {
  const lines = bodyLines(before.body, after.body, performance.now() + budgetMs);
  const { body, truncated } = capBody(lines.some((l) => l.kind !== 'equal') ? fold(lines, context) : []);
  const beforeTags = new Set(before.tags.map(normalizeTag));
  const afterTags = new Set(after.tags.map(normalizeTag));
  return {
    title: inlineDiff(before.title, after.title),
    tags: {
      added: after.tags.filter((t) => !beforeTags.has(normalizeTag(t))),
      removed: before.tags.filter((t) => !afterTags.has(normalizeTag(t))),
    },
    body,
    stats: {
      added: lines.filter((l) => l.kind === 'added' || l.kind === 'changed').length,
      removed: lines.filter((l) => l.kind === 'removed' || l.kind === 'changed').length,
    },
    truncated,
  };
}

/**
 * The whole old body removed and the whole new body added, in time linear in the bodies: what a
 * diff that ran out of time is answered with (diff-pool.ts), as jsdiff's own give-up does.
 */
export function wholeDiff(before: RevisionContent, after: RevisionContent, context: number): ContentDiff {
  const split = (s: string) => (s === '' ? [] : s.replace(/\r?\n$/, '').split(/\r?\n/));
  const removed = split(before.body).map((text, i): DiffLine => ({ kind: 'removed', oldLine: i + 1, text }));
  const added = split(after.body).map((text, i): DiffLine => ({ kind: 'added', newLine: i + 1, text }));
  const same = before.body === after.body;
  const { body, truncated } = capBody(same ? [] : fold([...removed, ...added], context));
  const beforeTags = new Set(before.tags.map(normalizeTag));
  const afterTags = new Set(after.tags.map(normalizeTag));
  return {
    title: before.title === after.title ? [{ kind: 'equal', text: after.title }]
      : [{ kind: 'removed', text: before.title }, { kind: 'added', text: after.title }].filter((x) => x.text !== '') as Segment[],
    tags: {
      added: after.tags.filter((t) => !beforeTags.has(normalizeTag(t))),
      removed: before.tags.filter((t) => !afterTags.has(normalizeTag(t))),
    },
    body,
    stats: { added: same ? 0 : added.length, removed: same ? 0 : removed.length },
    truncated,
  };
}
