import type { Reason, ReasonParams } from '../http/reasons';
import { foldName } from '../shared/fold';
import { isBlank } from '../shared/text';

export const TAG_MAX = 40;

export const TAGS_PER_POST = 10;

/** How tags match: `Excel`, `excel` and `ＥＸＣＥＬ` are one tag. */
export function normalizeTag(name: string): string {
  return foldName(name);
}

/** The spelling kept for display: trimmed, inner white space collapsed, otherwise as typed. */
export function displayTag(name: string): string {
  return name.replace(/\s+/gu, ' ').trim();
}

/** Returns the cleaned, de-duplicated tags, or a message naming what is wrong. */
export type TagProblem = { problem: string; reason: Reason; params?: ReasonParams };

export function cleanTags(tags: readonly string[]): { tags: string[] } | TagProblem {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const name = displayTag(raw);
    const len = [...name].length;
    if (len < 1 || len > TAG_MAX) return { problem: `tags: each tag must be 1–${TAG_MAX} characters`, reason: 'tag_length', params: { max: TAG_MAX } };
    // Format characters (zero-width space and joiners, BOM, bidi controls and marks, soft hyphen)
    // draw nothing or reorder what follows: `excel\u200b` would be another tag that looks like `excel`.
    if (/[\p{Cc}\p{Cs}\p{Cf}]/u.test(name)) return { problem: 'tags: control and invisible format characters are not allowed', reason: 'tag_control_chars' };
    // A tag is a path segment (/tags/:name, /api/tags/:name/follow): `.` and `..` are dot segments,
    // which browsers and fetch resolve away (`/api/tags/../follow` is `/api/follow`).
    if (name === '.' || name === '..') return { problem: 'tags: a tag cannot be "." or ".."', reason: 'tag_dot_segment' };
    // A tag that shows nothing (Hangul fillers, the blank Braille pattern) is an empty one.
    if (isBlank(name)) return { problem: `tags: each tag must be 1–${TAG_MAX} characters`, reason: 'tag_length', params: { max: TAG_MAX } };
    const norm = normalizeTag(name);
    if (seen.has(norm)) continue;
    seen.add(norm);
    out.push(name);
  }
  if (out.length > TAGS_PER_POST) return { problem: `tags: at most ${TAGS_PER_POST} tags`, reason: 'tag_limit', params: { max: TAGS_PER_POST } };
  return { tags: out };
}
